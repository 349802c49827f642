package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code checker.jar check} run in-process on a small random model (vocab 6, context 3: 216 inputs) with valid,
 * wrong and broken certificates: the exit code follows docs/cli.md (0 accepted, 1 rejected, 2 unusable input),
 * a rejection or an unusable certificate names the file, line and column, and no stack trace ever reaches the
 * user.
 */
class CheckRejectionTest {
    private static final byte[] MODEL = TestModels.randomModel(6, 3, 4, 4, 7);
    private static final byte[] OTHER_MODEL = TestModels.randomModel(6, 3, 4, 4, 8);
    private static final String SHA = ModelReader.sha256(MODEL);
    private static final String TASK = "task max-of-k vocab 6 context 3 distribution uniform";

    @TempDir
    Path dir;
    Path model;
    Path cert;
    /** What the brute-force step proves about MODEL (computed once per test by the checker's own API). */
    BigInteger proven;

    @BeforeEach
    void setUp() throws IOException {
        model = dir.resolve("model.safetensors");
        Files.write(model, MODEL);
        cert = dir.resolve("model.cert");
        write(certificate("0"));
        proven = CertificateFile.check(model, cert, 2).proven();
        assertTrue(proven.signum() > 0 && proven.compareTo(BigInteger.valueOf(216)) < 0,
                "the test model must be neither perfect nor useless; it proves " + proven);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String header(String claim) {
        return "compact-proofs certificate 1\n"
                + "model sha256:" + SHA + "\n"
                + TASK + "\n"
                + "claim correct " + claim + " of 216   # comment\n"
                + "strategy brute-force\n";
    }

    private static String certificate(String claim) {
        return header(claim) + "brute-force\n";
    }

    private String valid() {
        return certificate(proven.toString());
    }

    private void write(String text) throws IOException {
        Files.writeString(cert, text, StandardCharsets.UTF_8);
    }

    private void write(byte[] bytes) throws IOException {
        Files.write(cert, bytes);
    }

    private CliRun check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--model", model.toString(), "--cert", cert.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** 1-based column of the first occurrence of {@code what} in {@code line}. */
    private static int column(String line, String what) {
        int i = line.indexOf(what);
        assertTrue(i >= 0, what + " not in " + line);
        return i + 1;
    }

    private static void assertNoStackTrace(CliRun run) {
        String all = run.stdout() + run.stderr();
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "stack trace or exception name:\n" + all);
        assertFalse(all.contains("internal error"), all);
    }

    /** Exit 2, no stack trace, and stderr names cert:line:column (column null: any column) and every phrase. */
    private CliRun assertUnusable(CliRun run, int line, Integer column, String... phrases) {
        assertNoStackTrace(run);
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        String where = Pattern.quote(cert + ":" + line + ":") + (column == null ? "[1-9][0-9]*" : column.toString())
                + ": ";
        assertTrue(Pattern.compile(where).matcher(run.stderr()).find(),
                "expected " + cert + ":" + line + ":" + (column == null ? "<column>" : column) + " in:\n" + run.stderr());
        for (String p : phrases) {
            assertTrue(run.stderr().contains(p), "expected '" + p + "' in:\n" + run.stderr());
        }
        assertTrue(run.stderr().length() < 2000, "an error is reported in a few lines, not "
                + run.stderr().length() + " characters");
        return run;
    }

    /** Exit 2 with the line and some column, whatever the wording. */
    private CliRun assertUnusableAtLine(CliRun run, int line) {
        return assertUnusable(run, line, null);
    }

    /** Exit 2, no stack trace, no position required (the problem is not inside the certificate's text). */
    private static void assertUnusableFile(CliRun run, String... phrases) {
        assertNoStackTrace(run);
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        for (String p : phrases) {
            assertTrue(run.stderr().contains(p), "expected '" + p + "' in:\n" + run.stderr());
        }
    }

