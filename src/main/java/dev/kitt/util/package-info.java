/**
 * Small helpers shared by several capabilities (YAML documents as JSON, locating executables).
 * Nothing here knows about engines or benchmarks.
 */
package dev.kitt.util;
