package io.github.kerasdjl.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few pieces of protobuf's wire format an event file needs, written by hand: varints, 64-bit doubles, 32-bit
 * floats, length-delimited strings and nested messages, and packed repeated doubles. Field numbers are those of
 * TensorFlow's {@code event.proto}, {@code summary.proto} and {@code histogram.proto} (see {@link EventFileWriter}).
 */
final class Protobuf {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void key(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void fixed64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    /** An int32 or int64 field (non-negative here). */
    Protobuf int64(int field, long v) {
        key(field, VARINT);
        varint(v);
        return this;
    }

    Protobuf float64(int field, double v) {
        key(field, FIXED64);
        fixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    Protobuf float32(int field, float v) {
        key(field, FIXED32);
        int bits = Float.floatToRawIntBits(v);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    Protobuf bytes(int field, byte[] v) {
        key(field, LENGTH_DELIMITED);
        varint(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    Protobuf string(int field, String v) {
        return bytes(field, v.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf v) {
        return bytes(field, v.toByteArray());
    }

    /** A packed repeated double field (proto3's default encoding for repeated scalars). */
    Protobuf packedDoubles(int field, double[] v) {
        key(field, LENGTH_DELIMITED);
        varint(8L * v.length);
        for (double d : v) {
            fixed64(Double.doubleToRawLongBits(d));
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
