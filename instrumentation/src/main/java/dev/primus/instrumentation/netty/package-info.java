/**
 * Egress for Netty 4.1 clients (and so Reactor Netty and Spring WebClient): every
 * {@code Bootstrap} connect ends in {@code io.netty.bootstrap.Bootstrap.doConnect(remote, local,
 * promise)} with the resolved address, whatever the transport. Native transports (epoll,
 * kqueue) never reach the JDK's socket classes, so this is their only guard. A denial fails the
 * connect promise, as any failed connect does. Judged by address and host, not by URL.
 */
package dev.primus.instrumentation.netty;
