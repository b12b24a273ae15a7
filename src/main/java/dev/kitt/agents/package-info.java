/**
 * The server side of the agent fleet; each sub-package owns one concern (registry, gateway,
 * heartbeat, dispatch). {@link dev.kitt.agents.FleetOptions} holds their injectable intervals.
 */
package dev.kitt.agents;
