#!/usr/bin/env python3
"""The section "Scaling curves" of benchmarks/RESULTS.md, from the scaling sweep's JSON files (ScalingSweep.java's
sweep.json, keras_sweep.py's keras_sweep.json): the steps/s of each implementation by width and batch size, where
the lines cross (interpolated on log axes between grid points) and where the fixed cost of a step stops mattering.
Used by report.py; `python3 benchmarks/scaling.py target/benchmarks` prints the section."""
import json
import math
import os
import sys


def load(out):
    """(labels in order {key: label}, {(key, width, batch): point}, [the JSON roots]) of the files present."""
    labels, points, roots = {}, {}, []
    for name in ("sweep.json", "keras_sweep.json"):
        path = os.path.join(out, name)
        if not os.path.exists(path):
            continue
        root = json.load(open(path))
        roots.append(root)
        for impl in root["implementations"]:
            labels[impl["key"]] = impl["label"]
        for p in root["points"]:
            points[(p["impl"], p["width"], p["batch"])] = p
    return labels, points, roots


def crossings(a, b, batches, score):
    """Batch sizes where line a and line b cross: [(batch, who is ahead above it)], interpolated on log axes."""
    found = []
    prev = None
    for batch in batches:
        sa, sb = score(a, batch), score(b, batch)
        if sa is None or sb is None:
            continue
        r = math.log(sa / sb)
        if prev is not None and (prev[1] > 0) != (r > 0) and r != 0:
            b0, r0 = prev
            if r0 == 0:
                at = b0
            else:
                at = math.exp(math.log(b0) + (math.log(batch) - math.log(b0)) * r0 / (r0 - r))
            found.append((at, a if r > 0 else b, b0, batch))
        if r != 0:
            prev = (batch, r)
    return found


def knee(key, width, batches, score):
    """The batch size where steps/s falls to half its value at the smallest batch (log-interpolated), or None."""
    first = score(key, batches[0], width)
    if first is None:
        return None
    prev = (batches[0], first)
    for batch in batches[1:]:
        s = score(key, batch, width)
        if s is None:
            continue
        if s <= first / 2:
            b0, s0 = prev
            t = (math.log(s0) - math.log(first / 2)) / (math.log(s0) - math.log(s))
            return math.exp(math.log(b0) + t * (math.log(batch) - math.log(b0)))
        prev = (batch, s)
    return None


def fmt_batch(b):
    return "%d" % round(b) if b >= 10 else "%.1f" % b


