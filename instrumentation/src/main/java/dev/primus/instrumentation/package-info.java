/**
 * Hooks: where the agent weaves itself into the JDK and into libraries, one package per
 * target ({@code jdk.net}, {@code okhttp}, {@code logback}, {@code servlet.jakarta}, ...).
 *
 * <p>A hook is a {@link dev.primus.instrumentation.weaving.Patch}: one known method of one known
 * class, and the shape of the code woven into it, which reads arguments, calls one
 * {@code dev.primus.bootstrap} method and acts on the answer; it holds no policy. The agent
 * never brings its own copy of what it instruments.
 */
package dev.primus.instrumentation;
