package dev.primus.agent.boot;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Types the agent never weaves, checked before any hook's matcher: our own code (and what we
 * shaded), ByteBuddy itself, JDK reflection plumbing, generated proxies and lambdas, and tool
 * packages. Prefix checks on the name only, so the common case costs a few string compares.
 */
final class IgnoredTypes {
    private IgnoredTypes() {
    }

    static ElementMatcher.Junction<TypeDescription> matcher() {
        return nameStartsWith("dev.primus.")
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("jdk.internal.reflect."))
                .or(nameStartsWith("sun.reflect."))
                .or(nameStartsWith("jdk.internal.loader."))
                .or(nameStartsWith("com.sun.tools."))
                .or(nameStartsWith("sun.tools."))
                .or(nameStartsWith("jdk.jfr."))
                .or(nameStartsWith("com.intellij.rt."))
                .or(nameStartsWith("org.jetbrains.capture."))
                .or(nameStartsWith("com.sun.proxy."))
                .or(nameStartsWith("jdk.proxy"))
                .or(nameContains("$$Lambda"))
                .or(nameContains("$$EnhancerBy"))
                .or(nameContains("$ByteBuddy$"))
                .or(isSynthetic());
    }
}
