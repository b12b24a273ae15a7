/**
 * Configuration: conf/kitt.yaml, overridden by KITT_* environment variables, then by CLI flags,
 * validated into one typed {@link dev.kitt.config.KittConfig} at start.
 */
package dev.kitt.config;
