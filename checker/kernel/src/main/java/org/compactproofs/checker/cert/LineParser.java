package org.compactproofs.checker.cert;

import java.nio.file.Path;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.compactproofs.grammar.CertificateLexer;
import org.compactproofs.grammar.CertificateParser;

/**
 * Parses one line with the ANTLR grammar (grammar/Certificate.g4, rule {@code line}). One lexer and parser are
 * reused for every line, so a certificate of any length is read in constant memory. The first syntax error
 * becomes a {@link CertificateFormatException} with the line and column.
 */
final class LineParser {
    private final Path file;
    private final CertificateLexer lexer = new CertificateLexer(CharStreams.fromString(""));
    private final CertificateParser parser = new CertificateParser(new CommonTokenStream(lexer));
    private int lineNumber;

    LineParser(Path file) {
        this.file = file;
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                    String msg, RecognitionException e) {
                throw new CertificateFormatException(LineParser.this.file, lineNumber, charPositionInLine + 1,
                        "syntax error: " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        parser.removeErrorListeners();
        parser.addErrorListener(fail);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    /** The statement on this line, or null for a blank or comment-only line. */
    CertificateParser.StatementContext parse(String text, int lineNumber) {
        this.lineNumber = lineNumber;
        lexer.setInputStream(CharStreams.fromString(text));
        parser.setTokenStream(new CommonTokenStream(lexer));
        return parser.line().statement();
    }
}
