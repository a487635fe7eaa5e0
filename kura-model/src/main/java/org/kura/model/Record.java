package org.kura.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The common record model: one normalized description of a book, serial, article, thesis, image,
 * art object, archival document, audio/video, web site or dataset, whatever format it came in.
 * Immutable; build it with {@link #builder(String, String)}.
 *
 * @param id            the provider's identifier of the record (e.g. the OAI identifier); stable
 * @param providerId    the provider that supplied it
 * @param materialType  one controlled material type
 * @param titles        main title first, then alternative / parallel / series titles
 * @param agents        creators and contributors with roles (publishers go to {@code publishers})
 * @param publishers    publishers (agents with role PUBLISHER)
 * @param places        places of publication as received
 * @param dates         dates with types; the first ISSUED date is the record's date
 * @param extent        extent (pages, size, duration) as received, or null
 * @param subjects      headings, classifications and keywords
 * @param languages     language codes (ISO 639-2/B or 639-3 as received, lower case)
 * @param identifiers   identifiers of the resource
 * @param descriptions  abstracts, notes, tables of contents
 * @param relations     part-of, versions, series
 * @param links         landing page, full text, holdings, thumbnail, IIIF manifest
 * @param rights        reuse condition of the described resource / content
 * @param accessTier    tier of the digital object, if any (PUBLIC when the provider states open access)
 * @param warnings      what the crosswalk noticed and was lenient about (kept with the record)
 * @param geoLocations  where the record is about or was made (points, boxes, place names); records
 *                      stored before there were coordinates simply have none
 */
public record Record(
        String id,
        String providerId,
        MaterialType materialType,
        List<Title> titles,
        List<Agent> agents,
        List<Agent> publishers,
        List<String> places,
        List<DateValue> dates,
        String extent,
        List<Subject> subjects,
        List<String> languages,
        List<Identifier> identifiers,
        List<String> descriptions,
        List<Relation> relations,
        List<Link> links,
        Rights rights,
        AccessTier accessTier,
        List<String> warnings,
        List<GeoLocation> geoLocations) {

    public Record {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerId, "providerId");
        materialType = materialType == null ? MaterialType.OTHER : materialType;
        titles = copy(titles);
        agents = copy(agents);
        publishers = copy(publishers);
        places = copy(places);
        dates = copy(dates);
        subjects = copy(subjects);
        languages = copy(languages);
        identifiers = copy(identifiers);
        descriptions = copy(descriptions);
        relations = copy(relations);
        links = copy(links);
        rights = rights == null ? Rights.UNKNOWN : rights;
        warnings = copy(warnings);
        geoLocations = copy(geoLocations);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Builder builder(String id, String providerId) {
        return new Builder(id, providerId);
    }

    /** The main title for display, or the first title, or an empty string. */
    public String mainTitle() {
        return titles.stream().filter(t -> t.type() == TitleType.MAIN).findFirst()
                .or(() -> titles.stream().findFirst()).map(Title::value).orElse("");
    }

    /** The first ISSUED date (or the first date of any type), or null. */
    public DateValue issued() {
        return dates.stream().filter(d -> d.type() == DateType.ISSUED).findFirst()
                .orElse(dates.isEmpty() ? null : dates.get(0));
    }

    public List<Identifier> identifiers(IdentifierType type) {
        return identifiers.stream().filter(i -> i.type() == type).toList();
    }

    /** A builder that collects repeated fields; one per record, not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String providerId;
        private MaterialType materialType;
        private final List<Title> titles = new ArrayList<>();
        private final List<Agent> agents = new ArrayList<>();
        private final List<Agent> publishers = new ArrayList<>();
        private final List<String> places = new ArrayList<>();
        private final List<DateValue> dates = new ArrayList<>();
        private String extent;
        private final List<Subject> subjects = new ArrayList<>();
        private final List<String> languages = new ArrayList<>();
        private final List<Identifier> identifiers = new ArrayList<>();
        private final List<String> descriptions = new ArrayList<>();
        private final List<Relation> relations = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private Rights rights;
        private AccessTier accessTier;
        private final List<String> warnings = new ArrayList<>();
        private final List<GeoLocation> geoLocations = new ArrayList<>();

        private Builder(String id, String providerId) {
            this.id = id;
            this.providerId = providerId;
        }

        public Builder materialType(MaterialType t) { this.materialType = t; return this; }
        public Builder title(Title t) { titles.add(t); return this; }
        public Builder agent(Agent a) { agents.add(a); return this; }
        public Builder publisher(Agent a) { publishers.add(a); return this; }
        public Builder place(String p) { places.add(p); return this; }
        public Builder date(DateValue d) { dates.add(d); return this; }
        public Builder extent(String e) { this.extent = e; return this; }
        public Builder subject(Subject s) { subjects.add(s); return this; }
        public Builder language(String l) { languages.add(l); return this; }
        public Builder identifier(Identifier i) { identifiers.add(i); return this; }
        public Builder description(String d) { descriptions.add(d); return this; }
        public Builder relation(Relation r) { relations.add(r); return this; }
        public Builder link(Link l) { links.add(l); return this; }
        public Builder rights(Rights r) { this.rights = r; return this; }
        public Builder accessTier(AccessTier t) { this.accessTier = t; return this; }
        public Builder warning(String w) { warnings.add(w); return this; }
        public Builder geoLocation(GeoLocation g) { geoLocations.add(g); return this; }

        public boolean hasTitle() { return !titles.isEmpty(); }

        public Record build() {
            return new Record(id, providerId, materialType, titles, agents, publishers, places, dates, extent,
                    subjects, languages, identifiers, descriptions, relations, links, rights, accessTier, warnings, geoLocations);
        }
    }
}
