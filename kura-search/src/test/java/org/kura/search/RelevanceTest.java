package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged query set must keep its quality: nDCG@10 ≥ 0.9 on variant forms (the target) and
 * on the set as a whole. Quality, not timing: this can be asserted.
 */
class RelevanceTest {
    @TempDir
    Path dir;

    @Test
    void judgedQueriesMeetTheTargets() throws Exception {
        RelevanceBench.Report report = new RelevanceBench().run(dir);
        StringBuilder failures = new StringBuilder();
        report.queries().stream().filter(q -> q.ndcg() < 1).forEach(q -> failures.append(q.queryClass()).append(' ')
                .append(q.query()).append(" → ").append(q.top()).append(" wanted ").append(q.relevant()).append('\n'));
        assertThat(report.queries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(report.of("variant").ndcg()).as(failures.toString()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.of("all").ndcg()).as(failures.toString()).isGreaterThanOrEqualTo(0.9);
        System.out.println(RelevanceBench.HEADER);
        report.classes().forEach(c -> System.out.println(c.markdownRow()));
        System.out.println(failures);
    }
}
