/**
 * Models available to benchmark: files and directories under the model directory, and entries
 * of a Devon manifest.json, each with its format and the engines that can serve it.
 */
package dev.kitt.models;
