/**
 * The agent WebSocket gateway: token check before the upgrade, one live session per agent, frame
 * validation, and translation between protocol frames and event-bus messages.
 */
package dev.kitt.agents.gateway;
