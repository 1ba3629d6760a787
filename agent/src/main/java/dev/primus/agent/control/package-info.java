/**
 * The operator's controls over a running agent: the config file, watched once a second and
 * reloaded when its bytes change ({@code ConfigWatcher}, and {@code reload PID} through the
 * status MBean), and the kill file. Guards read what these decide; only the agent's own threads
 * change it, and only from files the operator holds.
 */
package dev.primus.agent.control;