def section(out):
    labels, points, roots = load(out)
    if not points:
        return []
    widths = sorted({w for (_, w, _) in points})
    batches = sorted({b for (_, _, b) in points})
    keys = list(labels)

    def get(key, width, batch):
        p = points.get((key, width, batch))
        return p["steps_per_s"] if p else None

    java = next((r for r in roots if r["source"] == "ScalingSweep"), None)
    keras = next((r for r in roots if r["source"] == "keras_sweep.py"), None)
    lo, hi = batches[0], batches[-1]
    lines = ["## Scaling curves", "",
             "![Training steps per second by batch size, one panel per width](scaling.png)", "",
             "![Training steps per second by width at batch 1 and 64](scaling-width.png)", "",
             "A Dense stack 16-w-w-1 (relu, relu, sigmoid), mse, SGD(0.01), no metrics, no shuffling, on 2,048 seeded "
             "random samples with 0/1 labels (`SweepConfig.java`; the same arrays for Keras, written by `ExportData`),"
             " over widths w = %s and batch sizes %s. Measured in one JVM by `ScalingSweep` (not JMH) and by "
             "`keras_sweep.py`: for each point a fresh model, a warm-up of at least %s s and 3 steps, then %d rounds "
             "of at least %s s and 3 steps each (the implementations taking turns), each round a few calls of the "
             "implementation's own training entry point (`fit`, EasyTrain.fit) over the first rows of the data or "
             "whole epochs of it; the score is the median round's steps per second, the spread (max - min) / median "
             "of the rounds.%s%s" % (
                 ", ".join(map(str, widths)), ", ".join(map(str, batches)),
                 (java or keras)["warmup_s"], (java or keras)["rounds"], (java or keras)["round_s"],
                 " Java sweep: %.0f s, libtorch threads: %s." % (java["seconds"], java["threads"]) if java else "",
                 " Keras sweep: %.0f s, threads %s (`XLA_FLAGS=%s`)." % (keras["seconds"], keras["threads"],
                                                                         keras["xla_flags"]) if keras else
                 " Keras: not run (no Keras python here)."), ""]

    lines += ["### Steps per second", "", "| width | implementation | " + " | ".join(
        "batch %d" % b for b in batches) + " | largest spread |", "| ---: | --- |" + " ---: |" * len(batches)
              + " ---: |"]
    for w in widths:
        for k in keys:
            row = [points.get((k, w, b)) for b in batches]
            if not any(row):
                continue
            lines.append("| %d | %s | %s | %.0f%% |" % (w, labels[k], " | ".join(
                format(round(p["steps_per_s"]), ",") if p else "-" for p in row),
                100 * max(p["spread"] for p in row if p)))
    lines.append("")

    # where the fixed cost stops mattering
    lines += ["### Where the fixed cost of a step stops mattering", "",
              "Per step, time = fixed cost + arithmetic. The fixed cost is about the time of a step at the smallest "
              "batch (1 / its steps/s); the arithmetic has caught up with it where steps/s has fallen to half that "
              "value (interpolated on log axes), and from there on samples/s grows slower than the batch. Each cell: "
              "time of a step at batch %d; batch size where steps/s is half its batch-%d value (\"> %d\": not in the "
              "grid); smallest batch size whose samples/s is within a factor 2 of the largest samples/s of that line."
              % (lo, lo, hi), "",
              "| width | " + " | ".join(labels[k] for k in keys) + " |", "| ---: |" + " --- |" * len(keys)]
    for w in widths:
        cells = []
        for k in keys:
            first = get(k, w, lo)
            if first is None:
                cells.append("-")
                continue
            kn = knee(k, w, batches, lambda key, b, width: get(key, width, b))
            samples = [(b, points[(k, w, b)]["samples_per_s"]) for b in batches if (k, w, b) in points]
            best = max(s for _, s in samples)
            within = next(b for b, s in samples if s >= best / 2)
            cells.append("%s µs; half at %s; 2x of max from %d" % (
                format(round(1e6 / first), ","), fmt_batch(kn) if kn else "> %d" % hi, within))
        lines.append("| %d | %s |" % (w, " | ".join(cells)))
    lines.append("")
    lines += ["In short, per implementation:", ""]
    for k in keys:
        firsts = [get(k, w, lo) for w in widths if get(k, w, lo)]
        if not firsts:
            continue
        halves = []
        for w in widths:
            kn = knee(k, w, batches, lambda key, b, width: get(key, width, b))
            if kn:
                halves.append("width %d at batch ≈ %s" % (w, fmt_batch(kn)))
        lines.append("- %s: a step at batch %d costs %s-%s µs over the widths; the arithmetic catches up with that "
                     "fixed cost (steps/s halved) %s." % (
                         labels[k], lo, format(round(1e6 / max(firsts)), ","), format(round(1e6 / min(firsts)), ","),
                         "for " + ", ".join(halves) + ("; not in the grid for the other widths" if len(halves) < len(
                             widths) else "") if halves else "at no point of the grid"))
    lines.append("")

    # crossings
    lines += ["### Where the lines cross", "",
              "For each pair of lines and each width: the batch size where one overtakes the other, interpolated on "
              "log axes between the two grid points around the change of sign of their log ratio; \"never in "
              "%d-%d\" otherwise, with the range of the ratio. \"(noise)\": at one of the two grid points the lines are within 25 %% of each other, or at both "
              "within their rounds' spreads (a crossing that a second run may not repeat)." % (lo, hi), ""]
    pairs = [(keys[i], keys[j]) for i in range(len(keys)) for j in range(i + 1, len(keys))]
    lines += ["| pair | " + " | ".join("width %d" % w for w in widths) + " |", "| --- |" + " --- |" * len(widths)]
    sentences = []
    noisy = 0
    for a, b in pairs:
        cells = []
        for w in widths:
            def score(key, batch, width=w):
                return get(key, width, batch)
            both = [bt for bt in batches if get(a, w, bt) and get(b, w, bt)]
            if not both:
                cells.append("-")
                continue
            found = crossings(a, b, both, score)
            if not found:
                ratios = [get(a, w, bt) / get(b, w, bt) for bt in both]
                ahead, other = (a, b) if ratios[0] > 1 else (b, a)
                rs = [r if ahead == a else 1 / r for r in ratios]
                cells.append("never in %d-%d: %s ahead, %.2f-%.2fx" % (lo, hi, short(labels[ahead]), min(rs),
                                                                      max(rs)))
                continue
            parts = []
            for at, above, b0, b1 in found:
                below = b if above == a else a
                # noise: at both grid points around it the lines are within their rounds' spread of each other,
                # or at one of them within 25 % of each other (together, rather than one overtaking the other)
                noise = all(abs(math.log(get(a, w, bt) / get(b, w, bt))) < math.log(1 + max(
                    points[(a, w, bt)]["spread"], points[(b, w, bt)]["spread"])) for bt in (b0, b1)) or any(
                    abs(math.log(get(a, w, bt) / get(b, w, bt))) < math.log(1.25) for bt in (b0, b1))
                parts.append("%s overtakes %s at ≈ %s%s" % (short(labels[above]), short(labels[below]),
                                                             fmt_batch(at), " (noise)" if noise else ""))
                if noise:
                    noisy += 1
                else:
                    sentences.append((w, "- width %d: %s overtakes %s at batch ≈ %s (between %d and %d)." % (
                        w, labels[above], labels[below], fmt_batch(at), b0, b1)))
            cells.append("; ".join(parts))
        lines.append("| %s vs %s | %s |" % (short(labels[a]), short(labels[b]), " | ".join(cells)))
    lines.append("")
    if sentences:
        lines += ["The crossings not marked \"(noise)\" (more than 25 %% apart on both sides, and not within the"
                  " rounds' spreads on both), as sentences (%d more in the table are marked"
                  " \"(noise)\"):" % noisy, ""] + [t for _, t in sorted(sentences, key=lambda x: x[0])] + [""]
    else:
        lines += ["No two lines cross in the grid outside the rounds' spread (%d crossings within it)." % noisy, ""]
    return lines


def short(label):
    """A label without its version numbers, for the table's cells."""
    if label.startswith("Keras"):
        return "Keras"
    return label.replace(" (keras-djl)", "")


if __name__ == "__main__":
    print("\n".join(section(sys.argv[1] if len(sys.argv) > 1 else "target/benchmarks")))
