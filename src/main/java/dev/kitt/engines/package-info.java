/**
 * The engines KITT can benchmark: one descriptor per engine (image, port, health path, API style,
 * model formats, modes), the registry that lists them, engine profiles, and model-format checks
 * made before anything is started.
 */
package dev.kitt.engines;
