package dev.primus.agent.entry;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own classes and resources from {@code inst/} in the agent jar.
 *
 * <p>The classes start-up needs (the agent's own, SnakeYAML, ASM, JCTools, RE2J) come packed in
 * one entry, {@value #PACK}, read once: read one by one, each class cost a jar lookup and an
 * inflater stream, run interpreted this early, about 0.3 ms a class and a third of premain
 * for the 300 it loads. The rest (the NATS client, nimbus, the CLI) stay one entry a class,
 * loaded only when used. The pack also compresses better than its classes apart.
 *
 * <p>Its parent is the platform class loader (the bootstrap loader on Java 8), so it sees the
 * JDK and the bootstrap bridge but never the app's classes: the app's copy of a library we
 * also use can never be the one we run with.
 */
final class IsolatedClassLoader extends ClassLoader {
    private static final String HIDDEN = "inst/";
    private static final String BRIDGE = "dev.primus.bootstrap.";
    /** Written by the build's {@code ClassPacker}: the format is in its class comment. */
    static final String PACK = HIDDEN + "classes.pack";
    private static final int PACK_MAGIC = 0x50524D31;
    private static final boolean JAVA_8 = platformLoader() == null;

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain domain;
    /** The packed classes' bytes, one after another; empty in a jar without a pack. */
    private final byte[] packed;
    /** Binary class name to {offset, length} in {@link #packed}. */
    private final Map<String, int[]> packIndex;

    IsolatedClassLoader(JarFile jar, URL jarUrl, ClassLoader parent) throws IOException {
        super(parent);
        this.jar = jar;
        this.jarUrl = jarUrl;
        this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        this.packIndex = new HashMap<String, int[]>();
        JarEntry pack = jar.getJarEntry(PACK);
        this.packed = pack == null ? new byte[0] : readPack(pack, packIndex);
    }

    /** The pack's class bytes; fills {@code index}. A damaged pack fails the start, as a damaged jar does. */
    private byte[] readPack(JarEntry pack, Map<String, int[]> index) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(pack))) {
            if (in.readInt() != PACK_MAGIC) {
                throw new IOException(PACK + " is not a class pack");
            }
            int count = in.readInt();
            int offset = 0;
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                index.put(name, new int[] {offset, length});
                offset += length;
            }
            byte[] bytes = new byte[offset];
            in.readFully(bytes);
            return bytes;
        }
    }

    /**
     * Every package of the hidden classes: on Java 9+ they make up the sealed engine module,
     * declared before the first of them is loaded.
     */
    Set<String> packages() {
        Set<String> packages = new HashSet<String>();
        JarEntry list = jar.getJarEntry(HIDDEN + "packages.list");
        if (list != null) {
            // Written by the build: every folder under inst/, one per line, with slashes.
            try {
                for (String line : new String(read(list), "UTF-8").split("\n")) {
                    String folder = line.trim();
                    // Folders of resources only may have names no package can (win32-x86).
                    if (isPackageName(folder)) {
                        packages.add(folder.replace('/', '.'));
                    }
                }
                return packages;
            } catch (IOException unreadable) {
                packages.clear(); // Walk the jar instead.
            }
        }
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String entry = entries.nextElement().getName();
            int lastSlash = entry.lastIndexOf('/');
            if (entry.startsWith(HIDDEN) && entry.endsWith(".classdata") && lastSlash > HIDDEN.length()) {
                packages.add(entry.substring(HIDDEN.length(), lastSlash).replace('/', '.'));
            }
        }
        return packages;
    }

    private static boolean isPackageName(String folder) {
        if (folder.isEmpty()) {
            return false;
        }
        for (String segment : folder.split("/")) {
            if (segment.isEmpty() || !Character.isJavaIdentifierStart(segment.charAt(0))) {
                return false;
            }
            for (int i = 1; i < segment.length(); i++) {
                if (!Character.isJavaIdentifierPart(segment.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The platform class loader on Java 9+, null (the bootstrap loader) on Java 8: the last of the
     * system class loader's parents before the bootstrap loader (an app's own system class loader,
     * {@code -Djava.system.class.loader}, stands below the JDK's). Not
     * {@code ClassLoader.getPlatformClassLoader()} by reflection, as Java 8's bytecode must call it:
     * invoked so, that caller-sensitive method cost 22 ms of a JVM's start on one CPU (its
     * annotations parsed and a proxy class spun for one), against 0.03 ms.
     */
    static ClassLoader platformLoader() {
        if (System.getProperty("java.specification.version", "").startsWith("1.")) {
            return null;
        }
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        while (loader != null && loader.getParent() != null) {
            loader = loader.getParent();
        }
        return loader;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int[] at = packIndex.get(name);
        if (at != null) {
            if (JAVA_8) {
                definePackageOf(name);
            }
            return defineClass(name, packed, at[0], at[1], domain);
        }
        String path = name.replace('.', '/');
        JarEntry entry = jar.getJarEntry(HIDDEN + path + ".classdata");
        if (entry == null && name.startsWith(BRIDGE)) {
            // Only the CLI gets here: under -javaagent the bridge is already on the bootstrap class path.
            entry = jar.getJarEntry(path + ".class");
        }
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try {
            bytes = read(entry);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        if (JAVA_8) {
            // Later JDKs define the package with its first class, in the module it belongs to.
            definePackageOf(name);
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @SuppressWarnings("deprecation")
    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String packageName = className.substring(0, dot);
            if (getPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // Another thread defined it first.
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        // A class's bytes are asked for as NAME.class; a packed class has no entry of its own, and
        // nothing of the agent reads its own classes as resources.
        String entry = HIDDEN + (name.endsWith(".class") ? name + "data" : name);
        if (jar.getJarEntry(entry) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entry);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /**
     * Java 9+: the sealed module's service provider is loaded by module name. Not an override on
     * Java 8, which never calls it.
     */
    protected Class<?> findClass(String moduleName, String name) {
        try {
            return findClass(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Java 9+: a class of the sealed module asks for its own resources by module name
     * ({@code Class.getResourceAsStream}); they are the same hidden entries. Not an override on
     * Java 8, which never calls it.
     */
    protected URL findResource(String moduleName, String name) {
        return findResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    private byte[] read(JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(entry.getSize(), 1024));
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        }
    }
}
