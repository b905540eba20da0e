package io.github.kerasdjl.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A native buffer that a fit's data are copied into, kept from one fit to the next. On the CPU the engine array
 * made from a direct buffer is that buffer ({@code from_blob}, no copy), so that {@code Tensors.toArray}'s way,
 * a fresh direct buffer a call, costs a fit a new native allocation the size of the data, zeroed by the JVM and
 * page-faulted in by the kernel, and freed only when the garbage collector gets to it. On W2's data (3.2 MB) that was
 * about 1,800 page faults and 4.5 ms a fit, 2 % of a fit of ten epochs; with the buffer reused it is one copy.
 *
 * <p>The array {@link #toArray} returns shares the buffer: it, and every view made of it, must be closed before the
 * next call. A call that finds the previous array still open does not reuse the buffer (it takes a new one); a view
 * of it that outlives it is not seen, and would see the next call's values (views of a fit's data live in the fit's
 * manager and its steps' scopes, all closed when the fit ends). The buffer is as large as the largest data staged;
 * {@link #release} lets it go.
 */
public final class Staging {

    private ByteBuffer buffer;
    private NDArray last;
    /** How many buffers this staging has allocated (for the tests). */
    private int allocations;

    /** Rows of equal width as a (rows, width) float32 array in {@code manager}, over this staging buffer. */
    public NDArray toArray(NDManager manager, float[][] rows) {
        int width = rows[0].length;
        long bytes = (long) rows.length * width * Float.BYTES;
        if (bytes > Integer.MAX_VALUE) {
            // Over 2 GiB: a direct buffer cannot hold it; the engine's own copy (which then fails as before).
            return Tensors.toArray(manager, rows);
        }
        if (buffer == null || buffer.capacity() < bytes || (last != null && !last.isReleased())) {
            buffer = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
            allocations++;
        }
        buffer.clear().limit((int) bytes);
        ByteBuffer view = buffer.slice().order(ByteOrder.nativeOrder());
        FloatBuffer floats = view.asFloatBuffer();
        for (float[] row : rows) {
            floats.put(row);
        }
        last = manager.create(view, new Shape(rows.length, width), DataType.FLOAT32);
        return last;
    }

    int allocations() {
        return allocations;
    }

    /** Lets the buffer go: the garbage collector frees it once no array uses it. */
    public void release() {
        buffer = null;
        last = null;
    }
}
