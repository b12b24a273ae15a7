/**
 * Bringing an engine up and down: the docker CLI (never an SDK), a native child process, an
 * already-running endpoint, or the in-process simulated engine. Every runtime waits for health
 * with exponential backoff and always cleans up, on success, failure and JVM shutdown.
 */
package dev.kitt.engines.runtime;
