# tools/tensorboard/event_fixture.py: an event file as TensorBoard's own code writes it, for TensorBoardFormatTest.
#
#   /work/keras-venv/bin/python tools/tensorboard/event_fixture.py   (writes the fixture below; no TensorFlow needed)
#
# The events are built with TensorBoard's compiled protos (tensorboard.compat.proto: Event, Summary, HistogramProto),
# serialized by protobuf, and framed by TensorBoard's RecordWriter (length, masked CRC32C, data, masked CRC32C). The
# histogram's buckets are those of TensorBoard's own histogram_pb (tensorboard.plugins.histogram.summary_v2, 30
# buckets of equal width, numpy), put in the legacy HistogramProto as right edges and counts. The Java test encodes
# the same inputs with EventFileWriter's encoder and must produce these bytes exactly.
import io
import os
import sys

import numpy as np
import google.protobuf
import tensorboard
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.histogram import summary_v2 as histogram_summary
from tensorboard.summary.writer.record_writer import RecordWriter
from tensorboard.util import tensor_util

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "fixtures",
                   "tensorboard_events.txt")
WALL = 1700000000.25  # the wall time of event i is WALL + i


def histogram_proto(values):
    data = np.asarray(values, dtype=np.float32)
    pb = histogram_summary.histogram_pb("h", data)
    buckets = tensor_util.make_ndarray(pb.value[0].tensor)  # [30, 3]: left, right, count
    return summary_pb2.HistogramProto(
        min=float(data.min()), max=float(data.max()), num=float(data.size),
        sum=float(sum(float(v) for v in data)), sum_squares=float(sum(float(v) * float(v) for v in data)),
        bucket_limit=[float(r) for r in buckets[:, 1]], bucket=[float(c) for c in buckets[:, 2]])


def main():
    events = [event_pb2.Event(wall_time=WALL, file_version="brain.Event:2")]

    def add(step, value):
        events.append(event_pb2.Event(wall_time=WALL + len(events), step=step,
                                      summary=summary_pb2.Summary(value=[value])))

    add(0, summary_pb2.Summary.Value(tag="epoch_loss", simple_value=0.6931471805599453))
    add(3, summary_pb2.Summary.Value(tag="epoch_accuracy", simple_value=0.0))
    add(123456789012, summary_pb2.Summary.Value(tag="batch_loss", simple_value=-1.25e-3))
    add(2, summary_pb2.Summary.Value(tag="sequential/dense/kernel/histogram", histo=histogram_proto(
        [-1.5, 0.0, 0.25, 2.0, 2.0, 0.1, -0.7, 1.3])))
    add(4, summary_pb2.Summary.Value(tag="sequential/dense/bias/histogram", histo=histogram_proto([0.5, 0.5, 0.5])))
    add(5, summary_pb2.Summary.Value(tag="decision_boundary", image=summary_pb2.Summary.Image(
        height=2, width=3, colorspace=3, encoded_image_string=bytes(range(200)))))

    buffer = io.BytesIO()
    writer = RecordWriter(buffer)
    for e in events:
        writer.write(e.SerializeToString())
    data = buffer.getvalue()
    with open(OUT, "w") as f:
        f.write("# made by tools/tensorboard/event_fixture.py with TensorBoard %s, protobuf %s: %d events, %d bytes"
                " as hex, 64 bytes a line\n" % (tensorboard.__version__, google.protobuf.__version__, len(events),
                                                len(data)))
        for i in range(0, len(data), 64):
            f.write(data[i:i + 64].hex() + "\n")
    print("wrote", os.path.normpath(OUT), len(data), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
