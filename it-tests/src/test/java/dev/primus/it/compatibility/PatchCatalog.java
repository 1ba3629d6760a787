package dev.primus.it.compatibility;

import dev.primus.instrumentation.weaving.Patch;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every patch the agent can weave, read where the instrumentation module lists them: each public
 * static list of each {@code *Patches} class ({@code OkHttpPatches.all()}, {@code JdkNetPatches.dns()}),
 * so that a list added there is checked without being named here. Each patch belongs to the hooks
 * its class is named for ({@code OkHttp}).
 */
final class PatchCatalog {
    /** The packages whose classes the JDK holds: their patches are checked against each JDK, not the library sets. */
    private static final List<String> JDK_PACKAGES = List.of("java/", "jdk/", "sun/", "com/sun/");

    /**
     * Where a jar we know of shades a library whose patches are also woven shaded
     * ({@link Patch#alsoWhereShaded}): gRPC's grpc-netty-shaded, Netty under this prefix.
     */
    private static final List<String> SHADING_PREFIXES = List.of("io/grpc/netty/shaded/");

    private final Map<Patch, String> hooks;
    /** The patches moved under each of {@link #SHADING_PREFIXES}, for the library patches woven shaded too. */
    private final List<Patch> shadedCopies = new ArrayList<>();

    private PatchCatalog(Map<Patch, String> hooks) {
        this.hooks = hooks;
        for (Patch patch : List.copyOf(hooks.keySet())) {
            if (patch.shadedRoot() != null) {
                for (String prefix : SHADING_PREFIXES) {
                    Patch copy = patch.relocated(prefix);
                    shadedCopies.add(copy);
                    hooks.put(copy, hooks.get(patch));
                }
            }
        }
    }

    static PatchCatalog load() throws Exception {
        Map<Patch, String> hooks = new LinkedHashMap<>();
        for (String className : patchListClasses()) {
            Class<?> lists = Class.forName(className);
            String name = lists.getSimpleName().replaceFirst("Patches$", "");
            Method[] methods = lists.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                        && List.class.isAssignableFrom(method.getReturnType())) {
                    for (Object patch : (List<?>) method.invoke(null)) {
                        hooks.put((Patch) patch, name);
                    }
                }
            }
        }
        return new PatchCatalog(hooks);
    }

    /** The {@code *Patches} classes of the instrumentation module, a jar or (in a reactor build) a folder. */
    private static List<String> patchListClasses() throws Exception {
        Path module = Path.of(Patch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries;
        if (Files.isDirectory(module)) {
            try (Stream<Path> files = Files.walk(module)) {
                entries = files.map(file -> module.relativize(file).toString().replace('\\', '/')).toList();
            }
        } else {
            try (JarFile jar = new JarFile(module.toFile())) {
                entries = jar.stream().map(entry -> entry.getName()).toList();
            }
        }
        List<String> classes = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith("dev/primus/instrumentation/") && entry.endsWith("Patches.class") && !entry.contains("$")) {
                classes.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        }
        classes.sort(null);
        return classes;
    }

    /** The hooks a patch belongs to: its list's class name without {@code Patches}. */
    String hooksOf(Patch patch) {
        return hooks.get(patch);
    }

    /** Patches of library classes, woven in whichever loader loads them. */
    List<Patch> library() {
        return hooks.keySet().stream().filter(patch -> !isJdk(patch) && !shadedCopies.contains(patch)).toList();
    }

    /**
     * The library patches and their copies for the shaded libraries we know of: what a set is
     * checked against. A copy need not fit a set, since a shading jar may leave the class out.
     */
    List<Patch> libraryAndShadedCopies() {
        return hooks.keySet().stream().filter(patch -> !isJdk(patch)).toList();
    }

    /** Patches of the JDK's own classes, which differ by JDK version. */
    List<Patch> jdk() {
        return hooks.keySet().stream().filter(PatchCatalog::isJdk).toList();
    }

    /** The hooks of the JDK's patches, for the table: {@code HttpClient, JdkNet, ...}. */
    List<String> jdkHooks() {
        return jdk().stream().map(hooks::get).distinct().toList();
    }

    private static boolean isJdk(Patch patch) {
        return JDK_PACKAGES.stream().anyMatch(patch.className()::startsWith);
    }
}
