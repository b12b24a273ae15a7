/**
 * The `kitt agent ...` subcommands: enroll, run and manage the agent daemon on a GPU host, and
 * list or stop test agents on a server.
 */
package dev.kitt.cli.agent;
