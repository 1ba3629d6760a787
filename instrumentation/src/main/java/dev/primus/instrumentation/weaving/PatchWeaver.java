package dev.primus.instrumentation.weaving;

import dev.primus.bootstrap.AgentFailures;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves {@link Patch}es into classes as they are loaded or retransformed: JDK classes of the
 * boot loader, and the few library classes patched by name in any loader. For every other class
 * this transformer costs one hash lookup.
 */
public final class PatchWeaver implements ClassFileTransformer {
    /**
     * Told of a class that failed to weave as it was first loaded, which then runs unwoven, so
     * that it can be woven again once loaded, from a thread of the agent's own: code that loads a
     * hooked class with its stack nearly full overflows the weaver, and a transformer has no way
     * to fail a class's load instead.
     */
    public interface LaterWeaving {
        LaterWeaving NONE = new LaterWeaving() {
            @Override
            public void unwoven(ClassLoader loader, String className) {
            }

            @Override
            public void transformed(ClassLoader loader, String className) {
            }
        };

        /** The class failed to weave as it was first loaded: told in as few frames as can be. */
        void unwoven(ClassLoader loader, String className);

        /** A class of a patched name went through the weaver to the end, woven or not. */
        void transformed(ClassLoader loader, String className);
    }

    private final Map<String, List<Patch>> byClass = new HashMap<String, List<Patch>>();
    /**
     * The patched classes' binary names, as {@code Class.getName()} gives them without a copy: a
     * scan of every loaded class ({@code WeavingAgain}'s) allocates nothing for the others.
     */
    private final Set<String> binaryNames = new HashSet<String>();
    /** The package roots of the libraries patched also where another jar shades them ({@link Patch#alsoWhereShaded}). */
    private final List<String> shadedRoots = new ArrayList<String>();
    /** The same as binary names' packages: {@code .io.netty.}. */
    private final List<String> shadedBinaryRoots = new ArrayList<String>();
    /**
     * The patches of each shaded class seen, made once per class name, so that weaving it again
     * (retransformed, or by {@link LaterWeaving}) reports the same patches.
     */
    private final java.util.concurrent.ConcurrentMap<String, List<Patch>> shaded =
            new java.util.concurrent.ConcurrentHashMap<String, List<Patch>>();
    private final PatchCoverage coverage;
    private volatile LaterWeaving later = LaterWeaving.NONE;

    public PatchWeaver(List<Patch> patches) {
        this(patches, PatchCoverage.NONE);
    }

    public PatchWeaver(List<Patch> patches, PatchCoverage coverage) {
        this.coverage = coverage;
        for (Patch patch : patches) {
            List<Patch> forClass = byClass.get(patch.className());
            if (forClass == null) {
                forClass = new ArrayList<Patch>();
                byClass.put(patch.className(), forClass);
            }
            forClass.add(patch);
            binaryNames.add(patch.className().replace('/', '.'));
            if (patch.shadedRoot() != null && !shadedRoots.contains(patch.shadedRoot())) {
                shadedRoots.add(patch.shadedRoot());
                shadedBinaryRoots.add("." + patch.shadedRoot().replace('/', '.'));
            }
        }
    }

    /** The patches of the class of this internal name, its library's own or a shaded copy's; null for none. */
    private List<Patch> patchesOf(String className) {
        List<Patch> patches = byClass.get(className);
        return patches != null || shadedRoots.isEmpty() ? patches : shadedPatchesOf(className);
    }

    /**
     * For a class named like a patched one under a prefix ({@code io/grpc/netty/shaded/} before
     * {@code io/netty/...}), the patches of its library's own class that are also woven where it
     * is shaded, moved under that prefix; null for any other class. One {@code indexOf} per root
     * for a class no patch names.
     */
    private List<Patch> shadedPatchesOf(String className) {
        for (String root : shadedRoots) {
            int at = className.lastIndexOf(root); // the prefix may hold the root's words: io/grpc/netty/shaded/
            if (at <= 0 || className.charAt(at - 1) != '/') {
                continue;
            }
            List<Patch> known = shaded.get(className);
            if (known != null) {
                return known;
            }
            List<Patch> own = byClass.get(className.substring(at));
            if (own == null) {
                continue;
            }
            String prefix = className.substring(0, at);
            List<Patch> moved = new ArrayList<Patch>();
            for (Patch patch : own) {
                if (root.equals(patch.shadedRoot())) {
                    moved.add(patch.relocated(prefix));
                }
            }
            if (!moved.isEmpty()) {
                List<Patch> first = shaded.putIfAbsent(className, moved);
                return first != null ? first : moved;
            }
        }
        return null;
    }

