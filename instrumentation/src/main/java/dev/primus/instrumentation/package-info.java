/**
 * Hooks: where the agent weaves itself into the JDK and into libraries, one package per
 * target ({@code jdk.net}, {@code okhttp}, {@code logback}, {@code servlet.jakarta}, ...).
 *
 * <p>A hook is a {@link dev.primus.instrumentation.Hook}: which types it matches, a cheap
 * class-loader pre-check, and advice built with {@link dev.primus.instrumentation.SafeAdvice}.
 * Advice reads arguments, calls one {@code dev.primus.bootstrap} method and acts on the
 * answer; it holds no policy. Target libraries are {@code provided} dependencies: the agent
 * never brings its own copy of what it instruments.
 */
package dev.primus.instrumentation;
