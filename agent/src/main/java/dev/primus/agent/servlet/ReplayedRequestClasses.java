package dev.primus.agent.servlet;

import java.lang.reflect.Method;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bytes of the two classes {@link BodyReplay} defines beside a servlet API: a
 * {@code ServletInputStream} that reads a {@code ReplayedBody}, and an
 * {@code HttpServletRequestWrapper} that hands it out from {@code getInputStream} and
 * {@code getReader}, and, where the body is a form, its fields from the parameter getters.
 * Written with ASM, which the weaver already carries: each class is a field or two and methods
 * that delegate, Java 8 bytecode whose one branch per parameter getter keeps the same frame.
 */
final class ReplayedRequestClasses {
    private static final String BODY = "dev/primus/bootstrap/ReplayedBody";
    private static final String BODY_DESCRIPTOR = "L" + BODY + ";";

    private ReplayedRequestClasses() {
    }

    /**
     * {@code NAME extends servletInputStream}: {@code NAME(ReplayedBody)}, and {@code read},
     * {@code available}, {@code isFinished}, {@code isReady}, {@code setReadListener} as the API
     * version declares them, each on the body.
     */
    static byte[] inputStream(String name, Class<?> servletInputStream) {
        String superName = Type.getInternalName(servletInputStream);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, superName, null);
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "body", BODY_DESCRIPTOR, null, null).visitEnd();

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(" + BODY_DESCRIPTOR + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
        storeField(init, name, "body", BODY_DESCRIPTOR, 1);
        init.visitInsn(Opcodes.RETURN);
        finish(init);

        delegate(writer, name, "read", "()I", "()I", Opcodes.IRETURN);
        delegate(writer, name, "read", "([BII)I", "([BII)I", Opcodes.IRETURN);
        delegate(writer, name, "available", "()I", "()I", Opcodes.IRETURN);
        Method isFinished = declared(servletInputStream, "isFinished");
        if (isFinished != null) {
            delegate(writer, name, "isFinished", "()Z", "()Z", Opcodes.IRETURN);
        }
        Method isReady = declared(servletInputStream, "isReady");
        if (isReady != null) {
            // The whole body is in memory already (or the rest comes from the container's stream).
            MethodVisitor ready = writer.visitMethod(Opcodes.ACC_PUBLIC, "isReady", "()Z", null, null);
            ready.visitCode();
            ready.visitInsn(Opcodes.ICONST_1);
            ready.visitInsn(Opcodes.IRETURN);
            finish(ready);
        }
        Method setReadListener = declared(servletInputStream, "setReadListener");
        if (setReadListener != null) {
            delegate(writer, name, "setReadListener", Type.getMethodDescriptor(setReadListener), "(Ljava/lang/Object;)V",
                    Opcodes.RETURN);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code NAME extends wrapper}: {@code NAME(HttpServletRequest, ReplayedBody, ServletInputStream)},
     * {@code getInputStream()} returning the stream, {@code getReader()} the body read through it.
     */
    static byte[] request(String name, Class<?> wrapper, Class<?> httpRequest, Class<?> servletInputStream) {
        String superName = Type.getInternalName(wrapper);
        String streamDescriptor = Type.getDescriptor(servletInputStream);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, superName, null);
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "body", BODY_DESCRIPTOR, null, null).visitEnd();
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "stream", streamDescriptor, null, null).visitEnd();

        String requestDescriptor = Type.getDescriptor(httpRequest);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>",
                "(" + requestDescriptor + BODY_DESCRIPTOR + streamDescriptor + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "(" + requestDescriptor + ")V", false);
        storeField(init, name, "body", BODY_DESCRIPTOR, 2);
        storeField(init, name, "stream", streamDescriptor, 3);
        init.visitInsn(Opcodes.RETURN);
        finish(init);

        MethodVisitor getInputStream = writer.visitMethod(Opcodes.ACC_PUBLIC, "getInputStream", "()" + streamDescriptor,
                null, new String[] {"java/io/IOException"});
        getInputStream.visitCode();
        getInputStream.visitVarInsn(Opcodes.ALOAD, 0);
        getInputStream.visitFieldInsn(Opcodes.GETFIELD, name, "stream", streamDescriptor);
        getInputStream.visitInsn(Opcodes.ARETURN);
        finish(getInputStream);

        MethodVisitor getReader = writer.visitMethod(Opcodes.ACC_PUBLIC, "getReader", "()Ljava/io/BufferedReader;",
                null, new String[] {"java/io/IOException"});
        getReader.visitCode();
        getReader.visitVarInsn(Opcodes.ALOAD, 0);
        getReader.visitFieldInsn(Opcodes.GETFIELD, name, "body", BODY_DESCRIPTOR);
        getReader.visitVarInsn(Opcodes.ALOAD, 0);
        getReader.visitFieldInsn(Opcodes.GETFIELD, name, "stream", streamDescriptor);
        getReader.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BODY, "reader", "(Ljava/io/InputStream;)Ljava/io/BufferedReader;", false);
        getReader.visitInsn(Opcodes.ARETURN);
        finish(getReader);

        // A form's fields, which the container would have read from the body the agent consumed.
        formParameter(writer, name, superName, "getParameter", "(Ljava/lang/String;)Ljava/lang/String;", "parameter");
        formParameter(writer, name, superName, "getParameterValues", "(Ljava/lang/String;)[Ljava/lang/String;",
                "parameterValues");
        formParameter(writer, name, superName, "getParameterNames", "()Ljava/util/Enumeration;", "parameterNames");
        formParameter(writer, name, superName, "getParameterMap", "()Ljava/util/Map;", "parameterMap");
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code method}: where the body is a form ({@code body.isForm()}), {@code body.bodyMethod(arguments,
     * getQueryString(), getCharacterEncoding())}; otherwise the wrapped request's own, through the wrapper.
     */
    private static void formParameter(ClassWriter writer, String owner, String superName, String method, String descriptor,
                                      String bodyMethod) {
        MethodVisitor visitor = writer.visitMethod(Opcodes.ACC_PUBLIC, method, descriptor, null, null);
        visitor.visitCode();
        Type[] arguments = Type.getArgumentTypes(descriptor);
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitFieldInsn(Opcodes.GETFIELD, owner, "body", BODY_DESCRIPTOR);
        visitor.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BODY, "isForm", "()Z", false);
        Label form = new Label();
        visitor.visitJumpInsn(Opcodes.IFNE, form);
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        for (int i = 0; i < arguments.length; i++) {
            visitor.visitVarInsn(Opcodes.ALOAD, 1 + i);
        }
        visitor.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, method, descriptor, false);
        visitor.visitInsn(Opcodes.ARETURN);
        visitor.visitLabel(form);
        visitor.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitFieldInsn(Opcodes.GETFIELD, owner, "body", BODY_DESCRIPTOR);
        StringBuilder bodyDescriptor = new StringBuilder("(");
        for (int i = 0; i < arguments.length; i++) {
            visitor.visitVarInsn(Opcodes.ALOAD, 1 + i);
            bodyDescriptor.append(arguments[i].getDescriptor());
        }
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getQueryString", "()Ljava/lang/String;", false);
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getCharacterEncoding", "()Ljava/lang/String;", false);
        bodyDescriptor.append("Ljava/lang/String;Ljava/lang/String;)")
                .append(Type.getReturnType(descriptor).getDescriptor());
        visitor.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BODY, bodyMethod, bodyDescriptor.toString(), false);
        visitor.visitInsn(Opcodes.ARETURN);
        finish(visitor);
    }

    /** A public method of this name that the type declares or inherits, or null in an older API. */
    private static Method declared(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        return null;
    }

    /** {@code descriptor name(arguments)} that calls the same-named method of the body, its arguments passed on. */
    private static void delegate(ClassWriter writer, String owner, String method, String descriptor, String bodyDescriptor,
                                 int returnOpcode) {
        MethodVisitor visitor = writer.visitMethod(Opcodes.ACC_PUBLIC, method, descriptor, null,
                new String[] {"java/io/IOException"});
        visitor.visitCode();
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitFieldInsn(Opcodes.GETFIELD, owner, "body", BODY_DESCRIPTOR);
        int slot = 1;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            visitor.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        visitor.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BODY, method, bodyDescriptor, false);
        visitor.visitInsn(returnOpcode);
        finish(visitor);
    }

    private static void storeField(MethodVisitor visitor, String owner, String field, String descriptor, int slot) {
        visitor.visitVarInsn(Opcodes.ALOAD, 0);
        visitor.visitVarInsn(Opcodes.ALOAD, slot);
        visitor.visitFieldInsn(Opcodes.PUTFIELD, owner, field, descriptor);
    }

    private static void finish(MethodVisitor visitor) {
        visitor.visitMaxs(0, 0);
        visitor.visitEnd();
    }
}
