package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.compactproofs.checker.RepositoryFiles;
import org.junit.jupiter.api.Test;

/**
 * What an auditor reads for one certificate is the kernel and its strategy's rule family (docs/trusted-base.md):
 * a certificate is checked, in a class loader that holds only the kernel, the kernel's own dependencies (grammar,
 * ANTLR runtime, jackson-core) and one family's classes, with the same verdict as the full checker; the other
 * families' strategies are then unknown, so the kernel cannot have reached their code.
 */
class FamilyIsolationTest {
    private static final Path SEED_123 = RepositoryFiles.root().resolve("certificates/max-of-4/seed-123");

    /** A class path entry of a class (a jar or a classes directory). */
    private static URL home(String className) throws Exception {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
    }

    private static URLClassLoader kernelWith(String... families) throws Exception {
        List<URL> urls = new ArrayList<>(List.of(home("org.compactproofs.checker.Checker"),
                home("org.compactproofs.grammar.CertificateParser"), home("org.antlr.v4.runtime.Lexer"),
                home("com.fasterxml.jackson.core.JsonFactory")));
        for (String family : families) {
            urls.add(home(family));
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Checker.check(model, certificate, open, 1, Limits.DEFAULT) inside {@code loader}: accepted, or the refusal. */
    private static String check(ClassLoader loader, String strategy) throws Exception {
        Class<?> checker = loader.loadClass("org.compactproofs.checker.Checker");
        Class<?> limits = loader.loadClass("org.compactproofs.checker.Limits");
        Method check = checker.getMethod("check", Path.class, Path.class, Function.class, int.class, limits);
        Function<Path, InputStream> open = CertificateFile::open;
        try {
            Object verdict = check.invoke(null, RepositoryFiles.shippedModel(123), SEED_123.resolve(strategy + ".cert.gz"),
                    open, 1, limits.getField("DEFAULT").get(null));
            return "accepted " + verdict.getClass().getMethod("accepted").invoke(verdict);
        } catch (InvocationTargetException e) {
            return e.getCause().getMessage();
        }
    }

    @Test
    void aCubicCertificateNeedsOnlyTheKernelAndTheCaseFamily() throws Exception {
        assertTrue(Files.exists(SEED_123.resolve("cubic.cert.gz")));
        try (URLClassLoader loader = kernelWith("org.compactproofs.checker.cases.CaseFamily")) {
            assertEquals("accepted true", check(loader, "cubic"));
            assertEquals("accepted true", check(loader, "subcubic-maxdiff"));
            String grid = check(loader, "eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff");
            assertTrue(grid.contains("unknown strategy") && grid.contains("known: cubic, subcubic-coupled-0, subcubic-coupled-1, "
                    + "subcubic-coupled-2, subcubic-coupled-4, subcubic-maxdiff, subcubic-staircase-2, subcubic-staircase-4)"), grid);
            assertTrue(check(loader, "brute-force").contains("unknown strategy"));
        }
    }

    @Test
    void aBruteForceCertificateNeedsOnlyTheKernelAndRuleB1() throws Exception {
        try (URLClassLoader loader = kernelWith("org.compactproofs.checker.bruteforce.BruteForceFamily")) {
            assertEquals("accepted true", check(loader, "brute-force"));
            assertTrue(check(loader, "cubic").contains("unknown strategy 'cubic' (known: brute-force)"));
        }
    }

    /** The grid's keys are the case family's (CaseKey, CaseRule, CaseRowRule): S2 is read with them. */
    @Test
    void aGridCertificateNeedsTheGridAndTheCaseKeys() throws Exception {
        try (URLClassLoader loader = kernelWith("org.compactproofs.checker.grid.GridFamily",
                "org.compactproofs.checker.cases.CaseFamily")) {
            assertEquals("accepted true", check(loader, "eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff"));
            assertEquals("accepted true", check(loader, "subcubic-union"));
        }
    }
}
