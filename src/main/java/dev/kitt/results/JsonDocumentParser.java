package dev.kitt.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.io.IOException;

/**
 * Parses a JSON document and, when it is broken (truncated, a stray comma), says where: the JSON
 * path being read when parsing failed, plus line and column, so a user can find the problem.
 */
public final class JsonDocumentParser {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocumentParser() {
    }

    public static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDocumentException("$", "the document is empty");
        }
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw locate(text);
        }
        if (!(value instanceof JsonObject obj)) {
            throw new InvalidDocumentException("$", "expected a JSON object at the top level");
        }
        return obj;
    }

    private static InvalidDocumentException locate(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            while (parser.nextToken() != null) {
                // Walk the whole document; the first syntax error throws with the context intact.
            }
            return new InvalidDocumentException("$", "not valid JSON");
        } catch (JsonProcessingException e) {
            JsonParser p = (JsonParser) e.getProcessor();
            String path = p == null ? "$" : toPath(p.getParsingContext());
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new InvalidDocumentException(path, "invalid JSON" + where + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return new InvalidDocumentException("$", "cannot read JSON: " + e.getMessage());
        }
    }

    static String toPath(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            String segment;
            if (c.inArray()) {
                segment = "[" + Math.max(0, c.getCurrentIndex()) + "]";
            } else {
                segment = c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            }
            sb.insert(0, segment);
        }
        return "$" + sb;
    }
}
