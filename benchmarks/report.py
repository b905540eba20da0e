#!/usr/bin/env python3
"""Writes benchmarks/RESULTS.md from the outputs of benchmarks/run.sh (JMH JSON, Keras JSON, the paired rounds,
PyTorch JSON, memory, peak memory, start-up, the scaling sweep)."""
import glob
import json
import os
import platform
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scaling  # noqa: E402  (benchmarks/scaling.py: the section "Scaling curves")

out, target = sys.argv[1], sys.argv[2]
STEPS = {"W1": 40, "W2": 4, "W3": 100, "W4": 45}            # steps per epoch (Workload.java, Convnet.java)
SAMPLES = {"W1": 400, "W2": 1024, "W3": 100, "W4": 1438}    # samples per epoch
KERAS_TARGETS = {"W1": 2.5, "W2": 1.2, "W3": 3.0}           # issue 16: DSL / Keras 3 fit
NAMES = {"dsl": "DSL (keras-djl)", "dslEngineStep": "DSL, every step on the engine (`hostStep(false)`)", "idiomaticDjl": "raw DJL, idiomatic", "handTunedDjl": "raw DJL, hand-tuned",
         "reference": "plain-Java reference (double[])", "pytorch": "PyTorch eager (Python)",
         "keras": "Keras 3 fit (JAX backend)"}
ORDER = ["idiomaticDjl", "handTunedDjl", "dslEngineStep", "dsl", "keras", "reference", "pytorch"]
# Which step the DSL's fit took on each workload, as the library decided it (StepKinds.java, steps.json).
STEP_WORDS = {"host": "the hand-written step on JVM arrays (`HostDenseStep`: a step this small costs less on the JVM "
                      "than one engine call)",
              "engine": "the hand-written step on libtorch arrays (`DenseBackpropStep`)",
              "autograd": "DJL's autograd (`AutogradStep`)"}
steps_path = os.path.join(out, "steps.json")
DSL_STEP = json.load(open(steps_path)) if os.path.exists(steps_path) else {}

jmh = json.load(open(os.path.join(out, "jmh.json")))
scores = {}
for r in jmh:
    method = r["benchmark"].rsplit(".", 1)[1]
    w = r["params"]["workload"]
    m = r["primaryMetric"]
    error = float(m["scoreError"])  # "NaN" (a string) with one iteration
    scores[(w, method)] = (m["score"], error if error == error else 0.0)
jvm = jmh[0]["vmName"] + " " + jmh[0]["jdkVersion"]
forks, warm, meas = jmh[0]["forks"], jmh[0]["warmupIterations"], jmh[0]["measurementIterations"]

pytorch = None
pt_path = os.path.join(out, "pytorch.json")
if os.path.exists(pt_path):
    pytorch = json.load(open(pt_path))
    for r in pytorch:
        scores[(r["workload"], "pytorch")] = (r["epochs_per_s"], 2 * r["stdev"])

keras = None
keras_path = os.path.join(out, "keras.json")
if os.path.exists(keras_path):
    keras = json.load(open(keras_path))
    for r in keras:
        scores[(r["workload"], "keras")] = (r["epochs_per_s"], 2 * r["stdev"])
    NAMES["keras"] = "Keras %s fit (JAX %s backend)" % (keras[0]["keras"], keras[0]["jax"])


def history_bytes(epochs, series=3):
    """Bytes of History's arrays (History.java: 16 doubles, doubled when full) after `epochs` epochs."""
    capacity = 16
    while capacity < epochs:
        capacity *= 2
    return series * 8 * capacity


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def versions():
    """DJL's and PyTorch's versions as the build wrote them (target/classes/keras-djl.properties)."""
    props = {}
    path = os.path.join("target", "classes", "keras-djl.properties")
    if os.path.exists(path):
        for line in open(path):
            if "=" in line and not line.startswith("#"):
                k, v = line.strip().split("=", 1)
                props[k] = v
    return props.get("djl.version", "?"), props.get("pytorch.version", "?")


