package org.kura.server.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kura.catalog.StoredRecord;
import org.kura.search.RecordDocuments;
import org.kura.search.SearchQuery;
import org.kura.search.Searcher;
import org.kura.search.query.QueryNode;
import org.kura.server.oai.CollectionSets;

/** The theme portals as OAI-PMH collection sets: membership is the theme's search, asked of the index. */
public final class CollectionMembership implements CollectionSets {
    private final Curation curation;
    private final Searcher searcher;

    public CollectionMembership(Curation curation, Searcher searcher) {
        this.curation = curation;
        this.searcher = searcher;
    }

    @Override
    public List<Info> collections() {
        return curation.themes().stream().map(t -> new Info(t.id(), t.titleEn() == null || t.titleEn().isBlank()
                ? t.titleJa() : t.titleJa() + " / " + t.titleEn())).toList();
    }

    @Override
    public boolean exists(String id) {
        return Theme.ID.matcher(id).matches() && curation.theme(id).isPresent();
    }

    @Override
    public Set<String> members(String id, List<StoredRecord> records) {
        Map<String, String> byDocId = new HashMap<>();
        for (StoredRecord r : records) {
            byDocId.put(RecordDocuments.docId(r.providerId(), r.identifier()), r.providerId() + "\u0000" + r.identifier());
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        matching(id, byDocId.keySet()).forEach(d -> out.add(byDocId.get(d)));
        return out;
    }

    /** Which of these index documents ({@link RecordDocuments#docId}) the theme's search finds. */
    public Set<String> matching(String themeId, java.util.Collection<String> docIds) {
        Theme theme = curation.theme(themeId).orElseThrow(() -> new IllegalArgumentException("no collection " + themeId));
        SearchQuery q = ThemeScope.apply(theme, new SearchQuery(new QueryNode.All(), Map.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 1, 1, null, false, List.of()));
        List<String> ids = List.copyOf(docIds);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(searcher.matching(q, ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
        return out;
    }
}
