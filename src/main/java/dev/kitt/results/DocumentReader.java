package dev.kitt.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Typed reads from one JSON object that fail with the JSON path of the offending field. */
final class DocumentReader {
    private final JsonObject obj;
    private final String path;

    DocumentReader(JsonObject obj, String path) {
        this.obj = obj;
        this.path = path;
    }

    boolean has(String field) {
        return obj.getValue(field) != null;
    }

    String requiredString(String field) {
        Object v = require(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw fail(field, "expected a non-empty string");
        }
        return s;
    }

    String optionalString(String field) {
        Object v = obj.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw fail(field, "expected a string");
        }
        return s;
    }

    boolean requiredBoolean(String field) {
        if (!(require(field) instanceof Boolean b)) {
            throw fail(field, "expected true or false");
        }
        return b;
    }

    int optionalInt(String field, int fallback) {
        Object v = obj.getValue(field);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw fail(field, "expected an integer");
        }
        return n.intValue();
    }

    Double optionalNumber(String field) {
        Object v = obj.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw fail(field, "expected a number");
        }
        return n.doubleValue();
    }

    JsonArray requiredArray(String field) {
        if (!(require(field) instanceof JsonArray a)) {
            throw fail(field, "expected an array");
        }
        return a;
    }

    JsonArray optionalArray(String field) {
        Object v = obj.getValue(field);
        if (v != null && !(v instanceof JsonArray)) {
            throw fail(field, "expected an array");
        }
        return (JsonArray) v;
    }

    JsonObject optionalObject(String field) {
        Object v = obj.getValue(field);
        if (v != null && !(v instanceof JsonObject)) {
            throw fail(field, "expected an object");
        }
        return (JsonObject) v;
    }

    DocumentReader objectAt(String arrayField, JsonArray array, int index) {
        String itemPath = path + "." + arrayField + "[" + index + "]";
        if (!(array.getValue(index) instanceof JsonObject o)) {
            throw new InvalidDocumentException(itemPath, "expected an object");
        }
        return new DocumentReader(o, itemPath);
    }

    /** ISO-8601 with or without an offset (no offset means UTC, as Python KITT writes it) or epoch ms. */
    long requiredTimestamp(String field) {
        Object v = require(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // fall through to the zone-less form
            }
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // fall through to instant
            }
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        throw fail(field, "expected an ISO-8601 timestamp or epoch milliseconds");
    }

    private Object require(String field) {
        Object v = obj.getValue(field);
        if (v == null) {
            throw fail(field, "required field is missing");
        }
        return v;
    }

    private InvalidDocumentException fail(String field, String problem) {
        return new InvalidDocumentException(path + "." + field, problem);
    }
}
