package io.github.kerasdjl.optimizers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizers to and from Keras 3's config (what {@code optimizer.get_config()} gives and a {@code .keras} file
 * stores): class names, argument names in Keras' order, Keras' defaults for what a config leaves out, the common
 * arguments ({@code weight_decay}, {@code clipnorm}, {@code clipvalue}, {@code global_clipnorm}) and a
 * learning-rate schedule as {@code learning_rate}.
 */
public final class Optimizers {

    /** Keras' class names of the optimizers here. */
    public static final List<String> CLASS_NAMES = List.of("SGD", "Adam", "AdamW", "Adamax", "Nadam", "RMSprop",
            "Adagrad");

    private Optimizers() {
    }

    /** Keras' class name of {@code o} ({@code "AdamW"}), or null for an optimizer of the program's own. */
    public static String className(Optimizer o) {
        if (o instanceof AdamW) {
            return "AdamW";
        }
        if (o instanceof SGD) {
            return "SGD";
        }
        if (o instanceof Adam) {
            return "Adam";
        }
        if (o instanceof Adamax) {
            return "Adamax";
        }
        if (o instanceof Nadam) {
            return "Nadam";
        }
        if (o instanceof RMSprop) {
            return "RMSprop";
        }
        if (o instanceof Adagrad) {
            return "Adagrad";
        }
        return null;
    }

