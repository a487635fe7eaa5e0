package org.kura.server.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.RecordJson;

/** Theme portals and galleries, kept as JSON documents in the catalog. */
public final class Curation {
    private static final String THEME = "theme";
    private static final String GALLERY = "gallery";
    private final CatalogStore store;
    private final ObjectMapper json = RecordJson.mapper();

    public Curation(CatalogStore store) {
        this.store = store;
    }

    public void save(Theme t) {
        store.saveCurated(THEME, t.id(), write(t));
    }

    public void save(Gallery g) {
        store.saveCurated(GALLERY, g.id(), write(g));
    }

    public Optional<Theme> theme(String id) {
        return store.curated(THEME, id).map(s -> read(s, Theme.class));
    }

    public Optional<Gallery> gallery(String id) {
        return store.curated(GALLERY, id).map(s -> read(s, Gallery.class));
    }

    public List<Theme> themes() {
        List<Theme> out = new ArrayList<>();
        store.curatedList(THEME).forEach(s -> out.add(read(s, Theme.class)));
        return out;
    }

    public List<Gallery> galleries() {
        List<Gallery> out = new ArrayList<>();
        store.curatedList(GALLERY).forEach(s -> out.add(read(s, Gallery.class)));
        return out;
    }

    public boolean removeTheme(String id) {
        return store.removeCurated(THEME, id);
    }

    public boolean removeGallery(String id) {
        return store.removeCurated(GALLERY, id);
    }

    /** A theme or gallery from its JSON (as the admin API and {@code kura theme add} take it). */
    public <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ": "
                    + e.getOriginalMessage());
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
