package org.kura.ingest.crosswalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kura.model.AccessTier;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * A CSV/TSV row, already mapped to Kura's field names by {@code ColumnMapping} and stored as a JSON
 * object (each value a string or an array of strings), into the common model. The field names:
 * {@value #FIELDS}.
 */
public final class CsvCrosswalk implements Crosswalk {
    public static final String FIELDS = "id, title, title_reading, alternative_title, creator, creator_reading, "
            + "contributor, publisher, place, date, extent, subject, ndc, ndlsh, language, isbn, issn, doi, ncid, "
            + "jpno, identifier, description, type, url, thumbnail, iiif_manifest, rights, access, coordinates";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        JsonNode row;
        try {
            row = JSON.readTree(raw.bytes());
        } catch (IOException e) {
            throw new CrosswalkException("not a mapped CSV row: " + e.getMessage(), e);
        }
        if (row == null || !row.isObject()) {
            throw new CrosswalkException("not a mapped CSV row (expected a JSON object)");
        }
        Record.Builder b = Record.builder(raw.identifier(), raw.providerId());
        List<String> titles = values(row, "title");
        if (titles.isEmpty()) {
            throw new CrosswalkException("row without a title");
        }
        List<String> readings = values(row, "title_reading");
        b.title(new Title(titles.get(0), readings.isEmpty() ? null : readings.get(0), TitleType.MAIN, null));
        for (String t : titles.subList(1, titles.size())) {
            b.title(new Title(t, null, TitleType.PARALLEL, null));
        }
        values(row, "alternative_title").forEach(t -> b.title(new Title(t, null, TitleType.ALTERNATIVE, null)));
        List<String> creators = values(row, "creator");
        List<String> creatorReadings = values(row, "creator_reading");
        for (int i = 0; i < creators.size(); i++) {
            String c = creators.get(i);
            b.agent(new Agent(Roles.stripRoleWord(c), i < creatorReadings.size() ? creatorReadings.get(i) : null,
                    Roles.fromJapaneseSuffix(c), List.of(), null));
        }
        values(row, "contributor").forEach(c -> b.agent(Agent.of(c, Role.CONTRIBUTOR)));
        values(row, "publisher").forEach(p -> b.publisher(Agent.of(p, Role.PUBLISHER)));
        values(row, "place").forEach(b::place);
        values(row, "date").forEach(d -> b.date(DateValue.parse(d, DateType.ISSUED)));
        values(row, "extent").stream().findFirst().ifPresent(b::extent);
        values(row, "subject").forEach(s -> b.subject(new Subject(s, SubjectScheme.KEYWORD, null)));
        values(row, "ndlsh").forEach(s -> b.subject(new Subject(s, SubjectScheme.NDLSH, null)));
        values(row, "ndc").forEach(s -> b.subject(new Subject(s, SubjectScheme.NDC, null)));
        values(row, "language").forEach(l -> b.language(l.toLowerCase(Locale.ROOT)));
        values(row, "isbn").forEach(v -> b.identifier(Identifiers.normalize(IdentifierType.ISBN, v)));
        values(row, "issn").forEach(v -> b.identifier(Identifiers.normalize(IdentifierType.ISSN, v)));
        values(row, "doi").forEach(v -> b.identifier(Identifiers.normalize(IdentifierType.DOI, v)));
        values(row, "ncid").forEach(v -> b.identifier(Identifiers.normalize(IdentifierType.NCID, v)));
        values(row, "jpno").forEach(v -> b.identifier(Identifiers.normalize(IdentifierType.JPNO, v)));
        values(row, "identifier").forEach(v -> b.identifier(
                Identifiers.detect(v).orElse(new Identifier(IdentifierType.LOCAL, v, v, true))));
        values(row, "description").forEach(b::description);
        values(row, "url").forEach(u -> b.link(new Link(u, LinkKind.LANDING_PAGE, null)));
        values(row, "thumbnail").forEach(u -> b.link(new Link(u, LinkKind.THUMBNAIL, null)));
        values(row, "iiif_manifest").forEach(u -> b.link(new Link(u, LinkKind.IIIF_MANIFEST, null)));
        values(row, "rights").stream().findFirst().ifPresent(r -> b.rights(Rights.fromStatement(r)));
        for (String a : values(row, "access")) {
            try {
                b.accessTier(AccessTier.parse(a));
            } catch (IllegalArgumentException e) {
                b.warning("unknown access tier " + a);
            }
        }
        for (String c : values(row, "coordinates")) {
            if (!GeoLocations.fromText(c, "coordinates", b)) {
                b.warning("coordinates not recognised: " + c);
            }
        }
        MaterialType type = values(row, "type").stream().map(MaterialTypes::of)
                .flatMap(java.util.Optional::stream).findFirst().orElse(MaterialType.OTHER);
        b.materialType(type);
        return b.build();
    }

    private static List<String> values(JsonNode row, String field) {
        JsonNode v = row.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (!x.asText().isBlank()) {
                    out.add(x.asText().strip());
                }
            });
        } else if (!v.asText().isBlank()) {
            out.add(v.asText().strip());
        }
        return out;
    }
}
