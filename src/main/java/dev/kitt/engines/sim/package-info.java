/**
 * KITT's simulated inference engine: a real Vert.x HTTP server speaking the OpenAI and Ollama
 * APIs, whose timing follows a model of a GPU server (prefill, batch-dependent decode, batch and
 * KV-cache limits) and which records the true send time of every token it writes.
 */
package dev.kitt.engines.sim;
