/**
 * The JDK HttpClient ({@code java.net.http}, JDK 11 and later; never loaded on 8): judged per
 * request and per redirect hop in {@code ExchangeImpl.get}, pooled connections included, and
 * marked as judged around its connect so the socket below is only checked against deny rules.
 * Its classes are internal to the module, so the woven code reads the request URI itself
 * ({@link dev.primus.instrumentation.weaving.Patch#argumentVia}).
 */
package dev.primus.instrumentation.jdk.httpclient;
