package dev.kitt.hardware;

/**
 * The one word for "the probe could not find out". hardware.json writes it for any field a
 * missing tool or unreadable file left empty, numbers included, so readers see why a value is
 * absent instead of a misleading zero.
 */
public final class Unknown {
    public static final String VALUE = "unknown";

    private Unknown() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? VALUE : value;
    }

    public static Object number(Number value) {
        return value == null ? VALUE : value;
    }

    public static boolean isUnknown(String value) {
        return value == null || value.isBlank() || VALUE.equals(value);
    }
}