    /**
     * Whether {@code patch} found nothing to weave in its class while no variant of it did (another
     * descriptor of the same method or field), and it is not one that older versions lack by design:
     * the hook is missing from this version of the class. {@code patches} are all of the class's,
     * {@code woven} those that found their method or field. Public for the build's check of every
     * patch against every supported library and JDK version, which judges as the weaver does.
     */
    public static boolean missed(Patch patch, List<Patch> patches, Set<Patch> woven) {
        return !woven.contains(patch) && !patch.optional() && !anyVariantWoven(patch, patches, woven);
    }

    /**
     * The patches that find their method (or field) in {@code classFile}, in a shape they can wrap:
     * what the weaver would weave there, argument getters aside (see {@link #missingGetter}).
     */
    public static Set<Patch> wovenInto(byte[] classFile, List<Patch> patches) {
        Set<Patch> woven = new HashSet<Patch>();
        weave(classFile, patches, woven);
        return woven;
    }

    /** Whether a patch of the same method (or field) of the class, another descriptor of it, was woven. */
    private static boolean anyVariantWoven(Patch patch, List<Patch> patches, Set<Patch> woven) {
        for (Patch other : patches) {
            if (woven.contains(other) && other.methodName().equals(patch.methodName())) {
                return true;
            }
        }
        return false;
    }

    /** Who weaves a class again that failed to weave as it was loaded. */
    public void weaveLater(LaterWeaving weaving) {
        this.later = weaving;
    }

    /** Whether a loaded class is one this weaver patches, so start-up can retransform it. */
    public boolean patches(Class<?> loaded) {
        if (!binaryNames.contains(loaded.getName()) && !mayBeShaded(loaded.getName())) {
            return false;
        }
        List<Patch> patches = patchesOf(loaded.getName().replace('.', '/'));
        return patches != null && (loaded.getClassLoader() == null || !patches.get(0).bootOnly());
    }

