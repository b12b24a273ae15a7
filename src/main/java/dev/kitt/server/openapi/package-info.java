/**
 * The HTTP API described as OpenAPI 3 (a YAML resource), served at GET /api/v1/openapi.yaml;
 * a test keeps it in step with the router.
 */
package dev.kitt.server.openapi;
