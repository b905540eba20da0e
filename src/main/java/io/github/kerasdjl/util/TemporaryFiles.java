package io.github.kerasdjl.util;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files the library writes beside a target ({@code .<name><digits>...tmp}, moved over the target when
 * complete) and the ones a killed process left behind.
 */
public final class TemporaryFiles {

    private TemporaryFiles() {
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
