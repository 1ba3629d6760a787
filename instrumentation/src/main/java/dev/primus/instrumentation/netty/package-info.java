/**
 * Egress for Netty 4.1 clients, Reactor Netty and Spring WebClient included: every outbound
 * connect of a channel reaches the pipeline's head,
 * {@code DefaultChannelPipeline$HeadContext.connect(ctx, remote, local, promise)}, whoever asked
 * for it: {@code Bootstrap}, or Reactor Netty's own connector, which never goes through
 * {@code Bootstrap}. Native transports (epoll, kqueue) never reach the JDK's socket classes, so
 * this is their only guard; so every hook is woven in a copy of Netty another jar shades under a
 * package of its own too (gRPC's grpc-netty-shaded). A denial fails the connect promise, as any
 * failed connect does. Judged by address and host, not by URL.
 */
package dev.primus.instrumentation.netty;
