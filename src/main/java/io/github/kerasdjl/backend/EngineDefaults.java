package io.github.kerasdjl.backend;

/**
 * What the library settles with DJL before DJL's engine loads. DJL reports usage at start-up by calling a cloud
 * metadata address (its {@code Ec2Utils.callHome}) unless it runs offline or {@code OPT_OUT_TRACKING} is true. A
 * library must not phone home from a user's program, so the model classes opt out when they load, unless the user set
 * {@code OPT_OUT_TRACKING} (system property or environment variable) themselves.
 */
public final class EngineDefaults {

    /** DJL's switch, read as a system property or an environment variable. */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    static {
        apply();
    }

    private EngineDefaults() {
    }

    /** Opts out of DJL's usage tracking unless the user decided; idempotent. */
    public static void apply() {
        if (System.getProperty(OPT_OUT_TRACKING) == null && System.getenv(OPT_OUT_TRACKING) == null) {
            System.setProperty(OPT_OUT_TRACKING, "true");
        }
    }
}
