package io.github.kerasdjl.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void cpuAndAutoParse() {
        assertEquals(Device.cpu(), Devices.parse("cpu"));
        assertEquals(Device.cpu(), Devices.parse("/CPU:0"));
        assertEquals(Devices.defaultDevice(), Devices.parse("auto"));
        assertEquals(Devices.defaultDevice(), Devices.parse(null));
        assertEquals("cpu", Devices.describe(Device.cpu()));
    }

    @Test
    void malformedNamesAreRejected() {
        for (String bad : new String[] {"tpu", "gpu:-1", "gpu:x", "cpu1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse(bad));
            assertTrue(e.getMessage().contains("`device`") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    /** On a machine without a usable GPU, asking for one is an error that says why: never a silent CPU run. */
    @Test
    void askingForAMissingGpuIsAnErrorNotAFallback() {
        assumeTrue(Devices.gpuCount() == 0, "this machine has a GPU");
        for (String gpu : new String[] {"gpu", "gpu:1", "cuda:0", "/GPU:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse(gpu));
            assertTrue(e.getMessage().contains("No GPU is usable"), e.getMessage());
            assertTrue(e.getMessage().contains("0 CUDA devices"), e.getMessage());
        }
        Sequential model = new Sequential().add(new Dense(1, "linear", 1));
        assertThrows(IllegalArgumentException.class, () -> model.device("gpu"));
        assertFalse(model.isBuilt());
    }

    @Test
    void gpuIndexOutOfRange() {
        assumeTrue(Devices.gpuCount() > 0, "no GPU here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Devices.parse("gpu:" + Devices.gpuCount()));
        assertTrue(e.getMessage().contains("out of range"));
    }

    @Test
    void modelRunsOnTheNamedDevice() {
        try (Sequential model = new Sequential().add(new Dense(2, "relu", 2)).device("cpu").seed(1)) {
            model.build(2);
            assertEquals(Device.cpu(), model.device());
            assertThrows(IllegalStateException.class, () -> model.device("cpu"));
        }
    }

    /** The library opts out of DJL's start-up usage report (a call to a cloud metadata address) unless told. */
    @Test
    void djlUsageTrackingIsOptedOut() {
        Devices.describe(ai.djl.Device.cpu());
        String decided = System.getenv(EngineDefaults.OPT_OUT_TRACKING);
        assertEquals(decided == null ? "true" : null, System.getProperty(EngineDefaults.OPT_OUT_TRACKING));
    }
}
