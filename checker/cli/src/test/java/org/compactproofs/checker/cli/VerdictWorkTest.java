package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.junit.jupiter.api.Test;

/** The typed work of a verdict agrees with its named counters (callers read the former, people the latter). */
class VerdictWorkTest {
    private static Verdict check(String strategy) {
        Path dir = RepositoryFiles.root().resolve("certificates/max-of-4/seed-123");
        return Checker.check(RepositoryFiles.shippedModel(123), dir.resolve(strategy + ".cert.gz"), CertificateFile::open, 2,
                Limits.DEFAULT);
    }

    @Test
    void typedWorkMatchesTheNamedCounters() {
        Verdict cubic = check("cubic");
        Map<String, Long> ops = cubic.operations();
        assertTrue(cubic.accepted() && cubic.work().cases() > 1000, cubic.work().toString());
        assertEquals(ops.get("case.cases"), cubic.work().cases());
        assertEquals(ops.get("case.bound-operations (double, rounded down)"), cubic.work().boundOperations());
        Verdict grid = check("eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff");
        Map<String, Long> g = grid.operations();
        assertEquals(g.get("gap-case.cases"), grid.work().cases());
        assertEquals(g.get("gap-case.bound-operations (double, rounded down)") + g.get("gap-case.table-operations"),
                grid.work().boundOperations());
        assertEquals(new Verdict.Work(0, 0), check("brute-force").work());
    }
}
