/**
 * The Devon integration: a server-side reverse proxy under /devon-app/ that adds Devon's API key
 * (so the browser never holds it) and a reachability check for the Devon tab.
 */
package dev.kitt.devon;
