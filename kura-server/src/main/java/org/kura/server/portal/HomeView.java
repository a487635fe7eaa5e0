package org.kura.server.portal;

import java.util.List;

/** The home page and the providers list: the catalog's size, its providers, material types, themes and galleries. */
public record HomeView(long records, List<ProviderLine> providers, List<TypeLine> types, List<Theme> themes,
                       List<Gallery> galleries) {
    public record ProviderLine(String id, String name, String kind, long records, String url) {
    }

    public record TypeLine(String label, long count, String url) {
    }
}