    private CliRun assertRejectedAtClaim(CliRun run) {
        assertNoStackTrace(run);
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().startsWith("REJECTED " + cert + ":4:1 rule claim"), run.stdout());
        return run;
    }

    // ---------------------------------------------------------------------------------------------- 1. accepted

    @Test
    void claimEqualToTheProvenCountIsAccepted() throws IOException {
        write(valid());
        CliRun run = check();
        assertNoStackTrace(run);
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().startsWith("ACCEPTED " + cert), run.stdout());
        assertTrue(run.stdout().contains(proven + " of 216 inputs correct"), run.stdout());
        assertTrue(run.stdout().contains(SHA), run.stdout());
    }

    /** Rule B1's keyed form: one step per maximum proves what the plain step proves, in any order of the keys. */
    @Test
    void theKeyedBruteForceProvesWhatThePlainOneProves() throws IOException {
        StringBuilder keyed = new StringBuilder(header(proven.toString()));
        for (int m : new int[] {5, 0, 3, 1, 4, 2}) {
            keyed.append("brute-force max ").append(m).append('\n');
        }
        write(keyed.toString());
        CliRun run = check();
        assertNoStackTrace(run);
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains(proven + " of 216 inputs correct"), run.stdout());
    }

    /** A key missing proves too little; a key twice or out of range is rejected at its line; forms never mix. */
    @Test
    void keyedBruteForceStepsAreCheckedKeyByKey() throws IOException {
        int proving = -1; // a maximum whose inputs include a correct one
        for (int m = 0; m < 6 && proving < 0; m++) {
            write(header("1") + "brute-force max " + m + "\n");
            proving = check().exitCode() == ExitCodes.ACCEPTED ? m : -1;
        }
        assertTrue(proving >= 0);
        StringBuilder all = new StringBuilder();
        for (int m = 0; m < 6; m++) {
            all.append(m == proving ? "" : "brute-force max " + m + "\n");
        }
        write(header(proven.toString()) + all);
        assertRejectedAtClaim(check());
        String keys = "brute-force max 0\nbrute-force max 1\nbrute-force max 2\nbrute-force max 3\nbrute-force max 4\n";
        write(header("0") + keys + "brute-force max 2\n");
        CliRun twice = check();
        assertEquals(ExitCodes.REJECTED, twice.exitCode(), twice.toString());
        assertTrue(twice.stdout().contains(":11:1 rule brute-force") && twice.stdout().contains("each max appears once")
                && twice.stdout().contains("already at line 8"), twice.stdout());
        write(header("0") + "brute-force max 6\n");
        CliRun outside = check();
        assertEquals(ExitCodes.REJECTED, outside.exitCode(), outside.toString());
        assertTrue(outside.stdout().contains("0 <= max < vocab"), outside.stdout());
        write(header("0") + "brute-force max 1\nbrute-force\n");
        assertUnusable(check(), 7, 1, "cannot follow the keyed form");
        write(header("0") + "brute-force\nbrute-force max 1\n");
        assertUnusable(check(), 7, 1, "cannot follow the plain");
        write(header("0") + "brute-force max 1 upto 2\n");
        assertUnusableAtLine(check(), 6);
    }

    @Test
    void acceptedJsonHasEveryDocumentedField() throws IOException {
        write(valid());
        CliRun run = check("--json");
        assertNoStackTrace(run);
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals("ACCEPTED", json.get("verdict"));
        assertEquals(proven, json.get("provenCount"));
        assertEquals(proven, json.get("stepsProved"));
        assertEquals(BigInteger.valueOf(216), json.get("total"));
        BigInteger g = proven.gcd(BigInteger.valueOf(216));
        assertEquals(proven.divide(g) + "/" + BigInteger.valueOf(216).divide(g), json.get("bound"));
        String decimal = (String) json.get("boundDecimal");
        assertTrue(decimal.matches("0\\.[0-9]{10}"), decimal);
        assertEquals(proven.doubleValue() / 216, Double.parseDouble(decimal), 1e-9);
        assertTrue(Double.parseDouble(decimal) <= proven.doubleValue() / 216, "the decimal never overstates");
        assertEquals(SHA, json.get("modelSha256"));
        assertEquals("brute-force", json.get("strategy"));
        Map<?, ?> ops = assertInstanceOf(Map.class, json.get("operations"));
        assertEquals(BigInteger.valueOf(216), ops.get("brute-force.inputs"));
        assertFalse(json.containsKey("error"), run.stdout());
    }

    @Test
    void claimBelowTheProvenCountIsAcceptedWithTheClaimAsTheBound() throws IOException {
        write(certificate("1"));
        CliRun run = check("--json");
        assertNoStackTrace(run);
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals(BigInteger.ONE, json.get("provenCount"));
        assertEquals(proven, json.get("stepsProved"));
        assertEquals("1/216", json.get("bound"));
    }

    @Test
    void crlfLineEndingsAreAccepted() throws IOException {
        write(valid().replace("\n", "\r\n"));
        CliRun run = check();
        assertNoStackTrace(run);
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
    }

    // ---------------------------------------------------------------------------------------------- 2. rejected

    @Test
    void claimOneAboveTheProvenCountIsRejectedAtTheClaimLine() throws IOException {
        write(certificate(proven.add(BigInteger.ONE).toString()));
        CliRun run = assertRejectedAtClaim(check());
        assertTrue(run.stdout().contains("proven count >= claimed count does not hold"), run.stdout());
        assertTrue(run.stdout().contains("left side   " + proven), run.stdout());
        assertTrue(run.stdout().contains("right side  " + proven.add(BigInteger.ONE)), run.stdout());
    }

    @Test
    void rejectedJsonHasTheErrorPosition() throws IOException {
        write(certificate(proven.add(BigInteger.ONE).toString()));
        CliRun run = check("--json");
        assertNoStackTrace(run);
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals("REJECTED", json.get("verdict"));
        assertEquals(BigInteger.ZERO, json.get("provenCount"), "a rejected certificate certifies nothing");
        assertEquals(proven, json.get("stepsProved"));
        assertEquals("0/1", json.get("bound"));
        Map<?, ?> error = assertInstanceOf(Map.class, json.get("error"));
        assertEquals(BigInteger.valueOf(4), error.get("line"));
        assertEquals(BigInteger.ONE, error.get("column"));
        assertEquals("claim", error.get("rule"));
        String message = (String) error.get("message");
        assertTrue(message.contains(proven.toString()) && message.contains(proven.add(BigInteger.ONE).toString()),
                message);
    }

    @Test
    void claimOnAnotherLineIsReportedAtThatLine() throws IOException {
        String text = certificate(proven.add(BigInteger.ONE).toString())
                .replace("\nclaim", "\n\n# a comment line\n   \nclaim");
        write(text);
        CliRun run = check();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().startsWith("REJECTED " + cert + ":7:1 rule claim"), run.stdout());
    }

    @Test
    void outputIsByteIdenticalWhateverTheThreads() throws IOException {
        for (String claim : new String[] {proven.toString(), proven.add(BigInteger.ONE).toString()}) {
            write(certificate(claim));
            for (String format : new String[] {"--json", "--threads"}) {
                List<CliRun> runs = new ArrayList<>();
                for (String threads : new String[] {"1", "3", "0"}) {
                    CliRun run = format.equals("--json") ? check("--json", "--threads", threads) : check("--threads", threads);
                    assertNoStackTrace(run);
                    runs.add(run);
                }
                for (CliRun run : runs.subList(1, 3)) {
                    assertEquals(runs.get(0).exitCode(), run.exitCode());
                    assertEquals(runs.get(0).stdout(), run.stdout(), "stdout must not depend on the thread count");
                }
            }
            Map<String, Object> json = parseJson(check("--json").stdout());
            assertFalse(json.containsKey("seconds"), "no timing unless asked");
            assertEquals(proven, json.get("stepsProved"));
            assertTrue(parseJson(check("--json", "--timing").stdout()).containsKey("seconds"));
        }
        assertEquals(proven, CertificateFile.check(model, cert, 1).proven());
        assertEquals(proven, CertificateFile.check(model, cert, 3).proven());
    }

    // ---------------------------------------------------------------------------------------------- 3. other model

    @Test
    void anotherModelIsAHashMismatchAtLine2() throws IOException {
        write(valid());
        Files.write(model, OTHER_MODEL);
        CliRun run = assertUnusable(check(), 2, 7, "SHA-256", SHA, ModelReader.sha256(OTHER_MODEL));
        assertTrue(run.stdout().isEmpty(), run.stdout());
    }

    @Test
    void hashMismatchInJsonIsUnusable() throws IOException {
        write(valid());
        Files.write(model, OTHER_MODEL);
        CliRun run = check("--json");
        assertNoStackTrace(run);
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode());
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals("UNUSABLE", json.get("verdict"));
        Map<?, ?> error = assertInstanceOf(Map.class, json.get("error"));
        assertEquals(BigInteger.TWO, error.get("line"));
        assertEquals(BigInteger.valueOf(7), error.get("column"));
        assertTrue(((String) error.get("message")).contains("SHA-256"), run.stdout());
    }

    @Test
    void uppercaseOrShortHashIsRefused() throws IOException {
        write(valid().replace(SHA, SHA.toUpperCase()));
        assertUnusable(check(), 2, 7, "64 lowercase hexadecimal");
        write(valid().replace(SHA, SHA.substring(1)));
        assertUnusable(check(), 2, 7, "64 lowercase hexadecimal");
    }

    // ---------------------------------------------------------------------------------------------- 4. header

    @Test
    void wrongVocabInTheTaskLineIsUnusable() throws IOException {
        // vocab 7 with a consistent total 343: the task does not describe the model
        write(valid().replace("vocab 6", "vocab 7").replace(" of 216", " of 343"));
        assertUnusable(check(), 3, 1, "vocab 7", "the model has vocab 6");
        // vocab 7 with the total left at 216: the claim's total is wrong
        write(valid().replace("vocab 6", "vocab 7"));
        String claimLine = "claim correct " + proven + " of 216";
        assertUnusable(check(), 4, column(claimLine, "216"), "343");
        // the context wrong
        write(certificate("0").replace("context 3", "context 2").replace(" of 216", " of 36"));
        assertUnusable(check(), 3, 1, "context 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "99999999999999999999"})
    void unsupportedVersionIsUnusable(String version) throws IOException {
        write(valid().replace("compact-proofs certificate 1", "compact-proofs certificate " + version));
        assertUnusable(check(), 1, column("compact-proofs certificate " + version, version), "version");
    }

    @Test
    void totalOtherThanVocabToTheContextIsUnusable() throws IOException {
        for (String total : new String[] {"215", "217", "0", "36"}) {
            write(valid().replace(" of 216", " of " + total));
            String claimLine = "claim correct " + proven + " of " + total;
            assertUnusable(check(), 4, column(claimLine, " of ") + 4, "vocab^context", "216");
        }
    }

    @Test
    void claimAboveTheTotalOrNegativeIsUnusable() throws IOException {
        write(certificate("217"));
        assertUnusable(check(), 4, 15, "217");
        write(certificate("-1"));
        assertUnusable(check(), 4, 15, "negative");
    }

    @Test
    void headerLinesOutOfOrderAreUnusable() throws IOException {
        String[] lines = valid().split("\n");
        String swapped = String.join("\n", lines[0], lines[2], lines[1], lines[3], lines[4], lines[5]) + "\n";
        write(swapped);
        assertUnusable(check(), 2, 1, "expected the header's 'model' line");
        write(valid().replace("compact-proofs certificate 1\n", ""));
        assertUnusable(check(), 1, 1, "expected the header's 'version' line");
    }

    // ---------------------------------------------------------------------------------------------- 5. truncated

    @Test
    void certificateCutAfterAHeaderLineEndsBeforeTheHeader() throws IOException {
        String text = valid();
        int end = -1;
        for (int lineNo = 1; lineNo <= 4; lineNo++) {
            end = text.indexOf('\n', end + 1);
            write(text.substring(0, end + 1));
            assertUnusable(check(), lineNo + 1, 1, "ends before");
            write(text.substring(0, end)); // no final newline
            assertUnusableAtLine(check(), lineNo);
        }
        write("");
        assertUnusable(check(), 1, 1, "ends before the header's 'version' line");
    }

    @Test
    void certificateCutAnywhereInTheHeaderIsUnusable() throws IOException {
        String text = valid();
        int strategyEnd = text.indexOf("strategy brute-force") + "strategy brute-force".length();
        for (int cut = 0; cut < strategyEnd; cut++) {
            String prefix = text.substring(0, cut);
            write(prefix);
            CliRun run = check();
            int lines = (int) prefix.chars().filter(c -> c == '\n').count();
            assertNoStackTrace(run);
            assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), "cut at " + cut + ": " + run);
            // the line reported is the one cut, or the one after the last complete line
            Matcher m = Pattern.compile(Pattern.quote(cert.toString()) + ":([0-9]+):([0-9]+): ").matcher(run.stderr());
            assertTrue(m.find(), "cut at " + cut + ": no line and column in " + run.stderr());
            int line = Integer.parseInt(m.group(1));
            assertTrue(line == lines + 1, "cut at " + cut + " (" + lines + " complete lines): " + run.stderr());
        }
    }

    @Test
    void stepCutInTheMiddleIsAnUnknownRule() throws IOException {
        write(header(proven.toString()) + "brute-fo");
        assertUnusable(check(), 6, 1, "brute-fo", "unknown rule");
        write(header(proven.toString()) + "brute-fo\n");
        assertUnusable(check(), 6, 1, "brute-fo", "unknown rule");
        write(header(proven.toString()) + "brute-");
        assertUnusable(check(), 6, 1, "unknown rule");
        write(header(proven.toString()) + "brute-force"); // complete, just no final newline
        assertEquals(ExitCodes.ACCEPTED, check().exitCode());
    }

    @Test
    void headerWithoutStepsProvesNothing() throws IOException {
        write(header("1"));
        CliRun run = assertRejectedAtClaim(check());
        assertTrue(run.stdout().contains("left side   0"), run.stdout());
        write(header("0"));
        assertEquals(ExitCodes.ACCEPTED, check().exitCode(), "a claim of 0 needs no step");
    }

    // ---------------------------------------------------------------------------------------------- 6. garbage

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomBytesAreUnusable(long seed) throws IOException {
        byte[] garbage = new byte[4096];
        new Random(seed).nextBytes(garbage);
        write(garbage);
        assertUnusableAtLine(check(), firstLineOf(garbage));
    }

    @Test
    void printableGarbageIsUnusable() throws IOException {
        write("\u0000\u0001hello world\u007f\n");
        assertUnusable(check(), 1, 1, "syntax error");
        write("compact-proofs certificate 1 ¤\n");
        assertUnusable(check(), 1, 30, "syntax error");
        write("\uFEFF" + valid()); // a byte order mark is not part of the language
        assertUnusable(check(), 1, 1);
    }

    /** Random bytes are refused at their first line (the one with the first bad byte or a syntax error). */
    private static int firstLineOf(byte[] garbage) {
        // the first line is refused either as invalid UTF-8 or as a syntax error; it never gets past line 1
        // unless it is empty or a comment; find the first line that is not blank
        int line = 1;
        for (byte b : garbage) {
            if (b == '\n') {
                line++;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return line;
            }
        }
        return line;
    }

    @Test
    void invalidUtf8InTheMiddleOfALineIsUnusable() throws IOException {
        String claimLine = "claim correct " + proven;
        byte[] text = valid().getBytes(StandardCharsets.UTF_8);
        int at = valid().indexOf(claimLine) + claimLine.length(); // after the claimed count
        write(splice(text, at, new byte[] {(byte) 0xFF}));
        assertUnusable(check(), 4, null, "not valid UTF-8");
    }

    @Test
    void invalidUtf8AtTheStartOfALineIsUnusable() throws IOException {
        byte[] text = valid().getBytes(StandardCharsets.UTF_8);
        write(splice(text, valid().indexOf("claim"), new byte[] {(byte) 0xFF}));
        CliRun run = check();
        assertUnusableFile(run, "not valid UTF-8");
        assertTrue(Pattern.compile(Pattern.quote(cert + ":") + "[0-9]+:[0-9]+: ").matcher(run.stderr()).find(),
                run.stderr());
    }

    /**
     * The exact position of a bad byte, wherever it is. LineSource reads through an InputStreamReader one char at
     * a time; the JDK's decoder converts two chars per call and throws away the chars already converted in that
     * call when it meets the bad byte, so the column is up to 2 too small and, when a newline is thrown away,
     * the error is put on the line before.
     */
    @Test
    void invalidUtf8IsReportedAtItsExactLineAndColumn() throws IOException {
        String claimLine = "claim correct " + proven;
        byte[] text = valid().getBytes(StandardCharsets.UTF_8);
        write(splice(text, valid().indexOf("claim"), new byte[] {(byte) 0xFF}));
        assertUnusable(check(), 4, 1, "not valid UTF-8");
        write(splice(text, valid().indexOf(claimLine) + claimLine.length(), new byte[] {(byte) 0xFF}));
        assertUnusable(check(), 4, claimLine.length() + 1, "not valid UTF-8");
        String header = valid().substring(0, valid().indexOf("brute-force\n", valid().indexOf("strategy") + 20));
        int line = 1, column = 1;
        for (int at = 0; at < header.length(); at++) {
            write(splice(text, at, new byte[] {(byte) 0xFF}));
            assertUnusable(check(), line, column, "not valid UTF-8");
            if (header.charAt(at) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    @Test
    void invalidUtf8InAStepOrCommentIsUnusable() throws IOException {
        // overlong encoding of '/', a lone continuation byte, a truncated 3-byte sequence at the end of the file
        byte[] text = valid().getBytes(StandardCharsets.UTF_8);
        int comment = valid().indexOf("# comment") + 2;
        write(splice(text, comment, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        assertUnusableAtLine(check(), 4);
        write(splice(text, comment, new byte[] {(byte) 0x80}));
        assertUnusableAtLine(check(), 4);
        write(splice(text, text.length, new byte[] {'#', ' ', (byte) 0xE2, (byte) 0x82}));
        assertUnusableAtLine(check(), 7);
        write(splice(text, valid().indexOf("brute-force\n", valid().indexOf("strategy") + 20) + 5,
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // an encoded surrogate
        assertUnusableAtLine(check(), 6);
    }

    private static byte[] splice(byte[] text, int at, byte[] insert) {
        byte[] out = new byte[text.length + insert.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(text, at, out, at + insert.length, text.length - at);
        return out;
    }

    // ---------------------------------------------------------------------------------------------- 7. huge numbers

    @Test
    @Timeout(30)
    void millionDigitClaimIsRefusedQuickly() throws IOException {
        write(certificate("1".repeat(1_000_000)));
        assertUnusable(check(), 4, 15, "limit");
    }

    @Test
    @Timeout(30)
    void millionDigitStepFieldIsRefusedQuickly() throws IOException {
        write(header(proven.toString()) + "brute-force x " + "1".repeat(1_000_000) + "\n");
        assertUnusable(check(), 6, 15, "limit");
    }

    @Test
    @Timeout(30)
    void millionDigitNumbersAnywhereInTheHeaderAreRefusedQuickly() throws IOException {
        String big = "9".repeat(1_000_000);
        write(valid().replace("vocab 6", "vocab " + big));
        assertUnusable(check(), 3, 21, "limit");
        write(valid().replace("context 3", "context " + big));
        assertUnusableAtLine(check(), 3);
        write(valid().replace(" of 216", " of " + big));
        assertUnusableAtLine(check(), 4);
        write(valid().replace("compact-proofs certificate 1", "compact-proofs certificate " + big));
        assertUnusable(check(), 1, 28);
    }

    @Test
    @Timeout(30)
    void overlongLineIsRefusedQuickly() throws IOException {
        write(header(proven.toString()) + "brute-force " + " ".repeat(3_000_000) + "\n");
        assertUnusableAtLine(check(), 6);
        write(header(proven.toString()) + "# " + "x".repeat(3_000_000) + "\n");
        assertUnusableAtLine(check(), 6);
    }

    @Test
    @Timeout(30)
    void largestTaskAllowedIsRefusedQuicklyForThisModel() throws IOException {
        // vocab and context at their upper limits (2^20, 4096): vocab^context has about 82,000 bits; the header
        // must not spend long computing or printing it before noticing that the model is another one
        write(valid().replace("vocab 6 context 3", "vocab 1048575 context 4096"));
        assertUnusableAtLine(check(), 4);
        write(valid().replace("vocab 6 context 3", "vocab 6 context 4097")); // one case's count costs O(k^2)
        assertUnusable(check(), 3, 31, "context 4097", "fixed cap of the checker (context at most 4096");
    }

    // ---------------------------------------------------------------------------------------------- 8-11. steps

    @Test
    void unknownRuleIsUnusableWithItsPosition() throws IOException {
        write(header(proven.toString()) + "magic-step\n");
        assertUnusable(check(), 6, 1, "magic-step", "unknown rule");
        write(header(proven.toString()) + "\n   magic-step count 216   # trust me\n");
        assertUnusable(check(), 7, 4, "magic-step", "unknown rule");
        write(valid() + "magic-step\n"); // after a good step
        assertUnusable(check(), 7, 1, "magic-step");
    }

    @Test
    void unknownRuleInJsonIsUnusableWithItsPosition() throws IOException {
        write(header(proven.toString()) + "magic-step\n");
        CliRun run = check("--json");
        assertNoStackTrace(run);
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode());
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals("UNUSABLE", json.get("verdict"));
        Map<?, ?> error = assertInstanceOf(Map.class, json.get("error"));
        assertEquals(BigInteger.valueOf(6), error.get("line"));
        assertEquals(BigInteger.ONE, error.get("column"));
        assertTrue(((String) error.get("message")).contains("magic-step"), run.stdout());
    }

    @Test
    void duplicatedClaimLineIsUnusable() throws IOException {
        String claim = "claim correct " + proven + " of 216\n";
        write(valid().replace("strategy brute-force\n", claim + "strategy brute-force\n"));
        assertUnusable(check(), 5, 1, "again", "first at line 4");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void headerLineRepeatedAfterTheStepIsUnusable(int which) throws IOException {
        String line = valid().split("\n")[which];
        write(valid() + line + "\n");
        assertUnusable(check(), 7, 1, "duplicated", "first at line " + (which + 1));
    }

    @Test
    void bruteForceTwiceIsUnusable() throws IOException {
        write(valid() + "brute-force\n");
        assertUnusable(check(), 7, 1, "brute-force", "only counting step");
        write(valid() + "# again\n\nbrute-force\n");
        assertUnusable(check(), 9, 1, "only counting step");
    }

    @Test
    void bruteForceWithAFieldIsUnusable() throws IOException {
        write(header(proven.toString()) + "brute-force count 216\n");
        assertUnusable(check(), 6, null, "unknown field 'count' (fields: max)");
        write(header(proven.toString()) + "brute-force mode fast\n");
        assertUnusable(check(), 6, null, "unknown field 'mode' (fields: max)");
        write(header(proven.toString()) + "brute-force x\n"); // a field name without a value
        assertUnusable(check(), 6, null, "syntax error");
    }

    @Test
    void bruteForceFieldIsReportedAtTheFieldName() throws IOException {
        write(header(proven.toString()) + "brute-force count 216\n");
        assertUnusable(check(), 6, 13, "unknown field 'count'");
    }

    @Test
    void errorMessagesDoNotEchoMegabyteTokens() throws IOException {
        String name = "a".repeat(1_000_000);
        write(valid().replace("strategy brute-force", "strategy " + name));
        assertUnusable(check(), 5, 10, "unknown strategy");
        write(header(proven.toString()) + name + "\n");
        assertUnusable(check(), 6, 1, "unknown rule");
        write(valid().replace(" of 216", " of 216 " + "9".repeat(1_000_000)));
        assertUnusable(check(), 4, null, "syntax error");
    }

    @Test
    void unknownStrategyIsUnusable() throws IOException {
        write(valid().replace("strategy brute-force", "strategy magic"));
        assertUnusable(check(), 5, 10, "unknown strategy 'magic'", "brute-force");
        write(valid().replace("strategy brute-force", "strategy"));
        assertUnusable(check(), 5, null);
    }

    // ---------------------------------------------------------------------------------------------- 12. files

    @Test
    void missingCertificateIsUnusable() {
        cert = dir.resolve("absent.cert");
        assertUnusableFile(check(), "absent.cert", "no such file");
        cert = dir; // a directory
        assertUnusableFile(check(), "not a regular file");
    }

    @Test
    void missingModelIsUnusable() throws IOException {
        write(valid());
        model = dir.resolve("absent.safetensors");
        assertUnusableFile(check(), "absent.safetensors", "no such file");
        CliRun run = check("--json");
        assertUnusableFile(run);
        Map<String, Object> json = parseJson(run.stdout());
        assertEquals("UNUSABLE", json.get("verdict"));
        String message = (String) assertInstanceOf(Map.class, json.get("error")).get("message");
        assertTrue(message.contains("absent.safetensors") && message.contains("no such file"), message);
    }

    @Test
    void malformedModelIsUnusable() throws IOException {
        write(valid());
        Files.write(model, new byte[] {1, 2, 3});
        assertUnusableFile(check(), model.toString());
        byte[] truncated = java.util.Arrays.copyOf(MODEL, MODEL.length - 4);
        Files.write(model, truncated);
        assertUnusableFile(check(), model.toString());
    }

    @Test
    void missingOptionsAreUnusable() {
        assertUnusableFile(CliRun.of("check", "--model", model.toString()), "--cert");
        assertUnusableFile(CliRun.of("check", "--cert", cert.toString(), "--model", model.toString(), "--threads", "x"),
                "--threads");
    }

    // ---------------------------------------------------------------------------------------------- JSON, CLI

    /** A JSON document as maps, lists, strings, BigIntegers (integers), Doubles and Booleans. */
    static Map<String, Object> parseJson(String text) {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), text);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value(p);
            assertEquals(null, p.nextToken(), "one JSON object only: " + text);
            return m;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    p.nextToken();
                    assertFalse(m.containsKey(name), "duplicate field " + name);
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getBigIntegerValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected " + p.currentToken());
        }
    }

    @Test
    void jsonParserSelfTest() {
        Map<String, Object> m = parseJson("{\"a\": 1, \"b\": {\"c\": \"x\"}, \"d\": [1.5, true]}");
        assertEquals(BigInteger.ONE, m.get("a"));
        assertNotNull(m.get("b"));
        assertEquals(List.of(1.5, true), m.get("d"));
    }


    /** Rule S2's witness steps: each malformed one is unusable input at its line and column (docs/language.md). */
    @ParameterizedTest
    @ValueSource(strings = {
        "vector name eqwq-1-left index 9 value 0|index 9|outside 0..5",
        "vector name eqwq-1-left index 0 value 0.1|0.1|dyadic",
        "vector name eq-1-left index 0 value 0|vector|takes no vector 'eq-1-left'",
        "vector name eqwq-1-left index 0|vector|missing field 'value'",
        "average-attention max 9 nonmax 0 value 0|9 nonmax|max outside 0..5",
        "average-attention max 1 nonmax 0 value 1/3|1/3|dyadic",
        "gap-case query 0 max 1 nonmax 0 count 1|gap-case|'eqwq-1-left' has 0 of its 6 entries"})
    void malformedGridWitnessesAreUnusableAtTheirPosition(String spec) throws IOException {
        assertStepUnusable("eupu-max-diff-exact--attn-mean-query+diff--attn-err-max-diff", spec);
    }

    /**
     * spec = "STEP|TEXT|PHRASE": the one-step certificate of the strategy is unusable at line 6, at the column of
     * TEXT in STEP (of its last word when TEXT is "index 9"), with PHRASE in the message.
     */
    private void assertStepUnusable(String strategy, String spec) throws IOException {
        String[] parts = spec.split("\\|");
        write(header("0").replace("strategy brute-force", "strategy " + strategy) + parts[0] + "\n");
        assertUnusable(check(), 6, column(parts[0], parts[1].equals("index 9") ? "9" : parts[1]), parts[2]);
    }

    /** Whole vectors (docs/language.md, "Rows and whole vectors"): each malformed one is unusable at its column. */
    @ParameterizedTest
    @ValueSource(strings = {
        "vector name eqwq-1-left x 1 x 2 x 3|vector|has 6 entries, this line gives 3",
        "vector name eqwq-1-left x 1 x 2 x 3 x 4 x 5 x 6 x 7|x 7|has 6 entries, this line gives 7",
        "vector name eqwq-1-left x 1 x 2 x 0.1 x 4 x 5 x 6|0.1|dyadic",
        "vector name eqwq-1-left x 1 x 2 x 3 x 4 x 5 x y|y|field 'x' must be a number",
        "vector name eqwq-1-left exponent 200000 x 1 x 2 x 3 x 4 x 5 x 6|200000|beyond the limit",
        "vector name eqwq-1-left exponent 1.5 x 1 x 2 x 3 x 4 x 5 x 6|1.5|must be an integer",
        "vector name eq-1-left x 1|vector|takes no vector 'eq-1-left'",
        "vector name eqwq-1-left index 0 x 1 x 2 x 3 x 4 x 5 x 6|index|unknown field 'index'",
        "vector name 3 x 1 x 2 x 3 x 4 x 5 x 6|3|must name a vector"})
    void malformedWholeVectorsAreUnusableAtTheirColumn(String spec) throws IOException {
        malformedGridWitnessesAreUnusableAtTheirPosition(spec);
    }

    @Test
    void anEntryGivenByASingleLineAndAgainByAWholeVectorIsUnusable() throws IOException {
        String whole = "vector name eqwq-1-left exponent -2 x 1 x 2 x 3 x 4 x 5 x 6";
        write(header("0").replace("strategy brute-force", "strategy eupu-max-diff-exact--attn-mean-query+diff--attn-err-max-diff")
                + "vector name eqwq-1-left index 2 value 0\n" + whole + "\n");
        assertUnusable(check(), 7, column(whole, "x 3"), "entry 2 of vector 'eqwq-1-left' given twice");
    }

    /** Rows (docs/language.md): each malformed one is unusable input (exit 2) at the offending field. */
    @ParameterizedTest
    @ValueSource(strings = {
        "case-row nonmax 0 max 1 n2 none|nonmax|field 1 must be 'max'",
        "case-row max 1|case-row|field 2 must be 'nonmax'",
        "case-row max 6 nonmax 0 n1 none|6|max outside 0..5",
        "case-row max 1 nonmax 3 n1 none|3|nonmax outside 0..2",
        "case-row max x nonmax 1 n1 0|x nonmax|must be an integer",
        "case-row max 3 nonmax 1 n1 none|none|'none' (no upto) only when nonmax is 0",
        "case-row max 3 nonmax 0 n1 2|2|upto is meaningless when nonmax is 0",
        "case-row max 3 nonmax 1 n0 1|n0|covers at least one query",
        "case-row max 3 nonmax 1 n5 1|n5|ends at max 3 at most; this one covers queries 0..4",
        "case-row max 3 nonmax 1 n2 1 n1 0 n2 2|n2 2|this one covers queries 3..4",
        "case-row max 3 nonmax 1 n1 1 n1x 0|n1x|expected a range field",
        "case-row max 3 nonmax 1 q0 1|q0|expected a range field nL",
        "case-row max 3 nonmax 1 n1 maybe|maybe|an integer upto, 'none' or 'skip'",
        "case-row max 3 nonmax 1 n1 1.5|1.5|an integer upto, 'none' or 'skip'",
        "case-row max 3 nonmax 1 upto 1|upto|expected a range field nL",
        "case-row max 3 nonmax 1 n1 1 count 4|count|expected a range field nL",
        "gap-row max 1 nonmax 0 n1 none|gap-row|unknown rule for strategy cubic"})
    void malformedRowsAreUnusableAtTheirColumn(String spec) throws IOException {
        assertStepUnusable("cubic", spec);
    }

    /** Staircases (rule S4, docs/language.md): a misplaced or malformed rest is unusable input at its field. */
    @ParameterizedTest
    @ValueSource(strings = {
        "subcubic-staircase-2|staircase-row max 4 nonmax 1 n1 2 rest 1|rest|a rest follows a range with an integer upto, once, and only when nonmax >= 2",
        "subcubic-staircase-2|staircase-row max 4 nonmax 2 rest 1 n1 2|rest|a rest follows a range",
        "subcubic-staircase-2|staircase-row max 4 nonmax 2 n1 2 rest 1 rest 0|rest 0|a rest follows a range",
        "subcubic-staircase-2|staircase-row max 4 nonmax 2 n1 skip rest 1|rest|a rest follows a range",
        "subcubic-staircase-2|staircase-row max 4 nonmax 2 n1 2 rest yes|yes|a rest is an integer",
        "subcubic-staircase-2|staircase-row max 4 nonmax 2 n1 2 rest 1.5|1.5|a rest is an integer",
        "subcubic-staircase-2|staircase-case query 0 max 4 nonmax 1 upto 2 rest 1 count 3|rest|rest is meaningful only with an upto and nonmax >= 2",
        "subcubic-staircase-2|staircase-case query 0 max 4 nonmax 0 rest 1 count 1|rest|rest is meaningful only",
        "subcubic-coupled-2|coupled-case query 0 max 4 nonmax 2 upto 2 rest 1 count 21|rest|unknown field 'rest'",
        "subcubic-coupled-2|coupled-row max 4 nonmax 2 n1 2 rest 1|rest|expected a range field nL"})
    void malformedStaircasesAreUnusableAtTheirColumn(String spec) throws IOException {
        assertStepUnusable(spec.substring(0, spec.indexOf('|')), spec.substring(spec.indexOf('|') + 1));
    }
}
