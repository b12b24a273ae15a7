/**
 * TLS for the HTTP edge: KITT's own CA and server certificate generated at first start, the
 * server options (OpenSSL engine when it loads, the JDK's otherwise) and client certificates
 * for agents' mutual TLS.
 */
package dev.kitt.server.tls;
