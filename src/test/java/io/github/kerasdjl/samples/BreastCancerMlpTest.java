package io.github.kerasdjl.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breast-cancer sample runs with its defaults (30 epochs, a few seconds) and reaches 0.95 test accuracy. */
class BreastCancerMlpTest {

    @TempDir
    Path dir;

    @Test
    void reachesNinetyFivePercent() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            BreastCancerMlp.main(new String[] {"30", dir.toString()});
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("456 training and 113 test tumours, 30 features"), out);
        Matcher m = Pattern.compile("test accuracy (\\d\\.\\d{4})").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.95, out);
        assertTrue(Files.size(dir.resolve("breast_cancer_confusion.png")) > 1000, out);
    }
}
