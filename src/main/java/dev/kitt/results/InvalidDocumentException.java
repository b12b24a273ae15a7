package dev.kitt.results;

/** A metrics.json that cannot be stored; the message starts with the JSON path of the first problem. */
public class InvalidDocumentException extends RuntimeException {
    private final String path;

    public InvalidDocumentException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
