/**
 * {@code java -jar primus-agent.jar <verb>}: the operator's tools, in the same jar as the agent.
 *
 * <p>Exit status: 0 done; 1 the check found problems (an invalid config, a broken hash chain);
 * 2 the command line is wrong; 3 the command could not be carried out (attach refused, file
 * unreadable).
 */
package dev.primus.agent.cli;
