package dev.primus.instrumentation.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A library patch woven also where another jar shades the library under a package of its own (gRPC's Netty). */
class ShadedPatchesTest {
    private static final String BRIDGE = "dev/primus/instrumentation/weaving/TestBridge";
    private static final String SHADED = "io/grpc/netty/shaded/";
    private static final String CONNECT = "(Lio/netty/channel/Context;Ljava/net/SocketAddress;)V";

    private static Patch connectPatch() {
        return Patch.checkArgument("io/netty/channel/Pipeline", "connect", CONNECT, 1, BRIDGE, "check",
                "(Ljava/lang/Object;)V").argumentVia("io/netty/channel/Context", "address", "()Lio/netty/channel/Address;")
                .inAnyLoader();
    }

    @Test
    void aShadedCopyHasEveryTypeOfTheLibraryMovedUnderItsPrefixAndTheBridgesLeftAsTheyAre() {
        Patch moved = connectPatch().alsoWhereShaded("io/netty/").relocated(SHADED);
        assertEquals(SHADED + "io/netty/channel/Pipeline", moved.className());
        assertEquals("(L" + SHADED + "io/netty/channel/Context;Ljava/net/SocketAddress;)V", moved.methodDescriptor());
        assertEquals("(Ljava/lang/Object;)V", moved.enterDescriptor());
        assertEquals(BRIDGE, moved.bridgeClass());
        String[] getter = moved.argumentGetters().get(0);
        assertEquals(SHADED + "io/netty/channel/Context", getter[0]);
        assertEquals("()L" + SHADED + "io/netty/channel/Address;", getter[2]);
        assertEquals(false, moved.bootOnly());
    }

    @Test
    void onlyALibrarysOwnClassCanBeShaded() {
        assertThrows(IllegalArgumentException.class, () -> Patch.checkArgument("java/net/Socket", "connect",
                "(Ljava/net/SocketAddress;)V", 0, BRIDGE, "check", "(Ljava/lang/Object;)V").alsoWhereShaded("java/net/"));
        assertThrows(IllegalArgumentException.class, () -> connectPatch().alsoWhereShaded("io/grpc/"));
    }

    @Test
    void theWeaverWeavesTheShadedCopyAndTheLibraryItselfAndReportsEachByItsName() {
        List<String> woven = new ArrayList<>();
        PatchWeaver weaver = new PatchWeaver(List.of(withoutGetter().alsoWhereShaded("io/netty/")), recording(woven));
        String shadedName = SHADED + "io/netty/channel/Pipeline";
        assertNotNull(weaver.transform(loader(), shadedName, null, null, pipeline(shadedName, SHADED)));
        assertNotNull(weaver.transform(loader(), "io/netty/channel/Pipeline", null, null,
                pipeline("io/netty/channel/Pipeline", "")));
        assertEquals(List.of(shadedName, "io/netty/channel/Pipeline"), woven);
    }

    @Test
    void aPatchNotMarkedForShadingIsNotWovenUnderAPrefixNorIsAClassNoPatchNames() {
        PatchWeaver unmarked = new PatchWeaver(List.of(withoutGetter()));
        String shadedName = SHADED + "io/netty/channel/Pipeline";
        assertNull(unmarked.transform(loader(), shadedName, null, null, pipeline(shadedName, SHADED)));
        PatchWeaver marked = new PatchWeaver(List.of(withoutGetter().alsoWhereShaded("io/netty/")));
        String other = SHADED + "io/netty/channel/Other";
        assertNull(marked.transform(loader(), other, null, null, pipeline(other, SHADED)));
        assertNull(marked.transform(loader(), "io/netty/channel/Pipeline2", null, null,
                pipeline("io/netty/channel/Pipeline2", "")));
    }

    private static Patch withoutGetter() {
        return Patch.checkArgument("io/netty/channel/Pipeline", "connect", CONNECT, 1, BRIDGE, "check",
                "(Ljava/lang/Object;)V").inAnyLoader();
    }

    private static ClassLoader loader() {
        return ShadedPatchesTest.class.getClassLoader();
    }

    /** A class of that name with {@code connect(Context, SocketAddress)}, Netty's types under {@code prefix}. */
    private static byte[] pipeline(String name, String prefix) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor connect = writer.visitMethod(Opcodes.ACC_PUBLIC, "connect",
                "(L" + prefix + "io/netty/channel/Context;Ljava/net/SocketAddress;)V", null, null);
        connect.visitCode();
        connect.visitInsn(Opcodes.RETURN);
        connect.visitMaxs(0, 0);
        connect.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static PatchCoverage recording(List<String> woven) {
        return new PatchCoverage() {
            @Override
            public void woven(Patch patch, ClassLoader loader) {
                woven.add(patch.className());
            }

            @Override
            public void missed(Patch patch, ClassLoader loader, ProtectionDomain domain) {
                woven.add("missed " + patch.className());
            }
        };
    }
}
