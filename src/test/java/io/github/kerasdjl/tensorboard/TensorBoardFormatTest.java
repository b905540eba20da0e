package io.github.kerasdjl.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EventFileWriter's bytes are TensorBoard's own: {@code fixtures/tensorboard_events.txt} is an event file that
 * {@code tools/tensorboard/event_fixture.py} made with TensorBoard 2.21's compiled protos (serialized by protobuf)
 * and its RecordWriter (masked CRC32C), the histogram bucketed by TensorBoard's own {@code histogram_pb}. The same
 * inputs encoded here must give the same bytes, exactly: record framing, both CRCs, proto3's field order and its
 * omitted defaults (step 0), the oneof's simple_value 0, packed doubles, and the 30 buckets' edges and counts.
 */
class TensorBoardFormatTest {

    private static final double WALL = 1700000000.25;

    private static byte[] fixture() throws IOException {
        try (var in = TensorBoardFormatTest.class.getResourceAsStream("/fixtures/tensorboard_events.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            StringBuilder hex = new StringBuilder();
            for (String line : lines.subList(1, lines.size())) {
                hex.append(line.strip());
            }
            return HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void theWriterEncodesAsTensorBoardDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(EventFileWriter.record(EventFileWriter.versionEvent(WALL)));
        int[] n = {1};
        java.util.function.BiConsumer<Long, Protobuf> add = (step, value) -> out.writeBytes(EventFileWriter.record(
                EventFileWriter.event(WALL + n[0]++, step, value)));
        add.accept(0L, EventFileWriter.scalarValue("epoch_loss", 0.6931471805599453));
        add.accept(3L, EventFileWriter.scalarValue("epoch_accuracy", 0.0));
        add.accept(123456789012L, EventFileWriter.scalarValue("batch_loss", -1.25e-3));
        add.accept(2L, EventFileWriter.histogramValue("sequential/dense/kernel/histogram",
                new float[] {-1.5f, 0f, 0.25f, 2f, 2f, 0.1f, -0.7f, 1.3f}));
        add.accept(4L, EventFileWriter.histogramValue("sequential/dense/bias/histogram", new float[] {0.5f, 0.5f,
            0.5f}));
        byte[] image = new byte[200];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) i;
        }
        add.accept(5L, EventFileWriter.imageValue("decision_boundary", image, 3, 2));
        byte[] expected = fixture();
        byte[] actual = out.toByteArray();
        assertEquals(expected.length, actual.length, "file length");
        assertArrayEquals(expected, actual);
        // And the reader decodes TensorBoard's file: 7 records, both CRCs good.
        assertEquals(7, EventFileReader.records(expected).size());
    }
}
