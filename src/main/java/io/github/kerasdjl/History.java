package io.github.kerasdjl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code fit} returns, as Keras' History: one value per epoch for the loss and each metric, by name. */
public final class History {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();

    /** Adds one epoch's logs. */
    void append(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** The values of {@code key} per epoch ({@code "loss"}, {@code "accuracy"}, {@code "val_loss"}, ...). */
    public List<Double> get(String key) {
        List<Double> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Invalid value for argument `key`: '" + key
                    + "'. This history holds " + values.keySet() + ".");
        }
        return Collections.unmodifiableList(v);
    }

    /** The last epoch's value of {@code key}. */
    public double last(String key) {
        List<Double> v = get(key);
        if (v.isEmpty()) {
            throw new IllegalStateException("No epoch was run");
        }
        return v.get(v.size() - 1);
    }

    /** The names recorded, in order (Keras' {@code history.history.keys()}). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The epochs run, counting from 0 (Keras' {@code history.epoch}). */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The whole history, as Keras' {@code history.history} dict. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
