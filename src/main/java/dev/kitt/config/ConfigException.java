package dev.kitt.config;

/** An invalid configuration value; the message names the key and the problem in one line. */
public class ConfigException extends RuntimeException {
    public ConfigException(String key, String problem) {
        super("invalid configuration: " + key + ": " + problem);
    }
}
