/**
 * Start-up: from {@code premain} to a running agent.
 *
 * <p>{@link dev.primus.agent.boot.AgentInstaller} reads the agent argument, finds and loads the
 * config, starts the audit pipeline, weaves the hooks of every guard that is not {@code off},
 * and prints one {@code [primus]} line. Any failure leaves the app running without the agent,
 * except an invalid config with {@code on_config_error: fail_closed}, which stops the JVM at
 * launch (never on a late attach: that would kill a service that was running fine).
 *
 * <p>What premain must not touch, and why: JUL and JMX (they can deadlock or fix the app's
 * logging choice before the app makes it), {@code java.nio.file} (it fixes the default file
 * system provider), DNS (it can block for seconds). Everything here uses plain {@code java.io}.
 */
package dev.primus.agent.boot;
