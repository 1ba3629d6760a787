package dev.primus.agent.boot;

import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import java.security.ProtectionDomain;

/**
 * Types the ByteBuddy hooks never weave, checked before any hook's matcher, by class loader and
 * name only, so the common case costs a few string compares and never reads a class file:
 * <ul>
 *   <li>every class of the boot loader: the JDK's own classes are woven by
 *       {@code BootClassWeaver}, and on attach they are most of the loaded classes;</li>
 *   <li>our own code (and what we shaded), ByteBuddy, generated proxies, lambdas and accessors.</li>
 * </ul>
 */
final class IgnoredTypes implements AgentBuilder.RawMatcher {
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
        return loader == null || NEVER.matches(type);
    }
}
