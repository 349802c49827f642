package org.compactproofs.generator.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** The README's headline figures are quoted word for word from the generated results pages, never typed. */
class ReadmeQuotesTest {
    private static final Path ROOT = RepositoryFiles.root();

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** docs/results.md's headline table, between its quote markers. */
    @Test
    void theHeadlineTableIsQuotedFromTheResultsPage() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/results.md"));
        int from = page.indexOf("<!-- quoted in README.md -->\n"), to = page.indexOf("<!-- end of the quote -->");
        assertTrue(from >= 0 && to > from, "docs/results.md has no headline table (generator sweep writes it)");
        String table = page.substring(from + "<!-- quoted in README.md -->\n".length(), to);
        assertTrue(readme().contains(table), "README.md should quote docs/results.md's headline table:\n" + table);
    }

    /** docs/results-scale.md's headline sentence. */
    @Test
    void theScaleHeadlineIsQuotedFromTheScalePage() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/results-scale.md"));
        int at = page.indexOf("## Headline\n\n");
        assertTrue(at >= 0, "docs/results-scale.md has no headline (generator plot --scale writes it)");
        String headline = page.substring(at + 13, page.indexOf('\n', at + 13));
        assertTrue(readme().contains(headline), "README.md should quote: " + headline);
    }
}
