# tools/tensorboard/read_events.py: reads the event files keras-djl's TensorBoard callback wrote with TensorBoard's
# own code (TensorBoard 2.21, no TensorFlow needed), prints the tags and values, exits 1 if anything is missing.
#
#   /work/keras-venv/bin/python tools/tensorboard/read_events.py LOGDIR [--histograms] [--image] [--validation]
#
# LOGDIR is the callback's log_dir (train/ and validation/ below it). Three of TensorBoard's readers are used:
#   1. its record reader (tensorboard.compat.tensorflow_stub PyRecordReader): every record's length and data
#      masked CRC32C checked; a bad CRC or a cut record fails the script (TensorBoard's loaders would stop there
#      silently);
#   2. event_accumulator.EventAccumulator, which parses the events into Scalars, Histograms and Images;
#   3. event_file_loader.EventFileLoader, the loader the TensorBoard server uses, which migrates every value
#      (data_compat) to the plugin that shows it: the plugin names printed are the dashboards' tabs;
#   4. with --serve, the TensorBoard server itself (`tensorboard --logdir`), once with its Rust data server
#      (--load_fast=true, tensorboard_data_server's own reader) and once with its Python one (--load_fast=false):
#      the script asks its HTTP API for the runs, every scalar series (compared with what EventAccumulator read),
#      the histograms and the images (each fetched and checked to be a PNG), then stops the server.
# See tools/keras/README.md and TensorBoardTest (run with -Dtensorboard.logdir=DIR to keep files to read here).
import argparse
import glob
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from tensorboard.backend.event_processing import event_accumulator as ea
from tensorboard.backend.event_processing import event_file_loader
from tensorboard.compat.tensorflow_stub import errors, pywrap_tensorflow

problems = []


def problem(text):
    problems.append(text)
    print("PROBLEM:", text)


def check_records(path):
    """Reads every record with TensorBoard's record reader, which checks both CRCs; returns the count."""
    reader = pywrap_tensorflow.PyRecordReader_New(path.encode(), 0, b"", None)
    count = 0
    while True:
        try:
            reader.GetNext()
        except errors.OutOfRangeError:
            return count
        except errors.DataLossError as e:
            problem("%s: record %d: %s" % (path, count, e.message))
            return count
        count += 1


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def read_run(run_dir, want_histograms, want_image, is_train):
    """Reads one run's folder; returns what it holds, for serve()."""
    files = sorted(glob.glob(os.path.join(run_dir, "*tfevents*")))
    if not files:
        problem("no event file in " + run_dir)
        return None
    for f in files:
        print("%s: %d records, CRCs checked by TensorBoard's record reader" % (f, check_records(f)))

    acc = ea.EventAccumulator(run_dir, size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0, ea.IMAGES: 0})
    acc.Reload()
    tags = acc.Tags()
    print("EventAccumulator tags:", {k: v for k, v in tags.items() if isinstance(v, list) and v})
    for tag in tags[ea.SCALARS]:
        values = acc.Scalars(tag)
        shown = ", ".join("%d: %.6g" % (s.step, s.value) for s in values[:8])
        print("  scalar %-34s %3d values  %s%s" % (tag, len(values), shown, ", ..." if len(values) > 8 else ""))
    for tag in tags[ea.HISTOGRAMS]:
        for h in acc.Histograms(tag):
            v = h.histogram_value
            print("  histogram %-40s step %2d  num %3d  min % .5f  max % .5f  sum % .5f  buckets %d (counts sum %d)"
                  % (tag, h.step, v.num, v.min, v.max, v.sum, len(v.bucket), sum(v.bucket)))
            if sum(v.bucket) != v.num:
                problem("%s step %d: bucket counts sum to %s, num is %s" % (tag, h.step, sum(v.bucket), v.num))
    for tag in tags[ea.IMAGES]:
        for im in acc.Images(tag):
            size = png_size(im.encoded_image_string)
            print("  image %-20s step %2d  %dx%d  %d bytes  PNG %s"
                  % (tag, im.step, im.width, im.height, len(im.encoded_image_string), size))
            if size != (im.width, im.height):
                problem("%s step %d: not a PNG of the stated size %dx%d" % (tag, im.step, im.width, im.height))

    plugins = {}
    for f in files:
        for event in event_file_loader.EventFileLoader(f).Load():
            for value in event.summary.value:
                plugins.setdefault(value.tag, value.metadata.plugin_data.plugin_name)
    print("as the TensorBoard server sees them (tag -> plugin):", dict(sorted(plugins.items())))

    scalars = tags[ea.SCALARS]
    if "epoch_loss" not in scalars:
        problem(run_dir + ": no epoch_loss")
    else:
        steps = [s.step for s in acc.Scalars("epoch_loss")]
        if steps != list(range(steps[0], steps[0] + len(steps))):
            problem(run_dir + ": epoch_loss steps are not one per epoch: %s" % steps)
    if is_train and "epoch_learning_rate" not in scalars:
        problem(run_dir + ": no epoch_learning_rate")
    if want_histograms and not [t for t in tags[ea.HISTOGRAMS] if t.endswith("/histogram")]:
        problem(run_dir + ": no weight histogram")
    if want_image and "decision_boundary" not in tags[ea.IMAGES]:
        problem(run_dir + ": no decision_boundary image")
    for tag, plugin in plugins.items():
        expected = "images" if tag == "decision_boundary" else "histograms" if tag.endswith("/histogram") \
            else "scalars"
        if plugin != expected:
            problem("%s: TensorBoard files %s under the %r plugin, expected %r" % (run_dir, tag, plugin, expected))
    return {"scalars": {t: [(s.step, s.value) for s in acc.Scalars(t)] for t in scalars},
            "histograms": {t: [h.step for h in acc.Histograms(t)] for t in tags[ea.HISTOGRAMS]},
            "images": {t: [i.step for i in acc.Images(t)] for t in tags[ea.IMAGES]}}


