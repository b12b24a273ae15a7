/**
 * Domain events (run.completed, quicktest.started, ...): stored in the events table with a
 * sequence number, then published on {@code kitt.events}, and streamed to browsers over SSE.
 */
package dev.kitt.events;
