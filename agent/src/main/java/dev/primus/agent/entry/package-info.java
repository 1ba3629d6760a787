/**
 * The only agent classes the host's class loaders can see: {@code premain}/{@code agentmain},
 * the CLI's {@code main}, and the class loader that loads everything else.
 *
 * <p>The agent jar keeps every other class under {@code inst/} as {@code .classdata}, so no
 * class loader of the host can load them and no class-path scanner finds them; {@link
 * dev.primus.agent.entry.IsolatedClassLoader} reads them. The same design as the OpenTelemetry
 * and Elastic agents. Classes here use the JDK alone and never touch the bootstrap bridge
 * before the jar is on the bootstrap class path, so that the bridge has exactly one copy.
 */
package dev.primus.agent.entry;
