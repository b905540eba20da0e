package io.github.kerasdjl.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Choices by name, as Keras' {@code activations.get("relu")}: one registry per kind of thing, aliases kept in that
 * one place, and an unknown name rejected with the argument, the value, the closest valid name and all valid names.
 *
 * @param <T> what a name stands for
 */
public final class Registry<T> {

    private final String argument;
    private final Map<String, Supplier<? extends T>> byName = new LinkedHashMap<>();
    private final Map<String, String> canonical = new LinkedHashMap<>();

    /** @param argument the argument name used in error messages, e.g. {@code "activation"} */
    public Registry(String argument) {
        this.argument = argument;
    }

    /** Registers {@code name} and its {@code aliases}; names are matched case-insensitively. */
    public Registry<T> register(String name, Supplier<? extends T> factory, String... aliases) {
        put(name, name, factory);
        for (String alias : aliases) {
            put(alias, name, factory);
        }
        return this;
    }

    private void put(String key, String canonicalName, Supplier<? extends T> factory) {
        String k = key.toLowerCase(Locale.ROOT);
        if (byName.containsKey(k)) {
            throw new IllegalStateException("duplicate name in registry for " + argument + ": " + key);
        }
        byName.put(k, factory);
        canonical.put(k, canonicalName);
    }

    /** Whether {@code name} (or an alias) is registered. */
    public boolean contains(String name) {
        return name != null && byName.containsKey(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The canonical name that {@code name} (maybe an alias) stands for. */
    public String canonicalName(String name) {
        check(name);
        return canonical.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** A new instance for {@code name}, or an {@link IllegalArgumentException} that says what is valid. */
    public T get(String name) {
        check(name);
        return byName.get(name.trim().toLowerCase(Locale.ROOT)).get();
    }

    /** All accepted names, aliases included, in registration order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    private void check(String name) {
        if (name == null) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: null. Valid values: " + names());
        }
        if (!contains(name)) {
            String closest = closest(name);
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: '" + name + "'."
                            + (closest == null ? "" : " Did you mean '" + closest + "'?")
                            + " Valid values: " + names());
        }
    }

    /** The registered name nearest to {@code name} by edit distance, or null when none is near. */
    String closest(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byName.keySet()) {
            int d = editDistance(n, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        // A suggestion farther away than half the word is noise, not help.
        return best != null && bestDistance <= Math.max(2, best.length() / 2) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
