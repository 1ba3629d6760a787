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
    private static final String PACK = "inst/classes.pack";

    /** A class file in the jar: its path as a class name with slashes, where it is, and its bytes. */
    private record JarClass(String name, String where, byte[] bytes) {
    }

    /** Every class the jar holds: its own entries, and those in the start-up pack. */
    private static List<JarClass> classes(JarFile jar) throws IOException {
        List<JarClass> classes = new ArrayList<>();
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (name.endsWith(".class") || name.endsWith(".classdata")) {
                String path = name.startsWith(HIDDEN) ? name.substring(HIDDEN.length()) : name;
                try (InputStream in = jar.getInputStream(entry)) {
                    classes.add(new JarClass(path.substring(0, path.lastIndexOf('.')), name, in.readAllBytes()));
                }
            }
        }
        classes.addAll(packed(jar));
        return classes;
    }

    /** The classes in inst/classes.pack, read by the format ClassPacker documents. */
    private static List<JarClass> packed(JarFile jar) throws IOException {
        JarEntry pack = jar.getJarEntry(PACK);
        assertTrue(pack != null, "the jar has no " + PACK);
        try (DataInputStream in = new DataInputStream(jar.getInputStream(pack))) {
            assertEquals(0x50524D31, in.readInt(), PACK + " magic");
            int count = in.readInt();
            List<String> names = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
                lengths.add(in.readInt());
            }
            List<JarClass> classes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[lengths.get(i)];
                in.readFully(bytes);
                classes.add(new JarClass(names.get(i).replace('.', '/'), PACK + " " + names.get(i), bytes));
            }
            assertEquals(-1, in.read(), PACK + " has bytes after its last class");
            return classes;
        }
    }

    @Test
    void everyClassIsJava8Bytecode() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> tooNew = new ArrayList<>();
            List<JarClass> classes = classes(jar);
            for (JarClass type : classes) {
                DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(type.bytes()));
                assertEquals(0xCAFEBABE, data.readInt(), type.where() + " is not a class file");
                data.readUnsignedShort();
                int major = data.readUnsignedShort();
                if (major > JAVA_8_MAJOR) {
                    tooNew.add(type.where() + " (major " + major + ")");
                }
            }
            assertTrue(classes.size() > 1000, "expected the whole agent in the jar, found " + classes.size() + " classes");
            assertEquals(List.of(), tooNew, "classes above Java 8 bytecode");
        }
    }

    @Test
    void theClassesStartUpLoadsArePackedOnceAndTheRestStayApart() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> packed = packed(jar).stream().map(JarClass::name).toList();
            assertTrue(packed.contains("dev/primus/agent/boot/AgentInstaller"), "the installer is packed");
            assertTrue(packed.contains("dev/primus/shaded/org/yaml/snakeyaml/parser/ParserImpl"), "SnakeYAML is packed");
            assertTrue(packed.stream().noneMatch(name -> name.startsWith("dev/primus/shaded/io/nats/")),
                    "the NATS client is loaded only with a NATS sink, and stays out of the pack");
            List<String> twice = packed.stream().filter(name -> jar.getJarEntry(HIDDEN + name + ".classdata") != null).toList();
            assertEquals(List.of(), twice, "classes both packed and apart");
            assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("inst/dev/primus/agent/cli/")),
                    "the CLI's classes stay apart");
        }
    }

    @Test
    void allThirdPartyCodeIsRelocatedUnderDevPrimusShaded() throws IOException {
        try (JarFile jar = new JarFile(ForkedApp.AGENT_JAR.toFile())) {
            List<String> unrelocated = new ArrayList<>();
            boolean sawShaded = false;
            for (JarClass type : classes(jar)) {
                String name = type.name();
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
            for (JarEntry entry : jar.stream().toList()) {
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
