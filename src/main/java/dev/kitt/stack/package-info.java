/**
 * Deployment stacks: `kitt stack` writes a docker-compose stack (KITT nodes, optionally
 * PostgreSQL, Prometheus, Grafana and an agent, with generated certificates and secrets) under
 * KITT_HOME/stacks/NAME, and runs it through the docker CLI as a child process.
 */
package dev.kitt.stack;
