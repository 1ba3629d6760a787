/**
 * What the running agent says about itself to {@code status PID}: the {@code HookLedger} of what
 * each hook did, served read-only as the MBean {@code dev.primus:type=Agent} once the JVM has a
 * platform MBean server. Nothing here can change a guard.
 */
package dev.primus.agent.status;
