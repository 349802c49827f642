package org.compactproofs.checker.cli;

/** The exit-code contract of every command of both jars (docs/cli.md). */
public final class ExitCodes {
    public static final int ACCEPTED = 0;
    public static final int REJECTED = 1;
    public static final int UNUSABLE_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
