/**
 * Agent liveness: online / busy / stale / offline from heartbeats and socket state, a stale sweep,
 * and status changes published on the event bus.
 */
package dev.kitt.agents.heartbeat;
