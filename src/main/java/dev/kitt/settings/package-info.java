/**
 * Installation settings edited in the web app (model and results directories, integrations such
 * as Devon): stored in the settings table; a stored value wins over the environment variable.
 */
package dev.kitt.settings;
