/**
 * The agent daemon that runs on each GPU host: its configuration, the WebSocket connection with
 * reconnect and a disk outbox, the command runner, and model storage.
 */
package dev.kitt.agent;
