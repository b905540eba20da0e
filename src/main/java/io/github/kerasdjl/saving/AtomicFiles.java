package io.github.kerasdjl.saving;

import io.github.kerasdjl.util.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files written whole or not at all, and the checks of a file to read. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code target} whole or not at all ({@link TemporaryFiles#writeAtomically}); errors name it. */
    static void writeAtomically(Path target, String what, TemporaryFiles.Writer writer) {
        try {
            TemporaryFiles.writeAtomically(target, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " to '" + target + "': " + e, e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException("Cannot write " + what + " to '" + target + "': " + e, new IOException(e));
        }
    }

    /** Checks that {@code file} exists and is a regular file, naming it. */
    static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file
                    + "' does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + file
                    + "' is not a file (a directory?).");
        }
    }
}
