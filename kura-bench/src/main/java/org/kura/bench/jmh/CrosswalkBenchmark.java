package org.kura.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kura.ingest.crosswalk.Crosswalk;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.model.DateParser;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.testkit.SyntheticCorpus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of the crosswalks and the date parser, to read next to {@code kura bench ingest}.
 * Run: {@code java -cp "kura-cli/target/kura-cli.jar:kura-cli/target/lib/*" org.openjdk.jmh.Main CrosswalkBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CrosswalkBenchmark {
    private RawRecord oaiDc;
    private RawRecord dcndl;
    private Crosswalk oaiDcCrosswalk;
    private Crosswalk dcndlCrosswalk;

    @Setup
    public void setUp() {
        SyntheticCorpus.Fields f = new SyntheticCorpus(1).fields(7);
        oaiDc = new RawRecord("b", f.identifier(), "oai_dc", null, false, List.of(),
                SyntheticCorpus.oaiDc(f).getBytes(StandardCharsets.UTF_8));
        dcndl = new RawRecord("b", f.identifier(), "dcndl", null, false, List.of(),
                SyntheticCorpus.dcndl(f).getBytes(StandardCharsets.UTF_8));
        StandardCrosswalks c = new StandardCrosswalks();
        oaiDcCrosswalk = c.forFormat("oai_dc").orElseThrow();
        dcndlCrosswalk = c.forFormat("dcndl").orElseThrow();
    }

    @Benchmark
    public Record oaiDc() throws Exception {
        return oaiDcCrosswalk.apply(oaiDc);
    }

    @Benchmark
    public Record dcndl() throws Exception {
        return dcndlCrosswalk.apply(dcndl);
    }

    @Benchmark
    public DateValue eraDate() {
        return DateParser.parse("昭和四十年(1965)", DateType.ISSUED);
    }
}
