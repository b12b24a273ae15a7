/**
 * The `kitt` command line: one class per subcommand, all registered in {@link dev.kitt.cli.KittCommand};
 * failures become one `kitt: ...` line and exit code 1.
 */
package dev.kitt.cli;
