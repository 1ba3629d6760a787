/**
 * Egress for Apache HttpClient 5.x classic: every request and every redirect hop passes
 * {@code org.apache.hc.client5.http.impl.classic.ConnectExec.execute}, which leases and, when
 * needed, opens the connection, so the URL is judged there before any socket exists. (The async client connects on its I/O reactor threads
 * and is guarded at the socket layer, by host.)
 */
package dev.primus.instrumentation.apachehttp5;
