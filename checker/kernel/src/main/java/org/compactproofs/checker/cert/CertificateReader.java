package org.compactproofs.checker.cert;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.compactproofs.checker.Limits;
import org.compactproofs.grammar.CertificateParser.StatementContext;
import org.compactproofs.grammar.CertificateParser;

/**
 * Streams a certificate: first the five header lines in their fixed order (version, model, task, claim,
 * strategy; blank and comment lines anywhere), then the steps, one per line. A header line out of place, twice,
 * or missing is an error with its line and column.
 */
public final class CertificateReader implements AutoCloseable {
    /** The only language version so far; every later checker must keep accepting it. */
    public static final int VERSION = 1;
    private static final String[] HEADER = {"version", "model", "task", "claim", "strategy"};

    private final Path file;
    private final LineSource lines;
    private final LineParser parser;
    private final int[] headerLines = new int[HEADER.length];
    private Header header;

    /** Reads the certificate text {@code text} of {@code file} (named in messages), closing it when closed. */
    public CertificateReader(Path file, InputStream text, Limits limits) {
        this.file = file;
        this.lines = new LineSource(file, text, limits);
        this.parser = new LineParser(file);
    }

    public Path file() {
        return file;
    }

    private CertificateFormatException error(ParserRuleContext ctx, String problem) {
        return error(ctx.getStart(), problem);
    }

    private CertificateFormatException error(Token token, String problem) {
        return new CertificateFormatException(file, lines.lineNumber(), token.getCharPositionInLine() + 1, problem);
    }

    /** The next non-blank statement, or null at the end of the file. */
    private StatementContext nextStatement() {
        String text;
        while ((text = lines.next()) != null) {
            if (BLANK_OR_COMMENT.matcher(text).matches()) {
                continue; // what the grammar would skip (WS, COMMENT), without building a parser for it
            }
            StatementContext s = parser.parse(text, lines.lineNumber());
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** Only spaces and tabs, then the end of the line or a '#': the grammar's WS and COMMENT, nothing else. */
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("[ \t]*(#.*)?", Pattern.DOTALL);

    /** The header line a statement is (its index in {@link #HEADER}, in the grammar's order), or -1 for a step. */
    private static int headerIndex(StatementContext s) {
        int rule = ((ParserRuleContext) s.getChild(0)).getRuleIndex() - CertificateParser.RULE_versionLine;
        return rule < HEADER.length ? rule : -1;
    }

    public Header header() {
        if (header != null) {
            return header;
        }
        int version = 0, vocab = 0, context = 0;
        String sha = null, strategy = null;
        BigInteger claimed = null, total = null;
        for (int expected = 0; expected < HEADER.length; expected++) {
            StatementContext s = nextStatement();
            if (s == null) {
                throw new CertificateFormatException(file, lines.lineNumber(), 1,
                        "the file ends before the header's '" + HEADER[expected] + "' line");
            }
            int found = headerIndex(s);
            if (found != expected) {
                String what = found < 0 ? "a step" : found < expected
                        ? "the '" + HEADER[found] + "' line again (first at line " + headerLines[found] + ")"
                        : "the '" + HEADER[found] + "' line";
                throw error(s, "expected the header's '" + HEADER[expected] + "' line, found " + what);
            }
            headerLines[expected] = lines.lineNumber();
            switch (expected) {
                case 0 -> {
                    version = smallInt(s.versionLine().INT().getSymbol(), "version");
                    if (version != VERSION) {
                        throw error(s.versionLine().INT().getSymbol(), "unsupported certificate language version "
                                + version + " (this checker reads version " + VERSION + ")");
                    }
                }
                case 1 -> {
                    Token t = s.modelLine().SHA256().getSymbol();
                    sha = t.getText().substring("sha256:".length());
                    if (sha.length() != 64 || !sha.equals(sha.toLowerCase())) {
                        throw error(t, "a SHA-256 is 64 lowercase hexadecimal digits");
                    }
                }
                case 2 -> {
                    vocab = smallInt(s.taskLine().INT(0).getSymbol(), "vocab");
                    context = smallInt(s.taskLine().INT(1).getSymbol(), "context");
                    if (context > MAX_CONTEXT) { // a case's count C(k-1, c) (a+1)^c costs O(k^2) bit operations
                        Token t = s.taskLine().INT(1).getSymbol();
                        throw org.compactproofs.checker.Limits.exceeded(file, lines.lineNumber(),
                                t.getCharPositionInLine() + 1, "context " + context, "context at most " + MAX_CONTEXT);
                    }
                }
                case 3 -> {
                    claimed = Numbers.naturalNumber(file, lines.lineNumber(), s.claimLine().INT(0).getSymbol());
                    total = Numbers.naturalNumber(file, lines.lineNumber(), s.claimLine().INT(1).getSymbol());
                    // vocab^context is computed only when it can equal a total of at most MAX_DIGITS digits
                    boolean fits = context * Math.log10(vocab) <= Numbers.MAX_DIGITS;
                    BigInteger inputs = fits ? BigInteger.valueOf(vocab).pow(context) : null;
                    if (!total.equals(inputs)) {
                        throw error(s.claimLine().INT(1).getSymbol(), "the claim counts out of "
                                + CertificateFormatException.abbreviate(total.toString()) + " inputs, but vocab^context = "
                                + vocab + "^" + context + (fits ? " = " + CertificateFormatException.abbreviate(
                                        inputs.toString()) : " has more than " + Numbers.MAX_DIGITS + " digits"));
                    }
                    if (claimed.compareTo(total) > 0) {
                        throw error(s.claimLine().INT(0).getSymbol(), "claims " + claimed + " correct of " + total);
                    }
                }
                default -> strategy = s.strategyLine().NAME().getText();
            }
        }
        header = new Header(version, sha, vocab, context, claimed, total, strategy, headerLines.clone());
        return header;
    }

    /** The longest context a task may have, so that a case's count stays cheap (docs/trusted-base.md, "Limits"). */
    public static final int MAX_CONTEXT = 4096;

    private int smallInt(Token t, String what) {
        BigInteger n = Numbers.naturalNumber(file, lines.lineNumber(), t);
        if (n.signum() <= 0 || n.compareTo(BigInteger.valueOf(1 << 20)) > 0) {
            throw error(t, what + " must be between 1 and " + (1 << 20) + ", not " + n);
        }
        return n.intValue();
    }

    /** The next step, or null at the end of the certificate. */
    public Step nextStep() {
        header();
        StatementContext s = nextStatement();
        if (s == null) {
            return null;
        }
        int h = headerIndex(s);
        if (h >= 0) {
            throw error(s, "duplicated header line '" + HEADER[h] + "' (first at line " + headerLines[h] + ")");
        }
        CertificateParser.StepContext step = s.step();
        List<Step.Field> fields = new ArrayList<>();
        for (CertificateParser.FieldContext f : step.field()) {
            Token value = f.value().getStart();
            if (value.getText().length() > Numbers.MAX_DIGITS) {
                throw error(value, (f.value().number() != null ? "number" : "value") + " of "
                        + value.getText().length() + " characters; the limit is " + Numbers.MAX_DIGITS);
            }
            fields.add(new Step.Field(f.key.getText(), value.getText(), f.value().number() != null,
                    f.key.getCharPositionInLine() + 1, value.getCharPositionInLine() + 1));
        }
        return new Step(lines.lineNumber(), step.ruleName.getCharPositionInLine() + 1, step.ruleName.getText(), fields);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // reading is over; nothing is lost by a failed close of an input
        }
    }
}