lines = ["# Benchmark results", "",
         "Written by `benchmarks/run.sh` (do not edit by hand; run it again). Throughput of one epoch of each",
         "workload, each implementation measured in the same run; ratios are against raw DJL written the idiomatic",
         "way and against Keras 3's own `fit`. The error is JMH's 99.9%% confidence half-width (for PyTorch and Keras:"
         " two standard deviations of %d and %d rounds)."
         % (pytorch[0]["rounds"] if pytorch else 5, keras[0]["rounds"] if keras else 5), "",
         "- Machine: %s, %d cores; %s" % (cpu(), os.cpu_count(), platform.platform()),
         "- JVM: %s; JMH %s, %d fork, %d warm-up and %d measurement iterations" % (
             jvm, jmh[0]["jmhVersion"], forks, warm, meas),
         "- DJL %s, PyTorch engine %s (CPU)" % versions() + (", PyTorch eager %s with %d threads" % (
             pytorch[0]["torch"], pytorch[0]["threads"]) if pytorch else "; PyTorch eager: not installed, skipped"),
         ("- Keras %s, JAX %s (CPU): one warm-up `fit` of 1 epoch (it compiles the step), then %d timed `fit` calls of "
          "%s epochs, verbose=0, on the arrays the JMH benchmarks use (written by `ExportData`)" % (
              keras[0]["keras"], keras[0]["jax"], keras[0]["rounds"],
              ", ".join("%s %d" % (r["workload"], r["epochs_per_round"]) for r in keras)) if keras
          else "- Keras 3: skipped (no python3 to make the venv here)"),
         ("- Threads: %s for all: libtorch in the JMH forks (`-Dai.djl.pytorch.num_threads`), Keras/XLA "
          "(`OMP_NUM_THREADS`, `XLA_FLAGS=%s`, and `taskset` to that many cores where the machine has more), "
          "PyTorch eager (`torch.set_num_threads`)" % (keras[0]["threads"], keras[0]["xla_flags"]) if keras
          else "- Threads: 2 for libtorch (`-Dai.djl.pytorch.num_threads`)"),
         "",
         "Workloads (benchmarks/io/github/kerasdjl/benchmarks/Workload.java):",
         "- W1: lesson 001's spiral network 2-8-8-8-1 (relu, sigmoid out), mse, SGD 0.05, batch 10, 400 points (40 steps an epoch)",
         "- W2: 784-512-512-10 relu/softmax, categorical cross-entropy, SGD 0.01, batch 256, 1,024 random samples (4 steps)",
         "- W3: the beans' 1-2-1 sigmoid network, mse, per-bean SGD (batch 1, in order), 100 beans (100 steps)",
         "- W4: the digits convnet (Convnet.java): Input(8, 8, 1), Conv2D(16, 3, relu), MaxPooling2D(2), Flatten, "
         "Dropout(0.25), Dense(10, softmax), Adam, sparse categorical cross-entropy, batch 32, the 1,438 training "
         "images of `Digits.load()` scaled to [0, 1], shuffled (45 steps). Raw DJL: Conv2d on NCHW (the images "
         "transposed once), Pool, batch flatten, Dropout, Linear, softmax cross-entropy on logits, DJL's Adam. No "
         "hand-tuned DJL row and no plain-Java reference for W4.", ""]
