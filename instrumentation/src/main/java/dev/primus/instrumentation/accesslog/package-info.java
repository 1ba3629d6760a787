/**
 * The access logs of Tomcat, Jetty and Undertow, which write a line per request themselves, not
 * through a logging framework: its request line (a token or password in the query string) and any
 * header its pattern prints ({@code Authorization}) are masked as the line is handed to the writer.
 */
package dev.primus.instrumentation.accesslog;
