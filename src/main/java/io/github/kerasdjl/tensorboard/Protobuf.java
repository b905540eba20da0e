package io.github.kerasdjl.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few pieces of protobuf's wire format an event file needs, written by hand: varints, 64-bit doubles, 32-bit
 * floats, length-delimited strings and nested messages, and packed repeated doubles. Field numbers are those of
 * TensorFlow's {@code event.proto}, {@code summary.proto} and {@code histogram.proto} (see {@link EventFileWriter}).
 * As proto3 (the syntax of those files) serializes, a scalar field that holds its default (0, empty) is left out,
 * except a member of a {@code oneof} ({@link #float32Always}); so the bytes are those protobuf's own serializer
 * writes for the same message (TensorBoardFormatTest compares them with TensorBoard's).
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
        if (v == 0) {
            return this;
        }
        key(field, VARINT);
        varint(v);
        return this;
    }

    Protobuf float64(int field, double v) {
        if (Double.doubleToRawLongBits(v) == 0) {
            return this;
        }
        key(field, FIXED64);
        fixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    /** A float member of a {@code oneof}: written even when 0, as proto3 writes a set oneof member. */
    Protobuf float32Always(int field, float v) {
        key(field, FIXED32);
        int bits = Float.floatToRawIntBits(v);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    Protobuf bytes(int field, byte[] v) {
        if (v.length == 0) {
            return this;
        }
        return bytesAlways(field, v);
    }

    /** A length-delimited member of a {@code oneof} or a set message field: written even when empty. */
    Protobuf bytesAlways(int field, byte[] v) {
        key(field, LENGTH_DELIMITED);
        varint(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    Protobuf string(int field, String v) {
        return bytes(field, v.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf v) {
        return bytesAlways(field, v.toByteArray());
    }

    /** A packed repeated double field (proto3's default encoding for repeated scalars). */
    Protobuf packedDoubles(int field, double[] v) {
        if (v.length == 0) {
            return this;
        }
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
