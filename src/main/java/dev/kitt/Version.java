package dev.kitt;

/** The version of this build, read from the jar manifest (falls back to the development marker). */
public final class Version {
    public static final String PROTOCOL = "1";

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }
}
