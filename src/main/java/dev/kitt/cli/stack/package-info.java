/**
 * `kitt stack ...`: generate a docker-compose deployment of KITT under KITT_HOME/stacks and
 * start, stop, list and remove it (the work itself is in dev.kitt.stack).
 */
package dev.kitt.cli.stack;
