package dev.pathway.circuits.data;

import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the paper's diagnostic files live: the {@code diagnostic/} folder of eval's data mirror. */
public final class DataMirror {
    private DataMirror() {}

    /** The folder of the paper's diagnostic files, or a user error naming where it looked. */
    public static Path paperDiagnostic() {
        Path mirror = dev.pathway.eval.data.DataMirror.locate();
        if (mirror == null) {
            throw new UserInputException("the paper's diagnostic files need the data mirror: set "
                    + dev.pathway.eval.data.DataMirror.VARIABLE + " (or pass --paper-dir DIR)");
        }
        Path d = mirror.resolve("diagnostic");
        if (!Files.isRegularFile(d.resolve(PaperDiagnosticFiles.QUERIES))) {
            throw new UserInputException("the paper's diagnostic files are not at " + d + " (pass --paper-dir DIR)");
        }
        return d;
    }
}
