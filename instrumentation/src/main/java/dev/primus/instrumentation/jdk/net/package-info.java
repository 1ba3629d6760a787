/**
 * Egress hooks in the JDK's own networking, woven at start-up by
 * {@link dev.primus.instrumentation.boot.BootClassWeaver}: {@code java.net.Socket}, the NIO
 * socket channel, the asynchronous socket channel, UDP datagram sockets and channels (which cover JDBC drivers, SMTP, raw sockets, the JDK HttpClient and every
 * library built on them), and {@code HttpURLConnection}, judged by URL at every redirect hop
 * and through a proxy by its real destination. A socket opened inside a judged HTTP call only
 * has its resolved address checked ({@link dev.primus.bootstrap.CallDepth}).
 */
package dev.primus.instrumentation.jdk.net;
