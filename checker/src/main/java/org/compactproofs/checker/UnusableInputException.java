package org.compactproofs.checker;

/**
 * An input the tools cannot use at all: an unreadable or malformed file, an inconsistent model, a hash
 * mismatch. Every command maps it to exit code 2 and prints only its message, which must name the file and say
 * what is wrong (and where, when a position is known).
 */
public class UnusableInputException extends RuntimeException {
    public UnusableInputException(String message) {
        super(message);
    }

    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
