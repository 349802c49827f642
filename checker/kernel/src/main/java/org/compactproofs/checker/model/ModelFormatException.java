package org.compactproofs.checker.model;

import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/** A model file that cannot be read as a supported model; the message names the file and, if any, the tensor. */
public final class ModelFormatException extends UnusableInputException {
    public ModelFormatException(Path file, String tensor, String problem) {
        super(file + (tensor == null ? "" : ": tensor '" + tensor + "'") + ": " + problem);
    }

    public ModelFormatException(Path file, String problem) {
        this(file, null, problem);
    }
}
