package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README is true: its printed blocks are what the commands above them print. Each block is run again here (the
 * main job with its defaults, 5000 epochs, and {@code compare}); every line of the block, with the parts that vary
 * from run to run taken out (times, ETAs, absolute paths), must appear in the output, in order ({@code ...} in the
 * README stands for lines left out); numbers may differ by float32 rounding, which changes with the CPU
 * ({@link #sameUpToRounding}).
 */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    /** The code block that follows the line starting with {@code marker}. */
    static List<String> blockAfter(String marker) throws IOException {
        return blockAfter(marker, 0);
    }

    /** The code block after the line starting with {@code marker}, passing {@code skip} fences first. */
    static List<String> blockAfter(String marker, int skip) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith(marker)) {
            i++;
        }
        assertTrue(i < lines.size(), "README has no line starting with: " + marker);
        for (int fences = 0; fences <= skip; i++) {
            if (lines.get(i).startsWith("```")) {
                fences++;
            }
        }
        i--;
        List<String> block = new ArrayList<>();
        for (i++; !lines.get(i).startsWith("```"); i++) {
            block.add(lines.get(i));
        }
        return block;
    }

    /** A line without what varies between runs: times, ETAs, speed ratios, absolute paths. */
    static String stable(String line) {
        return line.replaceAll(" - elapsed .*$", "")
                .replaceAll("^(time per step|Wall time:|The reference is).*$", "$1")
                .replaceAll("^(Decision boundary|Loss curve): .*/", "$1: ")
                .stripTrailing();
    }

    private static String run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.commandLine(new Main(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertBlockIsOutput(List<String> block, String output) {
        List<String> out = output.lines().map(ReadmeTest::stable).toList();
        int at = 0;
        for (String line : block) {
            if (line.equals("...")) {
                continue;
            }
            String want = stable(line);
            int found = -1;
            for (int i = at; i < out.size() && found < 0; i++) {
                if (sameUpToRounding(want, out.get(i))) {
                    found = i;
                }
            }
            assertTrue(found >= 0, "README line not printed (in this order): '" + want + "'\noutput:\n" + output);
            at = found + 1;
        }
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "-?\\d+\\.\\d+(?:e-?\\d+)?");

    /**
     * Whether an output line is the README's line but for float32 rounding, which differs from one CPU to another
     * (libtorch picks its kernels by instruction set, and a long relu run amplifies the last bit): the words and
     * integers must be equal, a decimal within 0.003 or 2 % of the README's, a number in scientific notation (a
     * difference of rounding itself) within a factor of 3.
     */
    static boolean sameUpToRounding(String readme, String printed) {
        java.util.regex.Matcher a = NUMBER.matcher(readme);
        java.util.regex.Matcher b = NUMBER.matcher(printed);
        if (!a.replaceAll("#").equals(b.replaceAll("#"))) {
            return false;
        }
        a.reset();
        b.reset();
        while (a.find() && b.find()) {
            double x = Double.parseDouble(a.group());
            double y = Double.parseDouble(b.group());
            boolean close = a.group().contains("e") ? x > 0 && y > 0 && Math.max(x / y, y / x) <= 3
                    : Math.abs(x - y) <= Math.max(0.003, 0.02 * Math.abs(x));
            if (!close) {
                return false;
            }
        }
        return true;
    }

    @Test
    void mainJobBlockIsWhatTheMainJobPrints() throws IOException {
        Path pictures = Files.createTempDirectory("keras-djl-readme");
        try {
            List<String> block = blockAfter("What the main job prints");
            assertTrue(block.size() > 10, block.toString());
            assertBlockIsOutput(block, run("--output-dir", pictures.resolve("output").toString()));
        } finally {
            for (String name : List.of("decision_boundary.png", "loss.png")) {
                Files.deleteIfExists(pictures.resolve("output").resolve(name));
            }
            Files.deleteIfExists(pictures.resolve("output"));
            Files.deleteIfExists(pictures);
        }
    }

    @Test
    void compareBlockIsWhatCompareSays() throws IOException {
        List<String> block = blockAfter("mvn -q compile exec:java -Dexec.args=\"compare --epochs 200 --activation tanh\"",
                1);
        assertTrue(block.stream().anyMatch(l -> l.startsWith("max weight difference")), block.toString());
        assertBlockIsOutput(block, run("compare", "--epochs", "200", "--activation", "tanh"));
    }

    @Test
    void roundingDifferencesPassAndRealDifferencesDoNot() {
        assertTrue(sameUpToRounding("Epoch   500/5000 - loss: 0.0060 - accuracy: 0.9950",
                "Epoch   500/5000 - loss: 0.0059 - accuracy: 0.9975"));
        assertTrue(sameUpToRounding("max weight difference  3.773e-06", "max weight difference  6.515e-06"));
        assertTrue(!sameUpToRounding("Epoch   500/5000 - loss: 0.0060 - accuracy: 0.9950",
                "Epoch   500/5000 - loss: 0.0160 - accuracy: 0.9950"), "a loss 0.01 off");
        assertTrue(!sameUpToRounding("Test:  loss 0.0081, accuracy 0.9900", "Test:  loss 0.0081, accuracy 0.9500"));
        assertTrue(!sameUpToRounding("max weight difference  3.773e-06", "max weight difference  3.773e-04"));
        assertTrue(!sameUpToRounding("Epoch   500/5000 - loss: 0.0060", "Epoch   501/5000 - loss: 0.0060"));
        assertTrue(!sameUpToRounding("Features: x1, x2", "Features: x1, x2, x1^2"));
    }

    @Test
    void stableTakesOutOnlyWhatVaries() {
        assertEquals("Epoch   500/5000 - loss: 0.0060 - accuracy: 0.9950",
                stable("Epoch   500/5000 - loss: 0.0060 - accuracy: 0.9950 - elapsed 5.6s - ETA 50.7s"));
        assertEquals("time per step", stable("time per step          162 µs     56.3 µs"));
        assertEquals("Loss curve: loss.png", stable("Loss curve: /path/to/keras-djl/output/loss.png"));
        assertEquals("final loss             0.202842   0.202842", stable("final loss             0.202842   0.202842"));
    }
}
