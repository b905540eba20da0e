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
#      (data_compat) to the plugin that shows it: the plugin names printed are the dashboards' tabs.
# See tools/keras/README.md and TensorBoardTest (run with -Dtensorboard.logdir=DIR to keep files to read here).
import argparse
import glob
import os
import struct
import sys

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
    files = sorted(glob.glob(os.path.join(run_dir, "*tfevents*")))
    if not files:
        problem("no event file in " + run_dir)
        return
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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("logdir")
    parser.add_argument("--histograms", action="store_true", help="require weight histograms in train")
    parser.add_argument("--image", action="store_true", help="require the decision_boundary image in train")
    parser.add_argument("--validation", action="store_true", help="require validation/")
    args = parser.parse_args()
    import tensorboard
    print("TensorBoard", tensorboard.__version__)
    print("== train")
    read_run(os.path.join(args.logdir, "train"), args.histograms, args.image, True)
    val = os.path.join(args.logdir, "validation")
    if args.validation or os.path.isdir(val):
        print("== validation")
        read_run(val, False, False, False)
    if problems:
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    print("OK: TensorBoard reads every record, tag and value")


if __name__ == "__main__":
    main()
