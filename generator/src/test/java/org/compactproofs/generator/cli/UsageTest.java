package org.compactproofs.generator.cli;

import org.junit.jupiter.api.Test;

/** {@code --help} of every generator command prints its usage cleanly (the checker's UsageTest, on this tree). */
class UsageTest {
    @Test
    void everyGeneratorCommandPrintsItsUsageCleanly() {
        org.compactproofs.checker.cli.UsageTest.assertEveryUsageIsClean(GeneratorMain::new);
    }
}
