package io.github.kerasdjl.util;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files the library writes beside a target ({@code .<name><digits>...tmp}, moved over the target when
 * complete) and the ones a killed process left behind.
 */
public final class TemporaryFiles {

    private TemporaryFiles() {
    }

    /** Writes into a temporary file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file in the same folder ({@code .<name><digits>.tmp}), moved over it
     * only when complete: a failure or a killed process leaves the previous file as it was, a failure leaves no
     * temporary behind, and the temporaries of a killed earlier run are removed first. Makes the folder if needed.
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        removeStale(absolute);
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            writer.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp); // gone after the move; left only by a failure
        }
    }

    /**
     * Deletes the temporary files that an earlier run left beside {@code target} when it was killed while writing it:
     * only names of the library's own pattern ({@code .<name><digits>...tmp}) last written before this JVM started,
     * so a write in progress elsewhere is left alone.
     */
    public static void removeStale(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Pattern own = Pattern.compile(Pattern.quote("." + absolute.getFileName()) + "-?\\d+(\\.\\w+)?\\.tmp");
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!Files.isDirectory(absolute.getParent())) {
            return;
        }
        try (Stream<Path> files = Files.list(absolute.getParent())) {
            for (Path f : files.toList()) {
                if (own.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)
                        && Files.getLastModifiedTime(f).toMillis() < started) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
