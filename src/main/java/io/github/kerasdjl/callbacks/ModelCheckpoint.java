package io.github.kerasdjl.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras' ModelCheckpoint: saves the model (a {@code .keras} file) or its weights (a {@code .weights.h5} file) at the
 * end of each epoch, or only when the monitored value improves ({@code saveBestOnly}). The file path may hold Keras'
 * fields: {@code {epoch}} (counting from 1, as Keras prints it) and any log key, with a Python format spec, e.g.
 * {@code "ckpt/model-{epoch:02d}-{val_loss:.4f}.keras"}. Every file is written to a temporary name and moved into
 * place, and an epoch whose loss or monitored value is not a finite number (a diverged run) never writes a checkpoint:
 * it cannot replace a good one.
 */
public final class ModelCheckpoint implements Callback {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelCheckpoint.class);

    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    private final String filepath;
    private final String monitor;
    private final Monitor monitorRule;
    private final boolean saveBestOnly;
    private final boolean saveWeightsOnly;
    private ModelView model;
    private Double best;
    private int saves;
    private int skippedNonFinite;

    /** Saves the whole model after every epoch, as Keras' defaults (monitor val_loss, mode auto). */
    public ModelCheckpoint(String filepath) {
        this(filepath, "val_loss", "auto", false, false);
    }

    /**
     * @param filepath where to save, ending in {@code .keras} (or {@code .weights.h5} with {@code saveWeightsOnly})
     * @param monitor the log key compared for {@code saveBestOnly}
     * @param mode {@code "min"}, {@code "max"} or {@code "auto"} (min for the loss, else the direction of Keras'
     *     metric of that name)
     * @param saveBestOnly save only when the monitored value improves
     * @param saveWeightsOnly save the weights (a {@code .weights.h5} file) instead of the whole model
     */
    public ModelCheckpoint(String filepath, String monitor, String mode, boolean saveBestOnly,
            boolean saveWeightsOnly) {
        if (filepath == null || filepath.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: " + (filepath == null ? "null"
                    : "'" + filepath + "'") + ". Expected a file name such as 'model-{epoch:02d}.keras'.");
        }
        String suffix = saveWeightsOnly ? ".weights.h5" : ".keras";
        if (!filepath.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + filepath + "'. With"
                    + " save_weights_only=" + saveWeightsOnly + " the file name must end in `" + suffix + "`.");
        }
        this.monitorRule = new Monitor("ModelCheckpoint", monitor, mode, 0);
        Matcher fields = FIELD.matcher(filepath);
        while (fields.find()) {
            if (fields.group(2) != null && !fields.group(2).matches("0?\\d*(\\.\\d+)?[dfeEgG]")) {
                throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + filepath + "'. The"
                        + " format '" + fields.group(2) + "' of field {" + fields.group(1) + "} is not supported;"
                        + " use forms such as {epoch:02d} or {val_loss:.4f}.");
            }
        }
        this.filepath = filepath;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.saveWeightsOnly = saveWeightsOnly;
    }

    /**
     * In mode auto the monitored key must be the loss or a metric whose direction is known (as Keras, which finds it
     * after the first epoch); the fields of the path must be keys the logs will hold. A monitored key the logs will
     * not hold is warned about once, at the first epoch, and the model is then saved every epoch, as Keras does.
     */
    @Override
    public void checkLogKeys(Set<String> epochLogKeys) {
        checkLogKeys(epochLogKeys, Map.of());
    }

    @Override
    public void checkLogKeys(Set<String> epochLogKeys, Map<String, Boolean> maximize) {
        monitorRule.resolve(epochLogKeys, maximize);
        Matcher fields = FIELD.matcher(filepath);
        while (fields.find()) {
            String key = fields.group(1);
            if (!key.equals("epoch") && !epochLogKeys.contains(key)) {
                throw new IllegalArgumentException("Invalid value for argument `filepath`: '" + filepath
                        + "'. Its field {" + key + "} is not a key of the epoch logs " + epochLogKeys
                        + " (nor {epoch}).");
            }
        }
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
        this.best = null;
        monitorRule.reset();
        this.saves = 0;
        this.skippedNonFinite = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitorRule.resolve(logs.keySet());
        Double loss = logs.get("loss");
        Double current = saveBestOnly ? monitorRule.value(logs, LOG, "Can save best model only with " + monitor
                + " available.", ".") : logs.get(monitor);
        if (loss != null && !Double.isFinite(loss) || saveBestOnly && current != null && !Double.isFinite(current)) {
            skippedNonFinite++;
            return; // a diverged epoch never replaces a checkpoint
        }
        if (saveBestOnly && current != null) {
            if (!monitorRule.isImprovement(current, best)) {
                return;
            }
            best = current;
        }
        Path file = Path.of(path(epoch, logs));
        if (saveWeightsOnly) {
            model.saveWeights(file);
        } else {
            model.save(file);
        }
        saves++;
    }

    /** The file path for an epoch (counting from 0) and its logs, with the fields filled in. */
    String path(int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(filepath);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String spec = m.group(2);
            double v = key.equals("epoch") ? epoch + 1 : logs.get(key);
            String value = spec != null ? String.format(Locale.ROOT, "%" + spec, spec.endsWith("d")
                    ? (Object) Math.round(v) : (Object) v) : key.equals("epoch") ? Integer.toString(epoch + 1)
                    : Double.toString(v);
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** How many files this callback wrote in the last fit. */
    public int saves() {
        return saves;
    }

    /** How many epochs were not saved because their loss or monitored value was not a finite number. */
    public int skippedNonFinite() {
        return skippedNonFinite;
    }

    /** The best monitored value seen (with saveBestOnly), or NaN before any. */
    public double best() {
        return best == null ? Double.NaN : best;
    }
}
