package org.kura.server.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.kura.catalog.StoredRecord;
import org.kura.model.Agent;
import org.kura.model.IdentifierType;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;

/**
 * Tab-separated values with a header row, for spreadsheets and quick scripts: the fields most reuses
 * need; several values in one cell are separated by {@code " | "}; tabs and line breaks in values
 * become spaces.
 */
public final class TsvFormat implements DumpFormat {
    static final List<String> COLUMNS = List.of("id", "provider", "deleted", "updated", "type", "title", "title_reading",
            "creators", "publishers", "date", "year", "isbn", "issn", "doi", "ndc", "subjects", "languages", "reuse",
            "metadata_licence", "url");

    @Override
    public String name() {
        return "tsv";
    }

    @Override
    public String mediaType() {
        return "text/tab-separated-values";
    }

    @Override
    public void writeHeader(OutputStream out) throws IOException {
        out.write((String.join("\t", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Writer open(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new Writer() {
            @Override
            public boolean write(StoredRecord s, ReuseCondition licence) throws IOException {
                Record r = s.normalized();
                boolean deleted = s.deleted() || r == null;
                String[] cells = new String[COLUMNS.size()];
                cells[0] = s.identifier();
                cells[1] = s.providerId();
                cells[2] = deleted ? "true" : "false";
                cells[3] = s.updatedAt().toString();
                if (!deleted) {
                    Title main = r.titles().isEmpty() ? null : r.titles().get(0);
                    cells[4] = r.materialType().name().toLowerCase(java.util.Locale.ROOT);
                    cells[5] = r.mainTitle();
                    cells[6] = main == null ? null : main.reading();
                    cells[7] = join(r.agents().stream().map(Agent::name).toList());
                    cells[8] = join(r.publishers().stream().map(Agent::name).toList());
                    cells[9] = r.issued() == null ? null : r.issued().original();
                    cells[10] = r.issued() == null || r.issued().start() == null ? null
                            : Integer.toString(r.issued().start().getYear());
                    cells[11] = ids(r, IdentifierType.ISBN);
                    cells[12] = ids(r, IdentifierType.ISSN);
                    cells[13] = ids(r, IdentifierType.DOI);
                    cells[14] = join(r.subjects().stream().filter(x -> x.scheme() == SubjectScheme.NDC
                            || x.scheme() == SubjectScheme.NDC9 || x.scheme() == SubjectScheme.NDC10).map(Subject::value).toList());
                    cells[15] = join(r.subjects().stream().filter(x -> x.scheme() != SubjectScheme.NDC
                            && x.scheme() != SubjectScheme.NDC9 && x.scheme() != SubjectScheme.NDC10).map(Subject::value).toList());
                    cells[16] = join(r.languages());
                    cells[17] = r.rights().condition().name();
                    cells[18] = licence.name();
                    cells[19] = r.links().stream().filter(l -> l.kind() == LinkKind.LANDING_PAGE).map(Link::url)
                            .findFirst().orElse(null);
                }
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        w.write('\t');
                    }
                    if (cells[i] != null) {
                        w.write(clean(cells[i]));
                    }
                }
                w.write('\n');
                return true;
            }

            @Override
            public void close() throws IOException {
                w.flush();
            }
        };
    }

    private static String ids(Record r, IdentifierType type) {
        return join(r.identifiers(type).stream().map(i -> i.value()).toList());
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining(" | "));
    }

    static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
