package io.github.kerasdjl.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device names as users write them ({@code "cpu"}, {@code "gpu"}, {@code "gpu:1"}, TensorFlow's {@code "/GPU:0"},
 * PyTorch's {@code "cuda:0"}) turned into DJL devices, checked against what the engine can really use. A GPU that is
 * asked for and not usable is an error; nothing falls back to the CPU in silence.
 */
public final class Devices {

    private static final Pattern SPEC =
            Pattern.compile("/?(?:device:)?(cpu|gpu|cuda)(?::(\\d+))?", Pattern.CASE_INSENSITIVE);

    static {
        EngineDefaults.apply();
    }

    private Devices() {
    }

    /** The engine's default device (a GPU when the CUDA libtorch sees one, else the CPU). */
    public static Device defaultDevice() {
        return Engine.getInstance().defaultDevice();
    }

    /** How many GPUs the engine can use. */
    public static int gpuCount() {
        return Engine.getInstance().getGpuCount();
    }

    /** Parses and checks a device name; null or "auto" means the engine's default. */
    public static Device parse(String spec) {
        if (spec != null && spec.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec + "' (empty)."
                    + " Expected 'cpu', 'gpu', 'gpu:N' (N = 0, 1, ...) or 'auto'.");
        }
        if (spec == null || spec.trim().equalsIgnoreCase("auto")) {
            return defaultDevice();
        }
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec
                    + "'. Expected 'cpu', 'gpu', 'gpu:N' (N = 0, 1, ...) or 'auto'.");
        }
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        if (kind.equals("cpu")) {
            return Device.cpu();
        }
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int count = gpuCount();
        if (count == 0) {
            throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec
                    + "'. No GPU is usable: DJL's PyTorch engine (libtorch " + engineVersion()
                    + ") sees 0 CUDA devices. The default build ships the CPU-only libtorch; a GPU needs a CUDA"
                    + " libtorch and an NVIDIA driver (see README, 'GPU'). Use device 'cpu' or 'auto' here.");
        }
        if (index >= count) {
            throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec
                    + "'. GPU index out of range: the engine sees " + count + " GPU(s), gpu:0 to gpu:"
                    + (count - 1) + ".");
        }
        return Device.gpu(index);
    }

    /**
     * Parses a comma-separated list of devices for data-parallel training ({@code "gpu:0,gpu:1"}), each checked as
     * {@link #parse} checks it. All must be GPUs, or all CPUs: DJL's PyTorch engine has one CPU device, so
     * {@code "cpu:0,cpu:1"} makes two replicas on it (the data-parallel code path without a GPU, not faster). A
     * device named twice is an error. A single name gives a list of one.
     */
    public static List<Device> parseList(String spec) {
        if (spec == null || !spec.contains(",")) {
            return List.of(parse(spec));
        }
        List<Device> devices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Boolean gpu = null;
        for (String part : spec.split(",", -1)) {
            String name = part.trim();
            Matcher m = SPEC.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec + "'. '" + name
                        + "' is not a device: expected a list such as 'gpu:0,gpu:1'.");
            }
            boolean isGpu = !m.group(1).equalsIgnoreCase("cpu");
            String normal = (isGpu ? "gpu:" : "cpu:") + (m.group(2) == null ? "0" : Integer.parseInt(m.group(2)));
            if (!seen.add(normal)) {
                throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec + "'. " + normal
                        + " is named twice; each device holds one replica.");
            }
            if (gpu != null && gpu != isGpu) {
                throw new IllegalArgumentException("Invalid value for argument `device`: '" + spec + "'. It mixes"
                        + " CPU and GPU devices; data-parallel training needs devices of one kind.");
            }
            gpu = isGpu;
            devices.add(parse(name));
        }
        return List.copyOf(devices);
    }

    /** Devices for logs: {@code cpu}, {@code gpu:0}, or {@code gpu:0, gpu:1 (data parallel, 2 replicas)}. */
    public static String describe(List<Device> devices) {
        if (devices.size() == 1) {
            return describe(devices.get(0));
        }
        List<String> names = new ArrayList<>();
        for (Device d : devices) {
            names.add(describe(d));
        }
        return String.join(", ", names) + " (data parallel, " + devices.size() + " replicas)";
    }

    /** A short description of a device for logs: {@code cpu} or {@code gpu:0}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    private static String engineVersion() {
        try {
            return Engine.getInstance().getVersion();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
