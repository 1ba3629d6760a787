package dev.primus.agent.boot;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.instrumentation.Hook;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves the hooks of every guard whose mode is not {@code off}, with the settings mature
 * agents converge on: retransformation without class-format changes (so already-loaded JDK
 * classes can be woven), decorating types rather than rebasing them, descriptions from a
 * bounded shared type pool, the ignore matcher first, and class-loader pre-checks before any
 * type matcher.
 */
final class HookInstaller {
    private HookInstaller() {
    }

    /** Installs the hooks; call only with at least one, so an agent with none never loads ByteBuddy. */
    static void install(Instrumentation instrumentation, List<Hook> active) {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new BoundedTypePoolCache())
                .with(new FailureListener())
                .ignore(new IgnoredTypes());
        for (Hook hook : active) {
            builder = builder.type(hook.types(), hook.classLoaders()).transform(hook.transformer());
        }
        builder.installOn(instrumentation);
    }

    /** Sends weaving errors to the one failure counter; a type that cannot be woven runs unwoven. */
    static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            AgentFailures.record("weaving " + typeName, throwable);
        }
    }
}