def serve(logdir, load_fast, expected):
    """Starts `tensorboard --logdir`, reads everything back through its HTTP API, stops it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([sys.executable, "-m", "tensorboard.main", "--logdir", logdir, "--host", "127.0.0.1",
                               "--port", str(port), "--load_fast", load_fast, "--samples_per_plugin",
                               "images=100,histograms=100"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def get(path, raw=False):
        with urllib.request.urlopen(base + path, timeout=30) as r:
            body = r.read()
        return body if raw else json.loads(body)

    try:
        runs = None
        for _ in range(120):
            try:
                runs = get("/data/runs")
                tags = get("/data/plugin/scalars/tags")
                if runs and all(tags.get(run) for run in expected):
                    break
            except OSError:
                pass
            time.sleep(0.5)
        print("tensorboard --load_fast=%s: runs %s" % (load_fast, runs))
        for run, series in expected.items():
            tags = get("/data/plugin/scalars/tags").get(run, {})
            for tag, values in series["scalars"].items():
                if tag not in tags:
                    problem("server (%s): no scalar %s/%s" % (load_fast, run, tag))
                    continue
                got = get("/data/plugin/scalars/scalars?" + urllib.parse.urlencode({"run": run, "tag": tag}))
                pairs = [(step, value) for _, step, value in got]
                if pairs != values:
                    problem("server (%s): %s/%s is %s, the event files hold %s" % (load_fast, run, tag, pairs,
                                                                                    values))
            print("  %s: %d scalar series, as the event files hold them" % (run, len(series["scalars"])))
            htags = get("/data/plugin/histograms/tags").get(run, {})
            for tag, steps in series["histograms"].items():
                got = get("/data/plugin/histograms/histograms?" + urllib.parse.urlencode({"run": run, "tag": tag}))
                if tag not in htags or [h[1] for h in got] != steps:
                    problem("server (%s): histogram %s/%s steps %s, expected %s" % (load_fast, run, tag,
                                                                                    [h[1] for h in got], steps))
            if series["histograms"]:
                print("  %s: %d histogram series" % (run, len(series["histograms"])))
            for tag, steps in series["images"].items():
                got = get("/data/plugin/images/images?" + urllib.parse.urlencode({"run": run, "tag": tag}))
                if [i["step"] for i in got] != steps:
                    problem("server (%s): image %s/%s steps %s, expected %s" % (load_fast, run, tag,
                                                                                [i["step"] for i in got], steps))
                for i in got:
                    blob = get("/data/plugin/images/individualImage?" + i["query"], raw=True)
                    if png_size(blob) is None:
                        problem("server (%s): image %s step %d is not a PNG" % (load_fast, tag, i["step"]))
                print("  %s: image %s, %d steps %s, each served as a PNG" % (run, tag, len(got),
                                                                           [i["step"] for i in got]))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("logdir")
    parser.add_argument("--histograms", action="store_true", help="require weight histograms in train")
    parser.add_argument("--image", action="store_true", help="require the decision_boundary image in train")
    parser.add_argument("--validation", action="store_true", help="require validation/")
    parser.add_argument("--serve", action="store_true", help="also read them through the TensorBoard server")
    args = parser.parse_args()
    import tensorboard
    print("TensorBoard", tensorboard.__version__)
    print("== train")
    runs = {"train": read_run(os.path.join(args.logdir, "train"), args.histograms, args.image, True)}
    val = os.path.join(args.logdir, "validation")
    if args.validation or os.path.isdir(val):
        print("== validation")
        runs["validation"] = read_run(val, False, False, False)
    if args.serve and not problems:
        for load_fast in ("true", "false"):
            serve(args.logdir, load_fast, runs)
    if problems:
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    print("OK: TensorBoard reads every record, tag and value")


if __name__ == "__main__":
    main()