    /**
     * Keras' {@code get_config()} of {@code o}, in Keras' order. A schedule as the learning rate is a nested map
     * {@code {module, class_name, config, registered_name}} as Keras serializes it.
     *
     * @throws IllegalArgumentException for an optimizer Keras has no class for (naming those it has)
     */
    public static Map<String, Object> config(Optimizer o) {
        String cls = className(o);
        if (cls == null) {
            throw new IllegalArgumentException("Optimizer " + o + " has no Keras config; a .keras file can hold "
                    + CLASS_NAMES + ".");
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", o.name());
        if (o.schedule() != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("module", "keras.optimizers.schedules");
            s.put("class_name", o.schedule().className());
            s.put("config", o.schedule().config());
            s.put("registered_name", null);
            c.put("learning_rate", s);
        } else {
            c.put("learning_rate", o.learningRate());
        }
        c.put("weight_decay", o.weightDecay());
        c.put("clipnorm", o.clipnorm());
        c.put("global_clipnorm", o.globalClipnorm());
        c.put("clipvalue", o.clipvalue());
        c.put("use_ema", false);
        c.put("ema_momentum", 0.99);
        c.put("ema_overwrite_frequency", null);
        c.put("loss_scale_factor", null);
        c.put("gradient_accumulation_steps", null);
        if (o instanceof SGD sgd) {
            c.put("momentum", sgd.momentum());
            c.put("nesterov", sgd.nesterov());
        } else if (o instanceof TwoMomentOptimizer t) {
            c.put("beta_1", t.beta1());
            c.put("beta_2", t.beta2());
            c.put("epsilon", t.epsilon());
            if (t instanceof Adam) {
                c.put("amsgrad", false);
            }
        } else if (o instanceof RMSprop r) {
            c.put("rho", r.rho());
            c.put("momentum", r.momentum());
            c.put("epsilon", r.epsilon());
            c.put("centered", r.centered());
        } else if (o instanceof Adagrad a) {
            c.put("initial_accumulator_value", a.initialAccumulatorValue());
            c.put("epsilon", a.epsilon());
        }
        return c;
    }

    /** The config keys {@link #fromConfig} reads (besides Keras' bookkeeping, which it reads past). */
    public static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of("learning_rate", "weight_decay",
            "clipnorm", "global_clipnorm", "clipvalue", "momentum", "nesterov", "beta_1", "beta_2", "epsilon", "rho",
            "centered", "initial_accumulator_value");

    /**
     * An optimizer from its Keras class name and config (numbers as {@link Number}, booleans, null for None, a
     * schedule as a nested map); what the config leaves out takes Keras' default.
     *
     * @throws IllegalArgumentException for a class or schedule this library does not have, or a bad value, naming it
     */
    public static Optimizer fromConfig(String className, Map<String, Object> c) {
        Object rate = c.get("learning_rate");
        LearningRateSchedule schedule = null;
        if (rate instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) m.get("config");
            schedule = LearningRateSchedules.fromConfig(String.valueOf(m.get("class_name")),
                    inner == null ? Map.of() : inner);
        }
        double lr = rate instanceof Number n ? n.doubleValue() : Double.NaN;
        Optimizer o = switch (className) {
            case "SGD" -> new SGD(or(lr, SGD.DEFAULT_LEARNING_RATE), num(c, "momentum", 0.0), bool(c, "nesterov"));
            case "Adam" -> {
                if (bool(c, "amsgrad")) {
                    throw new IllegalArgumentException("Invalid value for argument `amsgrad`: true. This library's"
                            + " Adam has no AMSGrad variant.");
                }
                yield new Adam(or(lr, Adam.DEFAULT_LEARNING_RATE), num(c, "beta_1", Adam.DEFAULT_BETA_1),
                        num(c, "beta_2", Adam.DEFAULT_BETA_2), num(c, "epsilon", Adam.DEFAULT_EPSILON));
            }
            case "AdamW" -> {
                if (bool(c, "amsgrad")) {
                    throw new IllegalArgumentException("Invalid value for argument `amsgrad`: true. This library's"
                            + " AdamW has no AMSGrad variant.");
                }
                yield new AdamW(or(lr, Adam.DEFAULT_LEARNING_RATE), num(c, "weight_decay", AdamW.DEFAULT_WEIGHT_DECAY),
                        num(c, "beta_1", Adam.DEFAULT_BETA_1), num(c, "beta_2", Adam.DEFAULT_BETA_2),
                        num(c, "epsilon", Adam.DEFAULT_EPSILON));
            }
            case "Adamax" -> new Adamax(or(lr, Adamax.DEFAULT_LEARNING_RATE), num(c, "beta_1", Adamax.DEFAULT_BETA_1),
                    num(c, "beta_2", Adamax.DEFAULT_BETA_2), num(c, "epsilon", Adamax.DEFAULT_EPSILON));
            case "Nadam" -> new Nadam(or(lr, Nadam.DEFAULT_LEARNING_RATE), num(c, "beta_1", Nadam.DEFAULT_BETA_1),
                    num(c, "beta_2", Nadam.DEFAULT_BETA_2), num(c, "epsilon", Nadam.DEFAULT_EPSILON));
            case "RMSprop" -> new RMSprop(or(lr, RMSprop.DEFAULT_LEARNING_RATE), num(c, "rho", RMSprop.DEFAULT_RHO),
                    num(c, "momentum", 0.0), num(c, "epsilon", RMSprop.DEFAULT_EPSILON), bool(c, "centered"));
            case "Adagrad" -> new Adagrad(or(lr, Adagrad.DEFAULT_LEARNING_RATE), num(c, "initial_accumulator_value",
                    Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE), num(c, "epsilon", Adagrad.DEFAULT_EPSILON));
            default -> throw new IllegalArgumentException("Invalid value for argument `optimizer`: '" + className
                    + "'. Valid optimizers: " + CLASS_NAMES + ".");
        };
        if (schedule != null) {
            o.schedule(schedule);
        }
        if (!(o instanceof AdamW) && c.get("weight_decay") instanceof Number wd) {
            o.weightDecay(wd.doubleValue());
        }
        if (c.get("clipnorm") instanceof Number v) {
            o.clipnorm(v.doubleValue());
        }
        if (c.get("clipvalue") instanceof Number v) {
            o.clipvalue(v.doubleValue());
        }
        if (c.get("global_clipnorm") instanceof Number v) {
            o.globalClipnorm(v.doubleValue());
        }
        return o;
    }

    private static double or(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    private static double num(Map<String, Object> c, String key, double fallback) {
        Object v = c.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("Invalid value for argument `" + key + "`: " + v
                    + ". Expected a number.");
        }
        return n.doubleValue();
    }

    private static boolean bool(Map<String, Object> c, String key) {
        return Boolean.TRUE.equals(c.get(key));
    }
}
