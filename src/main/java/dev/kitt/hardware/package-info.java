/**
 * Hardware probe: what GPUs, CPU, memory, disk, OS and environment a host has, as hardware.json
 * and a compact fingerprint string, plus a cheap per-GPU sampler for heartbeats.
 * Everything here blocks (child processes, file reads): callers run it off the event loop.
 */
package dev.kitt.hardware;
