/**
 * Quick tests: one suite or benchmark for one model × engine (× profile) on one agent, sent as a
 * run_test command; its lifecycle follows the command's updates.
 */
package dev.kitt.quicktests;
