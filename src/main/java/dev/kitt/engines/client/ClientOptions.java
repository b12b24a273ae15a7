package dev.kitt.engines.client;

/**
 * @param maxConnections   HTTP/1.1 connections at most (one stream each), i.e. the top concurrency
 * @param requestTimeoutMs per-request deadline, from issue to the last byte (0: none)
 * @param keepText         keep the generated text (quality benchmarks need it; load runs do not)
 */
public record ClientOptions(int maxConnections, long requestTimeoutMs, boolean keepText) {

    public static ClientOptions defaults() {
        return new ClientOptions(64, 120_000, true);
    }

    public ClientOptions withMaxConnections(int n) {
        return new ClientOptions(n, requestTimeoutMs, keepText);
    }

    public ClientOptions withTimeoutMs(long ms) {
        return new ClientOptions(maxConnections, ms, keepText);
    }

    public ClientOptions withKeepText(boolean k) {
        return new ClientOptions(maxConnections, requestTimeoutMs, k);
    }
}
