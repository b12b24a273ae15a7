/**
 * Streaming clients for the two engine API styles (OpenAI SSE, Ollama NDJSON) on the Vert.x HTTP
 * client. They timestamp every chunk with System.nanoTime() on the event loop that reads it and
 * report how output tokens were counted (the engine's usage report, or chunks).
 */
package dev.kitt.engines.client;