    /** Whether a binary name holds a shaded root after a package of its own; allocates nothing. */
    private boolean mayBeShaded(String binaryName) {
        for (String root : shadedBinaryRoots) {
            if (binaryName.lastIndexOf(root) > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null) {
            return null;
        }
        List<Patch> patches = patchesOf(className);
        if (patches == null || (loader != null && patches.get(0).bootOnly())) {
            return null;
        }
        try {
            List<Patch> applicable = withGettersPresent(loader, className, patches);
            Set<Patch> woven = new HashSet<Patch>();
            byte[] result = applicable.isEmpty() ? null : weave(classfileBuffer, applicable, woven);
            for (Patch patch : patches) {
                if (woven.contains(patch)) {
                    coverage.woven(patch, loader);
                } else if (!patch.bootOnly() && missed(patch, patches, woven)) {
                    // A library class loaded without its hooked method is a hook that went
                    // missing. Variants of one hook (javax and jakarta descriptors of Tomcat's
                    // doFilter) need one of them to fit; the JDK's classes differ by JDK version
                    // by design, and are checked against each JDK at build time instead.
                    coverage.missed(patch, loader, protectionDomain);
                }
            }
            later.transformed(loader, className);
            return result;
        } catch (Throwable failure) {
            // The class then runs unwoven: never a broken class in the host. Told first, in as few
            // frames as can be: where the stack overflowed, recording the failure may overflow too.
            if (classBeingRedefined == null) {
                later.unwoven(loader, className);
            }
            AgentFailures.record("weaving " + className, failure);
            return null;
        }
    }

    /**
     * The patches whose argument getters exist in the classes {@code loader} sees. Woven code
     * calling a getter a JDK or library version lacks would throw NoSuchMethodError from the
     * host's own method; such a patch is left out (and the failure counted), so that method keeps
     * its original behaviour and the connection is judged at the socket instead.
     */
    static List<Patch> withGettersPresent(ClassLoader loader, String className, List<Patch> patches) {
        List<Patch> present = new ArrayList<Patch>(patches.size());
        for (Patch patch : patches) {
            String missing = missingGetter(loader, patch);
            if (missing == null) {
                present.add(patch);
            } else {
                AgentFailures.record("weaving " + className + "." + patch.methodName(),
                        new NoSuchMethodException(missing + " not found; that hook is left out"));
            }
        }
        return present;
    }

    /**
     * The first getter of the patch its owner class does not declare, as {@code owner.name descriptor}
     * ({@code java/lang/Foo.bar()I}), or null; the owner's class file is read through {@code loader}
     * (null: the system class loader).
     */
    public static String missingGetter(ClassLoader loader, Patch patch) {
        for (String[] getter : patch.argumentGetters()) {
            if (!declares(loader, getter[0], getter[1], getter[2])) {
                return getter[0] + "." + getter[1] + getter[2];
            }
        }
        return null;
    }

    /** Reads the owner's class file (class files are never encapsulated, even in a named module). */
    private static boolean declares(ClassLoader loader, String owner, final String name, final String descriptor) {
        ClassLoader source = loader != null ? loader : ClassLoader.getSystemClassLoader();
        java.io.InputStream in = source.getResourceAsStream(owner + ".class");
        if (in == null) {
            return false;
        }
        try {
            final boolean[] found = new boolean[1];
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String methodName, String methodDescriptor, String signature,
                                                 String[] exceptions) {
                    found[0] |= methodName.equals(name) && methodDescriptor.equals(descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return found[0];
        } catch (java.io.IOException e) {
            return false;
        } finally {
            try {
                in.close();
            } catch (java.io.IOException ignored) {
                // Read already, or failed already.
            }
        }
    }

    /**
     * Whether a patch's shape can wrap this method. Only the filters may touch a constructor: the
     * others' handler and {@code this} would meet an uninitialised object, which the verifier
     * rejects. A patch that passes {@code this} cannot apply to a static method.
     */
    static boolean fits(Patch patch, String methodName, String methodDescriptor, int access) {
        if (patch.kind() == Patch.Kind.FILTER_STORE || patch.kind() == Patch.Kind.FILTER_RETURN) {
            return true;
        }
        if (methodName.equals("<init>")) {
            return false;
        }
        if (patch.kind() == Patch.Kind.ANSWER_INSTEAD) {
            int returned = Type.getReturnType(methodDescriptor).getSort();
            return (returned == Type.OBJECT || returned == Type.ARRAY)
                    && !(patch.argument() < 0 && (access & Opcodes.ACC_STATIC) != 0);
        }
        if (patch.kind() == Patch.Kind.GUARD_ARGUMENT) {
            // It returns early with a bare return or null, and its argument slots assume an instance method.
            int returned = Type.getReturnType(methodDescriptor).getSort();
            return (access & Opcodes.ACC_STATIC) == 0 && (returned == Type.VOID
                    || returned == Type.OBJECT || returned == Type.ARRAY);
        }
        boolean passesThis = patch.argument() < 0 || !Patch.NO_ARGUMENT_EXIT.equals(patch.exitDescriptor());
        return !(passesThis && (access & Opcodes.ACC_STATIC) != 0);
    }

    /** The class with its patches applied. */
    static byte[] weave(byte[] classFile, List<Patch> patches) {
        return weave(classFile, patches, new HashSet<Patch>());
    }

    /** The class with its patches applied; {@code woven} receives each patch that found its method or field. */
    static byte[] weave(byte[] classFile, final List<Patch> patches, final Set<Patch> woven) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = name;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                                             Object value) {
                for (Patch patch : patches) {
                    if (patch.kind() == Patch.Kind.FILTER_STORE && patch.fieldName().equals(name)
                            && patch.fieldDescriptor().equals(descriptor)) {
                        woven.add(patch);
                    }
                }
                return super.visitField(access, name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & Opcodes.ACC_ABSTRACT) != 0) {
                    return method;
                }
                // Several patches may touch one method (filters of two fields): each wraps the last.
                for (Patch patch : patches) {
                    if (patch.matches(name, descriptor) && fits(patch, name, descriptor, access)) {
                        method = new PatchingMethodVisitor(method, patch, owner, name, access, descriptor);
                        if (patch.kind() != Patch.Kind.FILTER_STORE) {
                            woven.add(patch);
                        }
                    }
                }
                return method;
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
