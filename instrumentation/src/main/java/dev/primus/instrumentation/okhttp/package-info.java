/**
 * Egress for OkHttp 3.x, 4.x and 5.x: every request and every redirect hop passes
 * {@code okhttp3.internal.connection.ConnectInterceptor.intercept} before it gets a connection,
 * pooled or new, so the URL is judged there (url rules and {@code require_tls} apply per hop,
 * even on a reused connection), and the socket OkHttp then opens to that host is only checked
 * by address. OkHttp 5 opens sockets on its own task threads (fast fallback): its
 * {@code ConnectPlan.connectTcp} judges the plan's request again there, and marks it as judged. Woven by name with
 * the boot weaver's ENTER_EXIT shape in the app's class loader.
 */
package dev.primus.instrumentation.okhttp;
