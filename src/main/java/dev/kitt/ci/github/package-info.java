/**
 * GitHub's REST API for one sticky pull-request comment: find the comment carrying KITT's hidden
 * marker across all pages, then update it in place or create it. Works with GitHub Enterprise.
 */
package dev.kitt.ci.github;
