package io.github.kerasdjl.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code fit} returns, as Keras' History: a callback that records, at the end of each epoch, the loss and each
 * metric by name. {@code fit} always adds one, after the callbacks it is given (as Keras: so it records what they put
 * into the logs, such as {@code learning_rate}), and returns it.
 */
public final class History implements Callback {

    private final Map<String, Doubles> values = new LinkedHashMap<>();
    private final Doubles epochs = new Doubles();

    /** Records one epoch's logs. */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.append(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new Doubles()).append(e.getValue());
        }
    }

    /**
     * A growing list of doubles stored unboxed (8 bytes a value), so that a history of many epochs costs little
     * heap: 5,000 epochs of loss and accuracy take about 120 KB.
     */
    private static final class Doubles extends java.util.AbstractList<Double> implements java.util.RandomAccess {
        private double[] data = new double[16];
        private int size;

        void append(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        @Override
        public Double get(int index) {
            java.util.Objects.checkIndex(index, size);
            return data[index];
        }

        @Override
        public int size() {
            return size;
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
        List<Integer> list = new ArrayList<>(epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            list.add((int) epochs.data[i]);
        }
        return Collections.unmodifiableList(list);
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
