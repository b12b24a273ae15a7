/**
 * Cluster mode: joining a Vert.x cluster through Hazelcast (only when asked, so a single server
 * never loads it), this node's identity among the members, and singletons that run on exactly
 * one node under a cluster-wide lock and move when that node dies.
 */
package dev.kitt.cluster;
