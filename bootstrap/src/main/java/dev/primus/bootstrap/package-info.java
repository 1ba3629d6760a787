/**
 * The bridge between woven code and the agent's engines.
 *
 * <p>These classes are appended to the bootstrap class path at start-up, so advice woven into
 * {@code java.net.Socket} or into a servlet container's classes can call them whatever class
 * loader the woven class lives in. They depend on the JDK alone, hold no policy, and stay few
 * and small: every class here is visible to every class loader of the host, and can never be
 * unloaded or replaced.
 */
package dev.primus.bootstrap;
