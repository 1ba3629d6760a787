package dev.primus.agent.entry;

import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seals the agent's engines on Java 9 and later: every package the isolated class loader holds
 * becomes part of one named module, {@value #NAME}, in a module layer of its own, that exports
 * and opens nothing. Code in the app then cannot reach an engine's fields or non-public methods
 * by reflection, {@code setAccessible}, or {@code MethodHandles.privateLookupIn}, even when it
 * holds an engine object: only the bridge interfaces the engines implement can be called on
 * them, and those only ever cause a check.
 *
 * <p>Compiled on its own against the running JDK's API with {@code -source 8 -target 8} (Java 8
 * bytecode, which the jar must hold only), and loaded only on Java 9 and later: the rest of the
 * agent is compiled with {@code --release 8} and cannot name {@code java.lang.module}.
 */
final class EngineModule {
    static final String NAME = "dev.primus.agent";
    /** The one way into the module from outside it: a provider of a java.base interface. */
    private static final String STARTER = "dev.primus.agent.boot.AgentStart";

    private EngineModule() {
    }

    /**
     * Seals {@code loader}'s classes in the module and returns the installer inside it. Called
     * reflectively by {@link AgentEntry}, which cannot name this class's types, with JDK types
     * only: the entry classes can be loaded twice, by the system and (once the jar is appended)
     * the bootstrap class loader.
     */
    static Consumer<Object[]> seal(ClassLoader loader, Set<String> packages, Instrumentation instrumentation)
            throws ClassNotFoundException {
        Module bridge = Class.forName("dev.primus.bootstrap.EgressGate", false, null).getModule();
        return starter(define(loader, packages, bridge, instrumentation));
    }

    /**
     * Defines the module for {@code loader}'s packages, before the loader has defined any class,
     * and lets it read every module it may link to: the JDK's, and the unnamed modules of the
     * bootstrap loader (the bridge) and of the loader itself.
     */
    static Module define(ClassLoader loader, Set<String> packages, Module bridge, Instrumentation instrumentation) {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(NAME)
                .packages(packages)
                .provides(Consumer.class.getName(), Collections.singletonList(STARTER))
                .build();
        ModuleReference reference = new ModuleReference(descriptor, null) {
            @Override
            public ModuleReader open() {
                // The loader reads its own jar; nothing asks the layer for the module's content.
                throw new UnsupportedOperationException("the " + NAME + " module is read by its class loader");
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return NAME.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Collections.singleton(reference);
            }
        };
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), Collections.singleton(NAME));
        // An anonymous class, not a lambda: the JVM's first lambda costs premain tens of milliseconds.
        Function<String, ClassLoader> loaderOf = new Function<String, ClassLoader>() {
            @Override
            public ClassLoader apply(String name) {
                return loader;
            }
        };
        Module module = ModuleLayer.defineModules(configuration, Collections.singletonList(boot), loaderOf)
                .layer().findModule(NAME).get();
        Set<Module> reads = new HashSet<>(boot.modules());
        reads.add(bridge);
        reads.add(loader.getUnnamedModule());
        instrumentation.redefineModule(module, reads, Map.of(), Map.of(), Set.of(), Map.of());
        return module;
    }

    /** The installer inside the module, reached as the service provider the module declares. */
    @SuppressWarnings("unchecked")
    static Consumer<Object[]> starter(Module module) {
        for (Consumer<Object[]> starter : ServiceLoader.load(module.getLayer(), Consumer.class)) {
            if (starter.getClass().getModule() == module) {
                return starter;
            }
        }
        throw new IllegalStateException("no starter in module " + NAME);
    }
}