summary = []
for w in ["W1", "W2", "W3", "W4"]:
    base = scores.get((w, "idiomaticDjl"), (float("nan"), 0))[0]
    ker = scores.get((w, "keras"), (float("nan"), 0))[0]
    lines += ["## %s" % w, "", "| implementation | epochs/s | error | steps/s | samples/s | vs idiomatic DJL | vs Keras 3 |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for method in ORDER:
        if (w, method) not in scores:
            continue
        s, e = scores[(w, method)]
        lines.append("| %s | %.2f | ± %.2f | %s | %s | %.2fx | %s |" % (
            NAMES[method], s, e, format(round(s * STEPS[w]), ","), format(round(s * SAMPLES[w]), ","), s / base,
            "%.2fx" % (s / ker) if ker == ker else "-"))
    lines.append("")
    if w in DSL_STEP:
        lines.append("The DSL's step here: %s." % STEP_WORDS[DSL_STEP[w]["step"]])
    if (w, "dslEngineStep") in scores and (w, "dsl") in scores and DSL_STEP.get(w, {}).get("step") == "host":
        lines.append("")
        lines.append("DSL / the same DSL with every step on the engine (what it did before the host step): **%.1f**"
                     % (scores[(w, "dsl")][0] / scores[(w, "dslEngineStep")][0]))
    if (w, "dsl") in scores and ker == ker:
        d = scores[(w, "dsl")][0]
        lines.append("")
        lines.append("DSL / Keras 3 fit: **%.2f**%s" % (d / ker, " (target >= %.1f)" % KERAS_TARGETS[w]
                                                        if w in KERAS_TARGETS else " (no target)"))
        summary.append("| %s | %.2f | %s | %.2f | %s |" % (
            w, d / ker, ">= %.1f" % KERAS_TARGETS[w] if w in KERAS_TARGETS else "-", d / base,
            "%.2f" % (d / scores[(w, "handTunedDjl")][0]) if (w, "handTunedDjl") in scores else "no row"))
    if (w, "handTunedDjl") in scores and (w, "dsl") in scores:
        lines.append("")
        lines.append("DSL / hand-tuned DJL: **%.2f** (target >= 0.95)%s" % (
            scores[(w, "dsl")][0] / scores[(w, "handTunedDjl")][0],
            "; DSL / idiomatic DJL: **%.2f** (target >= 3)" % (scores[(w, "dsl")][0] / base) if w == "W1" else ""))
    if w == "W4" and (w, "dsl") in scores:
        lines.append("")
        lines.append("DSL / idiomatic DJL: **%.2f**; no hand-tuned DJL row for W4" % (scores[(w, "dsl")][0] / base))
    lines.append("")

if summary:
    lines += ["## Summary: the DSL's ratios in the tables above", "", "| workload | DSL / Keras 3 fit | target | "
              "DSL / idiomatic DJL | DSL / hand-tuned DJL |", "| --- | ---: | ---: | ---: | ---: |"] + summary + [
        "", "Issue 16's other targets: W1 DSL / idiomatic DJL >= 3, DSL / hand-tuned DJL >= 0.95 on W1-W3. Each figure "
        "here divides two measurements made minutes apart (JMH runs one benchmark after the other; Keras runs after "
        "JMH): on a shared 2-core machine whose speed drifts, that can move a ratio by a third.%s" % (
            " The paired rounds below measure the target ratios with the two halves of each ratio seconds apart."
            if os.path.exists(os.path.join(out, "paired.json")) else ""), ""]

paired_path = os.path.join(out, "paired.json")
if os.path.exists(paired_path):
    paired = json.load(open(paired_path))
    lines += ["## The target ratios, from paired rounds", "",
              "`PairedRounds`: the DSL%s take turns, one slice each (a call repeated for at least %.1f s: a `fit` of E "
              "epochs, E epochs of raw DJL%s), %d rounds after %d not counted, the order of the turns rotating from "
              "round to round; each round gives its own ratios, and the figure is their median, with the middle half "
              "of the rounds (quartiles) and the extremes. A round takes 1-5 s (a slice is at least one whole call), "
              "so that a drift of the machine's speed falls on both halves of a ratio. E is the Keras rows' epochs per "
              "`fit` call, more than the JMH DSL benchmarks' 10, so that the DSL's cost per `fit` weighs a little less "
              "here than there. Raw DJL is the hand-tuned version on W1-W3 and the "
              "idiomatic one on W4 (which has no hand-tuned version)." % (
                  ", raw DJL and Keras 3 `fit` (in its own process, waiting while the JVM runs)"
                  if paired["keras"] else " and raw DJL", paired["least_s"],
                  ", the same `fit` in Keras" if paired["keras"] else "", paired["rounds"], paired["warmup_rounds"]),
              "", "| workload | E | DSL epochs/s | raw DJL | raw DJL epochs/s | Keras 3 epochs/s | DSL / raw DJL "
              "(target) | DSL / Keras 3 fit (target) |", "| --- | ---: | ---: | --- | ---: | ---: | --- | --- |"]

    def spread(r):
        return "**%.2f** (%.2f-%.2f; %.2f-%.2f)" % (r["median"], r["q1"], r["q3"], r["min"], r["max"])

    def median(v):
        v = sorted(v)
        return (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2

    for w, r in paired["workloads"].items():
        base = r["baseline"]
        lines.append("| %s | %d | %.1f | %s | %.1f | %s | %s | %s |" % (
            w, r["epochs_per_call"], median(r["dsl"]), {"handTunedDjl": "hand-tuned",
                                                        "idiomaticDjl": "idiomatic"}[base], median(r[base]),
            "%.1f" % median(r["keras"]) if "keras" in r else "-",
            spread(r["dsl_vs_" + base]) + (" (>= 0.95)" if base == "handTunedDjl" else " (none)"),
            "%s (%s)" % (spread(r["dsl_vs_keras"]), ">= %.1f" % KERAS_TARGETS[w] if w in KERAS_TARGETS else "none")
            if "dsl_vs_keras" in r else "-"))
    lines += ["", "Epochs/s: the median of the rounds. Ratios: median (quartiles; extremes).", ""]

mem_path = os.path.join(out, "memory.json")
for path, title in [(mem_path, "as the DSL trains it (the host step: no engine array a step)"),
                    (os.path.join(out, "memory-engine.json"), "with every step on the engine (`hostStep(false)`)")]:
    if not os.path.exists(path):
        continue
    m = json.load(open(path))
    w0 = m["warmup_epoch"]
    lines += ["## Memory over %s epochs of W1, %s" % (format(m["epochs"], ","), title), "",
              "One `fit` of %s epochs (%s steps, %.0f s), heap fixed at 256 MiB so that resident memory shows native"
              " growth; sampled every 250 epochs after a GC, growth measured from epoch %s (a tenth of the run, after"
              " warm-up):" % (format(m["epochs"], ","), format(m["steps"], ","), m["seconds"], format(w0, ",")), "",
              "| | at epoch %s | at the end | growth |" % format(w0, ","), "| --- | ---: | ---: | ---: |",
              "| resident memory (VmRSS, native + heap) | %s KiB | %s KiB | %+.1f%% |" % (
                  format(m["rss_kib_at_warmup"], ","), format(m["rss_kib_end"], ","), 100 * m["rss_growth"]),
              "| Java heap in use after GC | %s KiB | %s KiB | %+.1f%% |" % (
                  format(m["heap_kib_at_warmup"], ","), format(m["heap_kib_end"], ","), 100 * m["heap_growth"]),
              "| the model's live engine arrays | %d | %d | %+d |" % (
                  m["live_arrays_at_warmup"], m["live_arrays_end"], m["live_arrays_end"] - m["live_arrays_at_warmup"]),
              "", "Largest resident memory after epoch %s: %s KiB (target: < 5%% growth after warm-up)." % (
                  format(w0, ","), format(m["rss_kib_max_after_warmup"], ",")), "",
              "The heap's growth is the `History` that `fit` returns, which keeps every epoch's number, loss and "
              "accuracy in arrays of doubles that double in capacity as they fill: %s bytes of them at epoch %s, "
              "%s at the end, %+d KiB, against %+d KiB measured. Without them the heap in use is %s KiB at epoch %s "
              "and %s KiB at the end (%+.1f%%)." % (
                  format(history_bytes(w0), ","), format(w0, ","), format(history_bytes(m["epochs"]), ","),
                  round((history_bytes(m["epochs"]) - history_bytes(w0)) / 1024),
                  m["heap_kib_end"] - m["heap_kib_at_warmup"],
                  format(round(m["heap_kib_at_warmup"] - history_bytes(w0) / 1024), ","), format(w0, ","),
                  format(round(m["heap_kib_end"] - history_bytes(m["epochs"]) / 1024), ","),
                  100 * ((m["heap_kib_end"] - history_bytes(m["epochs"]) / 1024)
                         / (m["heap_kib_at_warmup"] - history_bytes(w0) / 1024) - 1)), ""]

peaks = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(out, "peak-W*.json")))]
if peaks:
    lines += ["%s Peak resident memory (W2, W4)" % ("###" if os.path.exists(mem_path) else "##"), "",
              "Each workload trained with the DSL in a fresh JVM (`PeakMemory`), one `fit` of the epochs below; peak is"
              " the process' high-water mark of resident memory (VmHWM, start-up included), the others VmRSS:", "",
              "| workload | epochs (steps) | peak resident | at start (main entered) | model built (DJL, libtorch "
              "loaded) | at the end | heap setting |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for m in peaks:
        lines.append("| %s | %d (%s) | %s KiB | %s KiB | %s KiB | %s KiB | %s (max heap %s MiB) |" % (
            m["workload"], m["epochs"], format(m["steps"], ","), format(m["peak_rss_kib"], ","),
            format(m["rss_kib_start"], ","), format(m["rss_kib_built"], ","), format(m["rss_kib_end"], ","),
            "`%s`" % m["heap_args"] if m["heap_args"] else "JVM default", format(m["heap_max_mib"], ",")))
    lines.append("")

startups = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(out, "startup-*.json")))]
if startups:
    first = [s["jvm_to_first_prediction_ms"] for s in startups]
    engine = [s["jvm_to_engine_ms"] for s in startups]
    lines += ["## Start-up", "",
              "JVM start to the main job's first prediction (data made, model compiled and built, one predict), %d "
              "fresh JVMs: %s ms (median %d ms); of which loading DJL and libtorch up to the first engine array: "
              "%s ms." % (len(first), ", ".join(map(str, first)), sorted(first)[len(first) // 2],
                          ", ".join(map(str, engine))), ""]
lines += scaling.section(out)
open(target, "w").write("\n".join(lines))
