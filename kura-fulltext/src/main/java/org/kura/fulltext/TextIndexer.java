package org.kura.fulltext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;

/** Puts an item's stored text into the page-text index (replacing what was there) and makes it searchable. */
public final class TextIndexer {
    private final TextStore texts;
    private final PageTextIndex index;

    public TextIndexer(TextStore texts, PageTextIndex index) {
        this.texts = texts;
        this.index = index;
    }

    /** Indexes and commits; @return the pages indexed (pages without text are not) */
    public int index(PageTextIndex.ItemInfo info) {
        int pages = indexWithoutCommit(info);
        index.commit();
        return pages;
    }

    /** Indexes without making it visible yet: for many items in a row, with one {@link PageTextIndex#commit} at the end. */
    public int indexWithoutCommit(PageTextIndex.ItemInfo info) {
        Item item = ItemIngester.read(texts.objects(), info.itemId());
        Map<Integer, String> labels = new HashMap<>();
        for (int i = 0; i < item.pages().size(); i++) {
            if (item.pages().get(i).label() != null) {
                labels.put(i + 1, item.pages().get(i).label());
            }
        }
        List<PageText> pages = texts.pages(info.itemId());
        index.index(info, pages, texts.version(info.itemId()), labels);
        return (int) pages.stream().filter(p -> !p.isEmpty()).count();
    }
}
