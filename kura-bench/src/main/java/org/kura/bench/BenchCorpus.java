package org.kura.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Page;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.testkit.SyntheticCorpus;

/**
 * The generated catalog the end-to-end benchmarks run over: realistic Japanese bibliographic records
 * from {@link SyntheticCorpus} in two providers (one record in five from the second), committed a
 * thousand at a time.
 */
final class BenchCorpus {
    private BenchCorpus() {
    }

    /** Loads {@code n} records; returns the commit rate in records/s. */
    static double load(CatalogStore store, int n, PrintStream log) {
        SyntheticCorpus corpus = new SyntheticCorpus(7);
        store.saveProvider(Provider.of("bench", "ベンチマーク"));
        store.saveProvider(Provider.of("bench2", "ベンチマーク2"));
        log.println("bench: loading " + n + " records into the catalog…");
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 1000) {
            for (String provider : new String[] {"bench", "bench2"}) {
                List<Page.Entry> page = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 1000); i++) {
                    if ((i % 5 == 0) == provider.equals("bench2")) {
                        Record r = record(provider, corpus.fields(i));
                        page.add(new Page.Accepted(new RawRecord(provider, r.id(), "csv", Instant.EPOCH, false, List.of(),
                                r.mainTitle().getBytes(StandardCharsets.UTF_8)), r));
                    }
                }
                store.commit(new Page(0, provider, page, null));
            }
            if (from > 0 && from % 100_000 == 0) {
                log.printf("  %,d loaded%n", from);
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static Record record(String provider, SyntheticCorpus.Fields f) {
        Record.Builder b = Record.builder(f.identifier(), provider).materialType(MaterialType.BOOK)
                .title(new Title(f.title(), f.titleReading(), TitleType.MAIN, null))
                .agent(new Agent(f.creator(), f.creatorReading(), Role.AUTHOR, List.of(), null))
                .publisher(Agent.of(f.publisher(), Role.PUBLISHER))
                .date(new DateValue(f.dateText(), LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31),
                        DateType.ISSUED, false))
                .identifier(Identifiers.normalize(IdentifierType.ISBN, f.isbn()))
                .subject(new Subject(f.ndc(), SubjectScheme.NDC, null))
                .subject(new Subject(f.subject(), SubjectScheme.NDLSH, null))
                .language(f.language());
        return b.build();
    }
}
