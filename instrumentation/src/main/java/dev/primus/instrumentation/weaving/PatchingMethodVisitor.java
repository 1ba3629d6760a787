package dev.primus.instrumentation.weaving;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Adds a {@link Patch} to one method. Reads expanded frames and writes its one new frame
 * (the catch-all handler of ENTER_EXIT) expanded too; the class writer computes max stack. The
 * filters add no branch, so they need no frame.
 */
final class PatchingMethodVisitor extends MethodVisitor {
    private final Patch patch;
    private final String owner;
    private final boolean isStatic;
    /** Whether {@code this} may be passed: outside constructors, and in one after its super() or this() call. */
    private boolean ownerReady;
    /** In a constructor before super(): objects made by NEW whose own {@code <init>} has not run yet. */
    private int pendingNew;
    private final Type[] arguments;
    private final Label tryStart = new Label();
    private final Label tryEnd = new Label();
    private final Label handler = new Label();

    PatchingMethodVisitor(MethodVisitor target, Patch patch, String owner, String name, int access, String descriptor) {
        super(Opcodes.ASM9, target);
        this.patch = patch;
        this.owner = owner;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.ownerReady = !name.equals("<init>");
        this.arguments = Type.getArgumentTypes(descriptor);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (patch.kind() == Patch.Kind.FAIL_AS_FUTURE || patch.kind() == Patch.Kind.FAIL_TO_HANDLER
                || patch.kind() == Patch.Kind.FAIL_PROMISE) {
            deliverDenial();
            return;
        }
        if (patch.kind() == Patch.Kind.FILTER_RETURN || patch.kind() == Patch.Kind.FILTER_STORE) {
            return;
        }
        if (patch.kind() == Patch.Kind.ANSWER_INSTEAD) {
            answerInstead();
            return;
        }
        if (patch.kind() == Patch.Kind.GUARD_ARGUMENT) {
            guardArgument();
            if (wrapsBody()) {
                super.visitLabel(tryStart);
            }
            return;
        }
        if (patch.enterMethod() == null) {
            super.visitLabel(tryStart);
            return;
        }
        loadArgument();
        if (patch.secondArgument() >= 0) {
            Type second = arguments[patch.secondArgument()];
            super.visitVarInsn(second.getOpcode(Opcodes.ILOAD), slotOf(patch.secondArgument()));
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.bridgeClass(), patch.enterMethod(), patch.enterDescriptor(), false);
        if (patch.kind() == Patch.Kind.ENTER_EXIT) {
            super.visitLabel(tryStart);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (wrapsBody() && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            callExit();
        } else if (patch.kind() == Patch.Kind.FILTER_RETURN && opcode == Opcodes.ARETURN) {
            filterTopOfStack(Type.getReturnType(patch.methodDescriptor()));
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        if (patch.kind() == Patch.Kind.FILTER_STORE && (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)
                && fieldOwner.equals(owner) && name.equals(patch.fieldName())
                && descriptor.equals(patch.fieldDescriptor())) {
            if (patch.passesOwner() && opcode == Opcodes.PUTFIELD) {
                filterWithOwner(Type.getType(descriptor));
            } else {
                filterTopOfStack(Type.getType(descriptor));
            }
        }
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
    }

    /** {@code value = bridge.filter(value)}, cast back when the filter returns a wider type. */
    private void filterTopOfStack(Type expected) {
        if (patch.kind() == Patch.Kind.FILTER_RETURN) {
            // The filter may also take arguments of the method, after the value ({@code alsoPassing}).
            for (int argument : patch.moreArguments()) {
                super.visitVarInsn(arguments[argument].getOpcode(Opcodes.ILOAD), slotOf(argument));
            }
            if (patch.passesOwner()) {
                super.visitVarInsn(Opcodes.ALOAD, 0); // the object whose method returns the value
            }
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.bridgeClass(), patch.enterMethod(), patch.enterDescriptor(), false);
        if (!Type.getReturnType(patch.enterDescriptor()).equals(expected)) {
            super.visitTypeInsn(Opcodes.CHECKCAST, expected.getSort() == Type.ARRAY
                    ? expected.getDescriptor() : expected.getInternalName());
        }
    }

    /**
     * Tracks, in a constructor, when {@code this} is initialised: at the first {@code <init>} call
     * that is not for an object a NEW made (javac's and kotlinc's constructors call super() or
     * this() before any other code of theirs touches {@code this}).
     */
    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (!ownerReady && opcode == Opcodes.NEW) {
            pendingNew++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
        if (!ownerReady && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (pendingNew > 0) {
                pendingNew--;
            } else {
                ownerReady = true;
            }
        }
    }

    /**
     * {@code value = bridge.filter(value, owner)} with the stack as PUTFIELD has it: owner, value.
     * In a constructor before its super() call the owner is not initialised, which the verifier
     * forbids passing: there the filter gets null.
     */
    private void filterWithOwner(Type expected) {
        boolean passOwner = ownerReady;
        if (!passOwner) {
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            super.visitInsn(Opcodes.DUP2); // owner, value, owner, value
            super.visitInsn(Opcodes.SWAP); // owner, value, value, owner
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.bridgeClass(), patch.enterMethod(), patch.enterDescriptor(), false);
        if (passOwner) {
            super.visitInsn(Opcodes.SWAP); // owner, filtered, value
            super.visitInsn(Opcodes.POP);
        }
        if (!Type.getReturnType(patch.enterDescriptor()).equals(expected)) {
            super.visitTypeInsn(Opcodes.CHECKCAST, expected.getInternalName());
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (wrapsBody()) {
            super.visitLabel(tryEnd);
            super.visitLabel(handler);
            super.visitFrame(Opcodes.F_NEW, frameLocals().length, frameLocals(), 1, new Object[] {"java/lang/Throwable"});
            callExit();
            super.visitInsn(Opcodes.ATHROW);
            // Registered last, so it is the last entry of the exception table: the method's own
            // handlers still catch first, and this one only sees what would leave the method.
            super.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    /** Whether the method body runs inside a catch-all that calls the exit on the way out. */
    private boolean wrapsBody() {
        return patch.kind() == Patch.Kind.ENTER_EXIT
                || (patch.kind() == Patch.Kind.GUARD_ARGUMENT && patch.exitMethod() != null);
    }

    /**
     * {@code answer = bridge.answer(argument); if (answer != null) return (ReturnType) answer;} The
     * answer is kept in the first local slot after the arguments, free at method entry.
     */
    private void answerInstead() {
        int answerSlot = callGateIntoFreeSlot();
        Label proceed = new Label();
        super.visitJumpInsn(Opcodes.IFNULL, proceed);
        super.visitVarInsn(Opcodes.ALOAD, answerSlot);
        Type returned = Type.getReturnType(patch.methodDescriptor());
        if (!returned.equals(Type.getReturnType(patch.enterDescriptor()))) {
            super.visitTypeInsn(Opcodes.CHECKCAST, returned.getSort() == Type.ARRAY ? returned.getDescriptor()
                    : returned.getInternalName());
        }
        super.visitInsn(Opcodes.ARETURN);
        joinWithTheSlot(proceed);
    }

    /**
     * {@code replacement = bridge.enter(argument, more...); if (replacement == null) return [null];
     * argument = (Type) replacement;} The replacement is kept in the first local slot after the
     * arguments, free at method entry.
     */
    private void guardArgument() {
        int replacementSlot = callGateIntoFreeSlot();
        Label proceed = new Label();
        super.visitJumpInsn(Opcodes.IFNONNULL, proceed);
        if (Type.getReturnType(patch.methodDescriptor()).getSort() == Type.VOID) {
            super.visitInsn(Opcodes.RETURN);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitInsn(Opcodes.ARETURN);
        }
        joinWithTheSlot(proceed);
        super.visitVarInsn(Opcodes.ALOAD, replacementSlot);
        super.visitTypeInsn(Opcodes.CHECKCAST, arguments[patch.argument()].getInternalName());
        super.visitVarInsn(Opcodes.ASTORE, slotOf(patch.argument()));
    }

    /**
     * {@code denial = bridge.deny(argument); if (denial != null) { report it; return; }} The denial
     * is kept in the first local slot after the arguments, free at method entry.
     */
    private void deliverDenial() {
        int denialSlot = callGateIntoFreeSlot();
        Label proceed = new Label();
        super.visitJumpInsn(Opcodes.IFNULL, proceed);
        if (patch.kind() == Patch.Kind.FAIL_AS_FUTURE) {
            super.visitVarInsn(Opcodes.ALOAD, denialSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.failureOwner(), patch.failureMethod(),
                    patch.failureDescriptor(), false);
            super.visitInsn(Opcodes.ARETURN);
        } else if (patch.kind() == Patch.Kind.FAIL_PROMISE) {
            super.visitVarInsn(Opcodes.ALOAD, slotOf(patch.secondArgument()));
            super.visitVarInsn(Opcodes.ALOAD, denialSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.failureOwner(), patch.failureMethod(),
                    patch.failureDescriptor(), false);
            super.visitInsn(Opcodes.RETURN);
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, slotOf(arguments.length - 1));
            super.visitVarInsn(Opcodes.ALOAD, slotOf(arguments.length - 2));
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ALOAD, denialSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.failureOwner(), patch.failureMethod(),
                    patch.failureDescriptor(), false);
            super.visitInsn(Opcodes.RETURN);
        }
        joinWithTheSlot(proceed);
    }

    /**
     * {@code slot = bridge.enter(argument, more...)}, the slot being the first after the
     * arguments (free at method entry), left on the stack too for the branch that follows.
     */
    private int callGateIntoFreeSlot() {
        int slot = slotOf(arguments.length);
        loadArgument();
        if (patch.kind() == Patch.Kind.GUARD_ARGUMENT) {
            for (int index : patch.moreArguments()) {
                super.visitVarInsn(arguments[index].getOpcode(Opcodes.ILOAD), slotOf(index));
            }
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.bridgeClass(), patch.enterMethod(), patch.enterDescriptor(), false);
        super.visitVarInsn(Opcodes.ASTORE, slot);
        super.visitVarInsn(Opcodes.ALOAD, slot);
        return slot;
    }

    /** Where the method's own code goes on: the entry's locals and the gate's answer in its slot. */
    private void joinWithTheSlot(Label proceed) {
        super.visitLabel(proceed);
        Object[] entryLocals = frameLocals();
        Object[] locals = java.util.Arrays.copyOf(entryLocals, entryLocals.length + 1);
        locals[entryLocals.length] = Type.getReturnType(patch.enterDescriptor()).getInternalName();
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
    }

    /** The argument the bridge gets at entry ({@code this} for -1), read through its getters. */
    private void loadArgument() {
        if (patch.argument() >= 0) {
            Type argument = arguments[patch.argument()];
            super.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slotOf(patch.argument()));
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
        for (String[] getter : patch.argumentGetters()) {
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, getter[0], getter[1], getter[2], false);
        }
    }

    private void callExit() {
        if (!Patch.NO_ARGUMENT_EXIT.equals(patch.exitDescriptor())) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, patch.bridgeClass(), patch.exitMethod(), patch.exitDescriptor(), false);
    }

    private int slotOf(int argumentIndex) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < argumentIndex; i++) {
            slot += arguments[i].getSize();
        }
        return slot;
    }

    /** The locals at method entry, as a frame names them: {@code this} and the arguments. */
    private Object[] frameLocals() {
        Object[] locals = new Object[(isStatic ? 0 : 1) + arguments.length];
        int index = 0;
        if (!isStatic) {
            locals[index++] = owner;
        }
        for (Type argument : arguments) {
            locals[index++] = frameType(argument);
        }
        return locals;
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }
}
