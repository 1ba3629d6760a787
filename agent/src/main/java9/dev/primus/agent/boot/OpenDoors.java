package dev.primus.agent.boot;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What this JVM leaves open that no Java-level seal can close, each with the flag that closes it:
 * said at start-up, so an operator knows what the agent's guarantees rest on. Java 9+ only
 * (compiled against the running JDK's module API, as Java 8 bytecode); on Java 8 the installer
 * says that nothing can be sealed.
 *
 * <p>What it reads: system properties, the modules' own answers, and the JVM's command line
 * ({@code /proc/self/cmdline} where there is one, and the option variables the launcher reads),
 * since the JVM publishes no property for {@code -XX:-EnableDynamicAgentLoading} or
 * {@code --illegal-native-access}. A flag passed some other way (an {@code @argfile}) is not
 * seen, and the warning then says more than is true, never less.
 */
final class OpenDoors {
    /** Packages whose opening to the app lets its code reach past the seal or the hooks. */
    private static final String[][] SENSITIVE = {
        {"java.base", "java.lang"}, {"java.base", "java.lang.invoke"}, {"java.base", "java.lang.reflect"},
        {"java.base", "jdk.internal.misc"}, {"java.base", "jdk.internal.access"}, {"java.base", "jdk.internal.loader"},
        {"java.base", "java.net"}, {"java.base", "sun.nio.ch"}, {"java.base", "sun.net.www.protocol.http"},
        {"java.base", "sun.net.www.http"}, {"java.net.http", "jdk.internal.net.http"}, {"java.instrument", "sun.instrument"},
    };

    private OpenDoors() {
    }

    /** One line per door left open: what it lets code in the app do, and the flag that closes it. */
    static List<String> report() {
        List<String> doors = new ArrayList<>();
        String commandLine = commandLine();
        int feature = Runtime.version().feature();
        Module app = ClassLoader.getSystemClassLoader().getUnnamedModule();
        if (feature < 23) {
            doors.add("sun.misc.Unsafe can read and write any memory, the agent's state included; no flag closes it "
                    + "before JDK 23 (--sun-misc-unsafe-memory-access=deny)");
        } else if (!"deny".equals(System.getProperty("sun.misc.unsafe.memory.access"))) {
            doors.add("sun.misc.Unsafe can read and write any memory, the agent's state included; close it with "
                    + "--sun-misc-unsafe-memory-access=deny");
        }
        if (!commandLine.contains("-XX:-EnableDynamicAgentLoading")) {
            doors.add("another agent can be loaded into this JVM by attach (from a child process"
                    + ("true".equals(System.getProperty("jdk.attach.allowAttachSelf")) ? ", or by the JVM itself: "
                    + "-Djdk.attach.allowAttachSelf=true is set" : "") + "); close it with -XX:-EnableDynamicAgentLoading");
        }
        for (String[] sensitive : SENSITIVE) {
            Optional<Module> module = ModuleLayer.boot().findModule(sensitive[0]);
            if (module.isPresent() && module.get().isOpen(sensitive[1], app)) {
                doors.add("--add-opens " + sensitive[0] + "/" + sensitive[1] + " lets code in the app reach the JDK's "
                        + "internals past the agent's seal and hooks; remove the flag if the app runs without it");
            } else if (module.isPresent() && sensitive[1].startsWith("jdk.internal.") && module.get().isExported(sensitive[1], app)) {
                doors.add("--add-exports " + sensitive[0] + "/" + sensitive[1] + " lets code in the app call the JDK's "
                        + "internals; remove the flag if the app runs without it");
            }
        }
        if (!commandLine.contains("--illegal-native-access=deny")) {
            doors.add("native code (JNI" + (feature >= 22 ? ", and the FFM API" : "") + ") can open connections and "
                    + "start processes no Java hook sees" + (feature >= 24 ? "; deny it to code not granted it with "
                    + "--illegal-native-access=deny" : "") + ", and close the rest at the OS (a network namespace, an "
                    + "egress firewall)");
        }
        return doors;
    }

    /** The JVM's own arguments as far as they can be read, joined by spaces; "" where none can. */
    private static String commandLine() {
        StringBuilder line = new StringBuilder();
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            String value = System.getenv(variable);
            if (value != null) {
                line.append(value).append(' ');
            }
        }
        try (InputStream in = new FileInputStream("/proc/self/cmdline")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
            line.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException notLinux) {
            // Only the variables, then.
        }
        return line.toString();
    }
}
