/**
 * Egress for Apache HttpClient 5.x: every request and every redirect hop passes
 * {@code ConnectExec.execute} (classic) or {@code AsyncConnectExec.execute} (async), which lease
 * and, when needed, open the connection, so the URL is judged there before any socket exists.
 *
 * <p>The async client opens its sockets on an I/O reactor thread. The connect request it queues
 * ({@code IOSessionRequest}) is made on the thread that judged the URL: storing its endpoint
 * records the judged URL against that endpoint object, and the reactor's
 * {@code processConnectionRequest} carries it while the socket connects, so the socket is checked
 * as on the judging thread (deny rules only for that URL's host and port; a proxy judged in
 * full). A connect request made anywhere else carries nothing and is judged in full.
 */
package dev.primus.instrumentation.apachehttp5;
