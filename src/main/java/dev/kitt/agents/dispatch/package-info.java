/**
 * Command dispatch: the commands outbox table, its state machine, delivery and re-delivery over the
 * agent's socket, deadlines, cancellation, and the in-server runner for test agents.
 */
package dev.kitt.agents.dispatch;
