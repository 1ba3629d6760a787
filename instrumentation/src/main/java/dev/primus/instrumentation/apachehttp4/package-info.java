/**
 * Egress for Apache HttpClient 4.x (classic): every request and every redirect hop passes
 * {@code org.apache.http.impl.execchain.MainClientExec.execute} before it leases a connection,
 * so the URL is judged there, and the socket the client opens to that host is only checked by
 * address. Woven by name with the boot weaver's ENTER_EXIT shape in the app's class loader.
 */
package dev.primus.instrumentation.apachehttp4;
