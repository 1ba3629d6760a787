package dev.primus.agent.boot;

import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import java.security.ProtectionDomain;

/**
 * Types the agent never weaves, checked before any hook's matcher, by name only, so the common
 * case costs a few string compares and never reads a class file:
 * <ul>
 *   <li>every JDK class outside the few packages hooks target (at start-up and on attach the
 *       agent walks every loaded class, and the JDK's are most of them);</li>
 *   <li>our own code (and what we shaded), ByteBuddy, generated proxies, lambdas and accessors.</li>
 * </ul>
 */
final class IgnoredTypes implements AgentBuilder.RawMatcher {
    /** The JDK packages some hook weaves; grows with the hooks. */
    private static final String[] WOVEN_JDK_PACKAGES = {"java.net.", "sun.nio.ch.", "sun.net.www.protocol.http."};

    private static final ElementMatcher.Junction<TypeDescription> NEVER = nameStartsWith("dev.primus.")
            .or(nameStartsWith("net.bytebuddy."))
            .or(nameStartsWith("com.intellij.rt."))
            .or(nameStartsWith("org.jetbrains.capture."))
            .or(nameStartsWith("com.sun.proxy."))
            .or(nameStartsWith("jdk.proxy"))
            .or(nameContains("$$Lambda"))
            .or(nameContains("$$EnhancerBy"))
            .or(nameContains("ByteBuddy"));

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
                           ProtectionDomain protectionDomain) {
        String name = type.getName();
        if (loader == null) {
            return !isWovenJdkPackage(name);
        }
        return NEVER.matches(type);
    }

    private static boolean isWovenJdkPackage(String name) {
        for (String prefix : WOVEN_JDK_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
