package io.github.kerasdjl.callbacks;

import io.github.kerasdjl.util.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * Keras' BackupAndRestore: at the end of each epoch it backs up the model (weights and optimizer state, a
 * {@code .keras} file), the epoch and the state of the shuffling generator in {@code backupDir}; a fit that was
 * interrupted (the process killed, the machine restarted) and is started again with the same callback restores them
 * and continues from the next epoch, ending where the uninterrupted fit would have. A fit that completes deletes the
 * backup. Each file is written whole or not at all: the model to a file named by its epoch, then the record that
 * names it, then the previous model file is deleted; so the record always names a complete model of its epoch, and
 * a kill at any moment leaves the previous backup or the new one, never half of each.
 */
public final class BackupAndRestore implements Callback {

    private static final String STATE = "backup.properties";

    private final Path backupDir;
    private ModelView model;
    private int resumeAt = -1;

    /** Backs up into {@code backupDir} (made when needed). */
    public BackupAndRestore(Path backupDir) {
        if (backupDir == null) {
            throw new IllegalArgumentException("Invalid value for argument `backup_dir`: null. Expected a folder.");
        }
        if (Files.exists(backupDir) && !Files.isDirectory(backupDir)) {
            throw new IllegalArgumentException("Invalid value for argument `backup_dir`: '" + backupDir
                    + "' is a file. Expected a folder.");
        }
        this.backupDir = backupDir;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
        this.resumeAt = -1;
        Path state = backupDir.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(state)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup '" + state + "': " + e.getMessage(), e);
        }
        String epoch = p.getProperty("epoch");
        String shuffle = p.getProperty("shuffle");
        String file = p.getProperty("model");
        if (epoch == null || shuffle == null || file == null || !epoch.matches("\\d+")) {
            throw new IllegalArgumentException("'" + state + "' is not a backup of this library (it lacks its epoch"
                    + " or its shuffle state). Delete the folder to start afresh.");
        }
        model.restore(backupDir.resolve(file));
        model.restoreShuffleState(Base64.getDecoder().decode(shuffle));
        resumeAt = Integer.parseInt(epoch) + 1;
    }

    @Override
    public int resumeEpoch(int requested) {
        return Math.max(requested, resumeAt);
    }

    /** The epoch (counting from 0) the last fit resumed at, or -1 when it started afresh. */
    public int resumedAt() {
        return resumeAt;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        try {
            Files.createDirectories(backupDir);
            String previous = previousModel();
            String file = "backup-" + epoch + ".keras";
            model.save(backupDir.resolve(file));
            Properties p = new Properties();
            p.setProperty("epoch", Integer.toString(epoch));
            p.setProperty("model", file);
            p.setProperty("shuffle", Base64.getEncoder().encodeToString(model.shuffleState()));
            TemporaryFiles.writeAtomically(backupDir.resolve(STATE), temp -> {
                try (var out = Files.newOutputStream(temp)) {
                    p.store(out, "BackupAndRestore: the last completed epoch (from 0) and the shuffling state");
                }
            });
            if (previous != null && !previous.equals(file)) {
                Files.deleteIfExists(backupDir.resolve(previous));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot back up to '" + backupDir + "': " + e.getMessage(), e);
        }
    }

    /** The model file the current record names, or null. */
    private String previousModel() throws IOException {
        Path state = backupDir.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(state)) {
            p.load(in);
        }
        return p.getProperty("model");
    }

    /** A completed fit needs no backup: Keras deletes it. */
    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        try {
            String file = previousModel();
            Files.deleteIfExists(backupDir.resolve(STATE));
            if (file != null) {
                Files.deleteIfExists(backupDir.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the backup in '" + backupDir + "': " + e.getMessage(), e);
        }
    }
}
