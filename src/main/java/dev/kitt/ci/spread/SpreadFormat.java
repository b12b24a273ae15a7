package dev.kitt.ci.spread;

/** Output formats of `kitt results compare`; the constant names are what users type. */
public enum SpreadFormat {
    table, json, markdown
}
