package io.github.kerasdjl.tensorboard;

import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.render.DecisionPlane;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Keras' TensorBoard callback: event files TensorBoard reads, in Keras' layout and with Keras' tags.
 *
 * <ul>
 *   <li>{@code logDir/train/events.out.tfevents...}: {@code epoch_loss}, {@code epoch_<metric>} and
 *       {@code epoch_learning_rate} at step = epoch (from 0); with {@code histogramFreq} N > 0, every N epochs
 *       (epochs 0, N, 2N...) a histogram of each weight, tagged with Keras' {@code weight.path}:
 *       {@code sequential/dense/kernel/histogram}; with {@code updateFreq} "batch" or N, {@code batch_loss} and
 *       {@code batch_<metric>} (the epoch's running means) at step = batches trained so far (from 1), every N;</li>
 *   <li>{@code logDir/validation/events.out.tfevents...}, when the fit has validation data: {@code epoch_loss},
 *       {@code epoch_<metric>} (the {@code val_} values) and {@code evaluation_loss_vs_iterations},
 *       {@code evaluation_<metric>_vs_iterations} at step = optimizer steps so far;</li>
 *   <li>with {@link #decisionBoundary}, for a model with 2 inputs and 1 output: an image summary
 *       {@code decision_boundary} in {@code train}, the plane colored by the model's output as TensorFlow Playground
 *       colors it, with the given points, every N epochs and at the last one: TensorBoard's Images tab shows it form
 *       (its slider steps through the epochs; start TensorBoard with {@code --samples_per_plugin images=100} to keep
 *       more than its default 10 of them).</li>
 * </ul>
 *
 * Every record is flushed at the end of each epoch, so a crashed fit leaves files that read whole. A folder that
 * cannot be written is an error when the callback is made, or at the latest before anything trains.
 * {@code tensorboard --logdir LOGDIR} shows them.
 */
public final class TensorBoard implements Callback {

    /** The image summary's tag. */
    public static final String BOUNDARY_TAG = "decision_boundary";
    /** The decision boundary's picture, in pixels a side. */
    public static final int BOUNDARY_SIZE = 256;

    private final Path logDir;
    private final int histogramFreq;
    private int updateFreq; // 0: "epoch"
    private float[][] boundaryX;
    private float[][] boundaryY;
    private int boundaryFreq;
    private DecisionPlane plane;

    private ModelView model;
    private int stepsPerEpoch;
    private long globalBatch;
    private int lastEpoch = -1;
    private int lastImageEpoch = -1;
    private EventFileWriter train;
    private EventFileWriter validation;
    private Path trainFile;
    private Path validationFile;

    /** Scalars per epoch, as Keras' {@code TensorBoard(log_dir)} (histogram_freq 0, update_freq "epoch"). */
    public TensorBoard(Path logDir) {
        this(logDir, 0);
    }

    /**
     * @param logDir the folder of the event files ({@code train/} and {@code validation/} below it)
     * @param histogramFreq every how many epochs to write weight histograms; 0 for none (Keras' default)
     */
    public TensorBoard(Path logDir, int histogramFreq) {
        if (histogramFreq < 0) {
            throw new IllegalArgumentException("Invalid value for argument `histogram_freq`: " + histogramFreq
                    + ". Expected an integer >= 0 (0: no histograms).");
        }
        this.logDir = checkWritable(logDir);
        this.histogramFreq = histogramFreq;
    }

    /** Keras' {@code update_freq}: {@code "epoch"} (the default), {@code "batch"}, or a number of batches. */
    public TensorBoard updateFreq(String updateFreq) {
        if ("epoch".equals(updateFreq)) {
            return updateFreq(0);
        } else if ("batch".equals(updateFreq)) {
            return updateFreq(1);
        } else if (updateFreq != null && updateFreq.matches("[0-9]{1,9}") && Integer.parseInt(updateFreq) > 0) {
            return updateFreq(Integer.parseInt(updateFreq));
        }
        throw new IllegalArgumentException("Invalid value for argument `update_freq`: " + (updateFreq == null ? "null"
                : "'" + updateFreq + "'") + ". Expected 'epoch', 'batch' or a number of batches >= 1.");
    }

    /** Keras' {@code update_freq} as a number: batch summaries every {@code batches} batches (0: only per epoch). */
    public TensorBoard updateFreq(int batches) {
        if (batches < 0) {
            throw new IllegalArgumentException("Invalid value for argument `update_freq`: " + batches
                    + ". Expected 'epoch', 'batch' or a number of batches >= 1.");
        }
        this.updateFreq = batches;
        return this;
    }

    /**
     * The decision boundary as an image summary every {@code everyEpochs} epochs and at the last epoch, for a model
     * with 2 inputs and 1 output (a probability): the plane spans these points with a margin, and they are drawn as
     * dots of their label's color. Typically the training data.
     *
     * @param x points (x1, x2)
     * @param y their labels (0 or 1), one column
     */
    public TensorBoard decisionBoundary(float[][] x, float[][] y, int everyEpochs) {
        if (x == null || x.length == 0 || y == null || y.length != x.length) {
            throw new IllegalArgumentException("Invalid value for argument `x`: " + (x == null ? "null" : x.length
                    + " rows") + " with " + (y == null ? "null" : y.length + " labels") + ". Expected at least one"
                    + " point (x1, x2) and as many labels.");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != 2 || !Float.isFinite(x[i][0]) || !Float.isFinite(x[i][1])) {
                throw new IllegalArgumentException("Invalid value for argument `x`: row " + i + " is "
                        + java.util.Arrays.toString(x[i]) + ". Expected 2 finite coordinates (x1, x2) per point.");
            }
            if (y[i] == null || y[i].length != 1) {
                throw new IllegalArgumentException("Invalid value for argument `y`: row " + i + " is "
                        + java.util.Arrays.toString(y[i]) + ". Expected one label per point.");
            }
        }
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("Invalid value for argument `every_epochs`: " + everyEpochs
                    + ". Expected an integer >= 1.");
        }
        this.plane = DecisionPlane.around(x);
        this.boundaryX = x;
        this.boundaryY = y;
        this.boundaryFreq = everyEpochs;
        return this;
    }

    /** The folder the event files are written under. */
    public Path logDir() {
        return logDir;
    }

    /** The train writer's file of the latest fit (null before one began). */
    public Path trainFile() {
        return trainFile;
    }

    /** The validation writer's file of the latest fit (null before it logged a validation epoch). */
    public Path validationFile() {
        return validationFile;
    }

    /**
     * The folder or, while it does not exist, its nearest existing parent, must be a writable directory; a path
     * below a file is refused.
     */
    private static Path checkWritable(Path logDir) {
        if (logDir == null || logDir.toString().isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `log_dir`: " + (logDir == null ? "null"
                    : "''") + ". Expected a folder to write TensorBoard's event files to.");
        }
        Path dir = logDir.toAbsolutePath();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException("Invalid value for argument `log_dir`: '" + logDir + "' cannot be "
                    + "written: " + (existing == null ? "no part of it exists" : "'" + existing + "' is "
                    + (Files.isDirectory(existing) ? "a folder that is not writable" : "a file, not a folder"))
                    + ". Expected a folder that exists and is writable, or can be made in one.");
        }
        return logDir;
    }

    // ------------------------------------------------------------------ callback

    /** Before anything trains: the folders {@code train} (and {@code validation}) are made, or the fit fails here. */
    @Override
    public void checkLogKeys(Set<String> epochLogKeys) {
        checkWritable(logDir);
        try {
            Files.createDirectories(logDir.resolve("train"));
            if (epochLogKeys.stream().anyMatch(k -> k.startsWith("val_"))) {
                Files.createDirectories(logDir.resolve("validation"));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid value for argument `log_dir`: '" + logDir + "' cannot be "
                    + "written: " + e + ". Expected a folder that exists and is writable, or can be made in one.", e);
        }
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        if (plane != null && (model.inputDim() != 2 || model.outputDim() != 1)) {
            throw new IllegalArgumentException("Invalid value for argument `decision_boundary`: the model takes "
                    + model.inputDim() + " inputs and gives " + model.outputDim() + " outputs. Expected 2 inputs and"
                    + " 1 output for a decision boundary.");
        }
        close();
        this.model = model;
        this.stepsPerEpoch = stepsPerEpoch;
        this.globalBatch = 0;
        this.lastEpoch = -1;
        this.lastImageEpoch = -1;
        this.validationFile = null;
        this.train = new EventFileWriter(logDir.resolve("train"));
        this.trainFile = train.file();
    }

    /** Only the logs per batch. */
    @Override
    public boolean usesWeightsPerBatch() {
        return false;
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        globalBatch++;
        if (updateFreq > 0 && globalBatch % updateFreq == 0) {
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                train.scalar("batch_" + e.getKey(), globalBatch, e.getValue());
            }
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        lastEpoch = epoch;
        boolean withValidation = false;
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            if (e.getKey().startsWith("val_")) {
                withValidation = true;
            } else if (!e.getKey().equals("learning_rate")) { // written once below, as Keras' logs hold it once
                train.scalar("epoch_" + e.getKey(), epoch, e.getValue());
            }
        }
        train.scalar("epoch_learning_rate", epoch, model.learningRate());
        if (withValidation) {
            if (validation == null) {
                validation = new EventFileWriter(logDir.resolve("validation"));
                validationFile = validation.file();
            }
            long iterations = model.iterations(); // Keras: step=self.model.optimizer.iterations
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                if (e.getKey().startsWith("val_")) {
                    String name = e.getKey().substring(4);
                    validation.scalar("epoch_" + name, epoch, e.getValue());
                    validation.scalar("evaluation_" + name + "_vs_iterations", iterations, e.getValue());
                }
            }
            validation.flush();
        }
        if (histogramFreq > 0 && epoch % histogramFreq == 0) {
            List<float[]> weights = model.getWeights();
            List<String> paths = model.weightPaths();
            for (int i = 0; i < weights.size(); i++) {
                train.histogram(paths.get(i) + "/histogram", epoch, weights.get(i));
            }
        }
        if (plane != null && epoch % boundaryFreq == 0) {
            boundary(epoch);
        }
        train.flush();
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (train != null && plane != null && lastEpoch >= 0 && lastImageEpoch != lastEpoch) {
            boundary(lastEpoch);
        }
        close();
    }

    /** A fit that throws closes the event files as they are (every epoch so far is flushed). */
    @Override
    public void onTrainAborted(Throwable cause) {
        close();
    }

    private void boundary(int epoch) {
        BufferedImage image = plane.picture(BOUNDARY_SIZE, BOUNDARY_SIZE, model::predict, boundaryX, boundaryY, false);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the decision boundary: " + e.getMessage(), e);
        }
        train.image(BOUNDARY_TAG, epoch, png.toByteArray(), BOUNDARY_SIZE, BOUNDARY_SIZE);
        lastImageEpoch = epoch;
    }

    private void close() {
        for (EventFileWriter w : new EventFileWriter[] {train, validation}) {
            if (w != null) {
                w.close();
            }
        }
        train = null;
        validation = null;
    }
}
