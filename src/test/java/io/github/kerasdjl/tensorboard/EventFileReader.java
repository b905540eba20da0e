package io.github.kerasdjl.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A reader of TensorBoard event files written from the format's description, not from the writer's code: TFRecord
 * framing with both masked CRC32Cs checked, and a generic protobuf decoder (varint, fixed64, length-delimited,
 * fixed32; packed or unpacked repeated doubles) applied to TensorFlow's Event, Summary, Summary.Value,
 * Summary.Image and HistogramProto field numbers.
 */
final class EventFileReader {

    /** One decoded event: its wall time, step, file version (or null), and its summary values. */
    record Event(double wallTime, long step, String fileVersion, List<Value> values) {
    }

    /** A Summary.Value: tag and one of simple_value, histo, image (the others null). */
    record Value(String tag, Float simpleValue, Histogram histo, Image image) {
    }

    record Histogram(double min, double max, double num, double sum, double sumSquares, List<Double> bucketLimit,
            List<Double> bucket) {
    }

    record Image(int height, int width, int colorspace, byte[] encoded) {
    }

    private EventFileReader() {
    }

    static List<Event> read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        for (byte[] record : records(Files.readAllBytes(file))) {
            events.add(event(record));
        }
        return events;
    }

    /** The records' data; an IOException for a bad CRC or a truncated record. */
    static List<byte[]> records(byte[] file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            if (in.remaining() < 12) {
                throw new IOException("truncated record header at byte " + in.position());
            }
            byte[] header = new byte[8];
            in.get(header);
            int headerCrc = in.getInt();
            if (headerCrc != masked(header)) {
                throw new IOException("bad length CRC at byte " + (in.position() - 12));
            }
            long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length < 0 || length + 4 > in.remaining()) {
                throw new IOException("truncated record of " + length + " bytes at byte " + in.position());
            }
            byte[] data = new byte[(int) length];
            in.get(data);
            if (in.getInt() != masked(data)) {
                throw new IOException("bad data CRC for the record at byte " + (in.position() - length - 16));
            }
            records.add(data);
        }
        return records;
    }

    /** CRC32C, masked as TFRecord masks it: rotate right by 15 bits, add 0xa282ead8. */
    static int masked(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int c = (int) crc.getValue();
        return Integer.rotateRight(c, 15) + 0xa282ead8;
    }

    // ------------------------------------------------------------------ protobuf

    /** A field of a message: number, wire type, and its value (Long for varint/fixed, byte[] for bytes). */
    private record Field(int number, int wireType, long bits, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) throws IOException {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long key = varint(message, pos);
            int number = (int) (key >>> 3);
            int type = (int) (key & 7);
            switch (type) {
                case 0 -> fields.add(new Field(number, type, varint(message, pos), null));
                case 1 -> {
                    fields.add(new Field(number, type, ByteBuffer.wrap(message, pos[0], 8)
                            .order(ByteOrder.LITTLE_ENDIAN).getLong(), null));
                    pos[0] += 8;
                }
                case 2 -> {
                    int len = (int) varint(message, pos);
                    byte[] b = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + len);
                    pos[0] += len;
                    fields.add(new Field(number, type, 0, b));
                }
                case 5 -> {
                    fields.add(new Field(number, type, ByteBuffer.wrap(message, pos[0], 4)
                            .order(ByteOrder.LITTLE_ENDIAN).getInt(), null));
                    pos[0] += 4;
                }
                default -> throw new IOException("unknown wire type " + type);
            }
            if (pos[0] > message.length) {
                throw new IOException("field " + number + " runs past the message");
            }
        }
        return fields;
    }

    private static long varint(byte[] b, int[] pos) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IOException("truncated varint");
            }
            int x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }

    private static Event event(byte[] data) throws IOException {
        double wall = 0;
        long step = 0;
        String version = null;
        List<Value> values = new ArrayList<>();
        for (Field f : fields(data)) {
            switch (f.number()) {
                case 1 -> wall = Double.longBitsToDouble(f.bits());
                case 2 -> step = f.bits();
                case 3 -> version = new String(f.bytes(), StandardCharsets.UTF_8);
                case 5 -> {
                    for (Field v : fields(f.bytes())) {
                        if (v.number() == 1) {
                            values.add(value(v.bytes()));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Event(wall, step, version, values);
    }

    private static Value value(byte[] data) throws IOException {
        String tag = null;
        Float simple = null;
        Histogram histo = null;
        Image image = null;
        for (Field f : fields(data)) {
            switch (f.number()) {
                case 1 -> tag = new String(f.bytes(), StandardCharsets.UTF_8);
                case 2 -> simple = Float.intBitsToFloat((int) f.bits());
                case 4 -> image = image(f.bytes());
                case 5 -> histo = histogram(f.bytes());
                default -> {
                }
            }
        }
        return new Value(tag, simple, histo, image);
    }

    private static Histogram histogram(byte[] data) throws IOException {
        double[] d = new double[5];
        List<Double> limits = new ArrayList<>();
        List<Double> buckets = new ArrayList<>();
        for (Field f : fields(data)) {
            if (f.number() >= 1 && f.number() <= 5) {
                d[f.number() - 1] = Double.longBitsToDouble(f.bits());
            } else if (f.number() == 6 || f.number() == 7) {
                List<Double> target = f.number() == 6 ? limits : buckets;
                if (f.wireType() == 1) {
                    target.add(Double.longBitsToDouble(f.bits()));
                } else {
                    ByteBuffer b = ByteBuffer.wrap(f.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                    while (b.hasRemaining()) {
                        target.add(b.getDouble());
                    }
                }
            }
        }
        return new Histogram(d[0], d[1], d[2], d[3], d[4], limits, buckets);
    }

    private static Image image(byte[] data) throws IOException {
        int h = 0;
        int w = 0;
        int cs = 0;
        byte[] encoded = null;
        for (Field f : fields(data)) {
            switch (f.number()) {
                case 1 -> h = (int) f.bits();
                case 2 -> w = (int) f.bits();
                case 3 -> cs = (int) f.bits();
                case 4 -> encoded = f.bytes();
                default -> {
                }
            }
        }
        return new Image(h, w, cs, encoded);
    }
}
