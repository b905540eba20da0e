package io.github.kerasdjl.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
    /** Each name as registered (Keras' class names keep their capitals in messages). */
    private final Map<String, String> spelling = new LinkedHashMap<>();
    /** The kind of input each canonical name takes, for suggestions; null when all take the same. */
    private Function<String, String> group;

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
        spelling.put(k, key);
    }

    /**
     * Tells the suggestion for a misspelt name that the names fall into groups that take different inputs
     * ({@code group} gives a canonical name's group, in words, e.g. "integer class labels"), so that it never
     * points at one name alone when a name of another group is as plausible: when names of several groups are
     * near, it names the nearest of each group with its group's words, nearest first.
     */
    public Registry<T> groupSuggestions(Function<String, String> group) {
        this.group = group;
        return this;
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

    /** All accepted names, aliases included, in registration order, spelt as registered. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(spelling.values()));
    }

    private void check(String name) {
        if (name == null) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: null. Valid values: " + names());
        }
        if (!contains(name)) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `" + argument + "`: '" + name + "'." + suggestion(name)
                            + " Valid values: " + names());
        }
    }

    /** The registered name nearest to {@code name} by edit distance, or null when none is near. */
    String closest(String name) {
        List<String> near = nearest(name);
        return near.isEmpty() ? null : near.get(0);
    }

    /**
     * " Did you mean 'x'?" for the nearest name; with groups, when names of several groups are near, " Did you
     * mean 'x' (its group) or 'y' (its group)?"; empty when none is near.
     */
    String suggestion(String name) {
        List<String> near = nearest(name);
        if (near.isEmpty()) {
            return "";
        }
        if (near.size() == 1) {
            return " Did you mean '" + near.get(0) + "'?";
        }
        StringBuilder s = new StringBuilder(" Did you mean ");
        for (int i = 0; i < near.size(); i++) {
            String c = near.get(i);
            s.append(i == 0 ? "" : i == near.size() - 1 ? " or " : ", ").append('\'').append(c).append("' (")
                    .append(group.apply(canonical.get(c.toLowerCase(Locale.ROOT)))).append(')');
        }
        return s.append('?').toString();
    }

    /**
     * The near names, nearest first: the nearest one, or with groups the nearest of each group that has a near
     * name. A name farther away than half the word is noise, not help.
     */
    private List<String> nearest(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Map<String, String> bestOfGroup = new LinkedHashMap<>();
        Map<String, Integer> distanceOfGroup = new LinkedHashMap<>();
        for (String candidate : byName.keySet()) {
            int d = editDistance(n, candidate);
            if (d > Math.max(2, candidate.length() / 2)) {
                continue;
            }
            String g = group == null ? "" : group.apply(canonical.get(candidate));
            Integer best = distanceOfGroup.get(g);
            if (best == null || d < best) {
                distanceOfGroup.put(g, d);
                bestOfGroup.put(g, candidate);
            }
        }
        List<String> groups = new ArrayList<>(bestOfGroup.keySet());
        groups.sort(java.util.Comparator.comparingInt(distanceOfGroup::get));
        List<String> result = new ArrayList<>();
        for (String g : groups) {
            result.add(spelling.get(bestOfGroup.get(g)));
        }
        return result;
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
