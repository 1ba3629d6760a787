/**
 * Egress hooks in the JDK's own networking, woven at start-up by
 * {@link dev.primus.instrumentation.weaving.PatchWeaver}: {@code java.net.Socket}, the NIO
 * socket channel, the asynchronous socket channel, UDP datagram sockets and channels (which cover JDBC drivers, SMTP, raw sockets, the JDK HttpClient and every
 * library built on them), and {@code HttpURLConnection}, judged by URL at every redirect hop
 * and through a proxy by its real destination. A socket opened inside a judged HTTP call, to
 * that call's own host and port, only has its resolved address checked (the engine keeps which
 * call a socket belongs to: {@code dev.primus.agent.egress.JudgedRequests}).
 */
package dev.primus.instrumentation.jdk.net;
