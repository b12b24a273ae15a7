/**
 * Agent preflight: checks a GPU host can run the KITT agent (Java, Docker with GPU access,
 * NVIDIA driver, NFS tools, disk space, server reachable, agent port free) before it enrolls.
 * The checks block (child processes, sockets, HTTP): run them off the event loop.
 */
package dev.kitt.agent.preflight;
