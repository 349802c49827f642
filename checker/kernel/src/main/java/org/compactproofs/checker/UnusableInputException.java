package org.compactproofs.checker;

/**
 * An input the tools cannot use at all: an unreadable or malformed file, an inconsistent model, a hash
 * mismatch. Every command maps it to exit code 2 and prints only its message, which must name the file and say
 * what is wrong (and where, when a position is known).
 */
public class UnusableInputException extends RuntimeException {
    boolean overLimit;

    public UnusableInputException(String message) {
        super(message);
    }

    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the input is beyond one of the {@link Limits} (so not judged at all, rather than judged bad). */
    public boolean overLimit() {
        return overLimit;
    }

    /** A person's description of an I/O failure (Java's messages for these are often just the path). */
    public static String describe(java.io.IOException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory: " + detail;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + detail;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists: " + detail;
        }
        return detail.isEmpty() ? "I/O error" : detail;
    }
}
