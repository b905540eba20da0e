package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.samples.Lesson001Spiral;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The samples compile with the build and run (a few epochs here). */
class SamplesTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void lesson001SpiralRuns() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Lesson001Spiral.main(new String[] {"3", dir.toString()});
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Total params: 177"), out);
        assertTrue(out.matches("(?s).*train accuracy 0\\.\\d{4}, test accuracy [01]\\.\\d{4}.*"), out);
        assertTrue(java.nio.file.Files.exists(dir.resolve("spiral.png")), out);
        assertTrue(java.nio.file.Files.exists(dir.resolve("spiral_loss.png")), out);
    }
}
