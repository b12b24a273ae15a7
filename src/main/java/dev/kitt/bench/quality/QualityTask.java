package dev.kitt.bench.quality;

import io.vertx.core.json.JsonObject;

/** What differs between quality benchmarks: how an item becomes a prompt and how a reply is scored. */
interface QualityTask {
    String name();

    String prompt(JsonObject item);

    boolean correct(JsonObject item, String reply);

    /** Enough tokens for the expected answer: a letter, or a worked solution for gsm8k. */
    int maxTokens();

    /** Throws IllegalArgumentException naming the missing field when an item is malformed. */
    void validate(JsonObject item);
}
