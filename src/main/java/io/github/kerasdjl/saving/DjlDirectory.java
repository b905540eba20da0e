package io.github.kerasdjl.saving;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * DJL's own format: a folder with the block's parameters as DJL's {@code Model.save} writes them
 * ({@code <name>-0000.params}) and {@code keras-config.json}, the config that rebuilds the block (a
 * {@code SequentialBlock} of {@code Linear} and activation blocks). A plain DJL program builds that block and calls
 * {@code Model.load(dir, name)}; {@code Keras.loadModel(dir)} reads both files. Each file is written to a temporary
 * folder first and moved into place, the config last.
 */
public final class DjlDirectory {

    /** The config file's name in the folder. */
    public static final String CONFIG = "keras-config.json";

    private DjlDirectory() {
    }

    /** Writes {@code block}'s parameters and {@code configJson} into {@code dir} under {@code name}. */
    public static void write(Path dir, String name, Block block, String configJson) {
        Path target = dir.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target);
            temp = Files.createTempDirectory(target, ".djl-save-");
            try (Model model = Model.newInstance(name)) {
                model.setBlock(block);
                model.setProperty("Epoch", "0");
                model.save(temp, name);
            }
            Files.writeString(temp.resolve(CONFIG), configJson, StandardCharsets.UTF_8);
            String params = name + "-0000.params";
            Files.move(temp.resolve(params), target.resolve(params), StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp.resolve(CONFIG), target.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model to '" + dir + "': " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try (Stream<Path> left = Files.list(temp)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original outcome is what the caller needs to see
                }
            }
        }
    }

    /** Whether {@code dir} is a folder in this format (it holds {@code keras-config.json}). */
    public static boolean isOne(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(CONFIG));
    }

    /** The config in {@code dir}. */
    public static String readConfig(Path dir) {
        try {
            return Files.readString(dir.resolve(CONFIG), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + dir + "' has no readable " + CONFIG + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parameters saved under {@code name} in {@code dir}, read by DJL's own {@code Model.load} into
     * {@code scratch} (a block of the same structure, whose parameter arrays DJL replaces), in the block's parameter
     * order and DJL's layout (a Linear's weight is (units, inputs)).
     */
    public static java.util.List<float[]> loadValues(Path dir, String name, Block scratch) {
        try (Model model = Model.newInstance(name)) {
            model.setBlock(scratch);
            model.load(dir, name);
            java.util.List<float[]> values = new java.util.ArrayList<>();
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : scratch.getParameters()) {
                values.add(p.getValue().getArray().toFloatArray());
            }
            return values;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException("'" + dir + "' holds no DJL parameters of this model (" + name
                    + "-0000.params): " + e.getMessage(), e);
        }
    }
}
