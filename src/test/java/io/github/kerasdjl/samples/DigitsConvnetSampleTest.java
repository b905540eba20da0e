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

/**
 * The digits convnet sample with its defaults reaches issue 14's 0.97 test accuracy in well under two minutes and
 * writes its two pictures; its summary shows Keras' output shapes.
 */
class DigitsConvnetSampleTest {

    @TempDir
    Path dir;

    @Test
    void reachesNinetySevenPercentInUnderTwoMinutes() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            DigitsConvnet.main(new String[] {"60", dir.toString()});
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("(None, 6, 6, 32)") && out.contains("(None, 3, 3, 32)"), out);
        assertTrue(out.contains("1438 training and 359 test images"), out);
        Matcher acc = Pattern.compile("test accuracy (\\d\\.\\d{4})").matcher(out);
        assertTrue(acc.find(), out);
        assertTrue(Double.parseDouble(acc.group(1)) >= 0.97, out);
        Matcher time = Pattern.compile("60 epochs in (\\d+\\.\\d) s").matcher(out);
        assertTrue(time.find(), out);
        assertTrue(Double.parseDouble(time.group(1)) < 120, out);
        assertTrue(Files.size(dir.resolve("digits_test.png")) > 1000, out);
        assertTrue(Files.size(dir.resolve("digits_confusion.png")) > 1000, out);
    }
}
