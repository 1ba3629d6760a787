package dev.primus.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One instrumentation: the types it weaves and how. The agent asks {@link #classLoaders()}
 * first, so a hook for a library the app does not use costs one cheap check per class loader,
 * never a hierarchy walk per class.
 */
public interface Hook {
    /** A short name for logs and failure reports, e.g. {@code jdk.net.socket}. */
    String name();

    Guard guard();

    /** Class loaders that can see the target library, e.g. {@code hasClassesNamed("okhttp3.OkHttpClient")}. */
    ElementMatcher<ClassLoader> classLoaders();

    /** The types to weave; name-based matchers before hierarchy matchers. */
    ElementMatcher<TypeDescription> types();

    /** What to weave into each matched type, usually {@code SafeAdvice.to(...)} on a method matcher. */
    AgentBuilder.Transformer transformer();
}
