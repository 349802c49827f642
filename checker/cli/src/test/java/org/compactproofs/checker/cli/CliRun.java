package org.compactproofs.checker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line (checker or generator) in-process under the exit-code contract, capturing its output. */
public record CliRun(int exitCode, String stdout, String stderr) {

    /** The checker's command line. */
    public static CliRun of(String... args) {
        return of(new CheckerMain(), args);
    }

    public static synchronized CliRun of(Object command, String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Commands.execute(command, args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Override
    public String toString() {
        String s = "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }
}
