package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Checks the built agent jar itself: bytecode level, relocation, isolation layout, manifest, size. */
class AgentJarTest {
    private static final int JAVA_8_MAJOR = 52;
    private static final String HIDDEN = "inst/";

    private static List<JarEntry> classEntries(JarFile jar) {
        List<JarEntry> classes = new ArrayList<>();
        jar.stream().filter(e -> e.getName().endsWith(".class") || e.getName().endsWith(".classdata"))
                .forEach(classes::add);
        return classes;
    }

    private static String className(JarEntry entry) {
        String name = entry.getName();
        if (name.startsWith(HIDDEN)) {
            name = name.substring(HIDDEN.length());
        }
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void everyClassIsJava8Bytecode() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> tooNew = new ArrayList<>();
            List<JarEntry> classes = classEntries(jar);
            for (JarEntry entry : classes) {
                try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
                    assertEquals(0xCAFEBABE, data.readInt(), entry.getName() + " is not a class file");
                    data.readUnsignedShort();
                    int major = data.readUnsignedShort();
                    if (major > JAVA_8_MAJOR) {
                        tooNew.add(entry.getName() + " (major " + major + ")");
                    }
                }
            }
            assertTrue(classes.size() > 1000, "expected the whole agent in the jar, found " + classes.size() + " classes");
            assertEquals(List.of(), tooNew, "classes above Java 8 bytecode");
        }
    }

    @Test
    void allThirdPartyCodeIsRelocatedUnderDevPrimusShaded() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> unrelocated = new ArrayList<>();
            boolean sawShaded = false;
            for (JarEntry entry : classEntries(jar)) {
                String name = className(entry);
                if (!name.startsWith("dev/primus/")) {
                    unrelocated.add(name);
                }
                sawShaded |= name.startsWith("dev/primus/shaded/net/bytebuddy/");
            }
            assertEquals(List.of(), unrelocated, "third-party classes outside dev.primus.shaded");
            assertTrue(sawShaded, "ByteBuddy should be in the jar, relocated");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("META-INF/versions/")),
                    "no multi-release classes: every class must be Java 8");
        }
    }

    @Test
    void onlyTheBridgeAndTheEntryClassesAreVisibleToTheHost() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> visible = new ArrayList<>();
            for (JarEntry entry : classEntries(jar)) {
                String name = entry.getName();
                if (name.endsWith(".class")
                        && !name.startsWith("dev/primus/bootstrap/") && !name.startsWith("dev/primus/agent/entry/")) {
                    visible.add(name);
                }
            }
            assertEquals(List.of(), visible, "classes a host class loader could load");
            assertTrue(jar.getJarEntry("inst/primus-agent.schema.json") != null, "the schema is bundled");
            assertTrue(jar.getJarEntry("inst/primus-default.yaml") != null, "the embedded default config is bundled");
        }
    }

    @Test
    void manifestNamesEveryEntryPoint() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.primus.agent.entry.AgentEntry", main.getValue("Premain-Class"));
            assertEquals("dev.primus.agent.entry.AgentEntry", main.getValue("Agent-Class"));
            assertEquals("dev.primus.agent.entry.CommandLineEntry", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }

    /** The jar budget: 3.5 MB, of which the audit and metrics work may later take up to 1 MB more (4.5 MB in all). */
    @Test
    void jarIsWithinItsBudgetOf3Point5Megabytes() throws IOException {
        long size = Files.size(ForkedApp.AGENT_JAR);
        assertTrue(size <= 3_500_000L, "agent jar is " + size + " bytes");
    }
}
