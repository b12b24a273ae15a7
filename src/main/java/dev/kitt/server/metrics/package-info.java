/**
 * KITT's own Prometheus meters, next to the Vert.x ones: fleet, commands, logs, SSE and runs,
 * counted from published event-bus facts, and the latest benchmark results read from the store.
 */
package dev.kitt.server.metrics;
