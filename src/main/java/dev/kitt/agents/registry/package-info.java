/**
 * The agent registry: enrollment tokens, agent records and their tokens, per-agent settings.
 * Owns the agents, agent_settings and enrollment_tokens tables and their HTTP routes.
 */
package dev.kitt.agents.registry;
