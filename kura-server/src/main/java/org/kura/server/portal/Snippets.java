package org.kura.server.portal;

import org.kura.server.Html;

/** Highlighted text from the index made safe for HTML: everything escaped except the {@code <em>} marks. */
public final class Snippets {
    private Snippets() {
    }

    public static String html(String highlighted) {
        return Html.escape(highlighted).replace("&lt;em&gt;", "<em>").replace("&lt;/em&gt;", "</em>");
    }
}
