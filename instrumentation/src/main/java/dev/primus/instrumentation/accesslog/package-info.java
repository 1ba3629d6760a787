/**
 * The access logs of Tomcat, Jetty, Undertow and logback-access, which write a line per request
 * themselves, not through a logging framework's events: its request line (a token or password in
 * the query string) and any header its pattern prints ({@code Authorization}) are masked as the
 * line is made or handed to the writer.
 */
package dev.primus.instrumentation.accesslog;
