package io.github.kerasdjl.saving;

import io.github.kerasdjl.util.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written whole or not at all, and the checks of a file to read. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes into a temporary file. */
    @FunctionalInterface
    interface Writer {
        void write(Path temp) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file in the same folder, moved over it only when complete: a failure
     * or a killed process leaves the previous file as it was, and no temporary behind on failure (the temporaries of a
     * killed earlier run are removed on the next write).
     */
    static void writeAtomically(Path target, String what, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            TemporaryFiles.removeStale(absolute);
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            writer.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " to '" + target + "': " + e, e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException("Cannot write " + what + " to '" + target + "': " + e, new IOException(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
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
