/**
 * Auth at the request entry of servlet containers, before the app's first filter.
 *
 * <p>The hook is the container method that runs one dispatch's whole filter chain and servlet:
 * Tomcat 8.5 to 11 {@code ApplicationFilterChain.doFilter}; Jetty 12 (EE 10, 11)
 * {@code ServletHandler$MappedServlet.handle}; Jetty 9.4 to 11 and Jetty 12's EE 8 and 9
 * environments {@code ServletHandler.doHandle}; Undertow 2 {@code FilterHandler.handleRequest}
 * and {@code ServletHandler.handleRequest} (whichever starts the chain: the first takes the
 * exchange, and the agent finds request and response on it). Each exists in a {@code javax.servlet} and a
 * {@code jakarta.servlet} spelling, matched by exact descriptor, so a container of either API
 * gets the one that fits and a version without the method is simply not woven. The agent
 * reads both APIs through one reflective adapter: their method names are the same.
 *
 * <p>Through {@link dev.primus.bootstrap.AuthGate}, the agent either answers the request (the
 * woven method returns at once, so no filter, servlet or Spring code runs) or hands back the
 * request the chain runs with, the original, or one replaying a body the agent read to verify a
 * webhook signature. Filters re-enter the chain method for each filter, and forwards, includes,
 * async and error dispatches run it again: the agent judges only the outermost call of a thread,
 * and only a {@code REQUEST} dispatch.
 *
 * <p>Tested in forked JVMs: Tomcat 9 (javax), Tomcat 11 (jakarta), Jetty 9.4 (javax), Jetty 12
 * EE 10, Undertow 2.3, Spring Boot 2.7 and 3. Jetty 10 and 11 and Jetty 12's EE 8 and 9 are
 * woven by the same descriptors but not tested here.
 */
package dev.primus.instrumentation.servlet;
