/**
 * The operator's controls over a running agent: the kill switch file. Guards read them; only the
 * agent's own threads change them.
 */
package dev.primus.agent.control;
