package dev.primus.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The class path a forked app gets by default: the test's own, less what only the build's patch
 * check reads (the agent's instrumentation and bootstrap modules, and the ASM they bring). An app
 * must meet those only through the agent: a copy of the bridge on its class path would change
 * what the hostile-app and attach tests see.
 */
public final class AppClassPath {
    /** One class of each entry to leave out, found as a resource so that nothing is loaded. */
    private static final List<String> CHECKER_ONLY = List.of(
            "dev/primus/instrumentation/weaving/Patch.class",
            "dev/primus/bootstrap/EgressGate.class",
            "org/objectweb/asm/ClassReader.class");

    private AppClassPath() {
    }

    public static String ofTests() {
        Set<Path> left = CHECKER_ONLY.stream().map(AppClassPath::entryHolding).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !left.contains(Path.of(entry).toAbsolutePath().normalize()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The jar or folder of the class path the resource comes from, or null. */
    private static Path entryHolding(String resource) {
        URL url = ClassLoader.getSystemResource(resource);
        if (url == null) {
            return null;
        }
        String location = url.toString();
        location = location.startsWith("jar:") ? location.substring(4, location.indexOf("!/"))
                : location.substring(0, location.length() - resource.length());
        return Path.of(URI.create(location)).toAbsolutePath().normalize();
    }
}
