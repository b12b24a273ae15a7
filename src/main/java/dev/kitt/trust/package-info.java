/**
 * How KITT's own clients (the agent, and CLI commands given --server) decide to trust a server
 * over https: a pinned CA fingerprint, a CA file, the system's trust store, or, for development
 * only, anything.
 */
package dev.kitt.trust;
