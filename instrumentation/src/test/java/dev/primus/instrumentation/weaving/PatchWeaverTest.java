package dev.primus.instrumentation.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatchWeaverTest {
    private static final String TARGET = "dev/primus/instrumentation/weaving/Target";
    private static final String BRIDGE = "dev/primus/instrumentation/weaving/TestBridge";

    private Object woven;

    @BeforeEach
    void weave() throws Exception {
        TestBridge.CALLS.clear();
        TestBridge.denyArgument = null;
        byte[] original;
        try (InputStream in = Target.class.getResourceAsStream("Target.class")) {
            original = in.readAllBytes();
        }
        byte[] bytes = PatchWeaver.weave(original, List.of(
                Patch.checkArgument(TARGET, "connect", "(JLjava/lang/String;D)Ljava/lang/String;", 1, BRIDGE, "check",
                        "(Ljava/lang/String;)V"),
                Patch.enterExit(TARGET, "work", "(I)I", BRIDGE, "enter", "(Ljava/lang/Object;)V", "exit"),
                Patch.failAsFuture(TARGET, "connectAsync", "(Ljava/lang/String;)Ljava/lang/Object;", 0, BRIDGE, "deny",
                        "(Ljava/lang/String;)Ljava/io/IOException;", BRIDGE, "failedFuture",
                        "(Ljava/lang/Throwable;)Ljava/lang/Object;"),
                Patch.failToHandler(TARGET, "connectWithHandler", "(Ljava/lang/String;Ljava/lang/Object;Ljava/util/List;)V",
                        0, BRIDGE, "deny", "(Ljava/lang/String;)Ljava/io/IOException;", BRIDGE, "report",
                        "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V"),
                Patch.failPromise(TARGET, "connectWithPromise", "(Ljava/lang/String;Ljava/lang/String;Ljava/util/List;)V",
                        0, 2, BRIDGE, "deny", "(Ljava/lang/String;)Ljava/io/IOException;", "failPromise",
                        "(Ljava/lang/Object;Ljava/lang/Throwable;)V"),
                Patch.filterReturn(TARGET, "describe", "(Z)Ljava/lang/String;", BRIDGE, "hide",
                        "(Ljava/lang/String;)Ljava/lang/String;"),
                Patch.filterReturn(TARGET, "greet", "(Ljava/lang/String;)Ljava/lang/String;", BRIDGE, "greetedBy",
                        "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;").alsoPassing(0)
                        .passingOwner(),
                Patch.filterStores(TARGET, "text", "Ljava/lang/String;", BRIDGE, "hide",
                        "(Ljava/lang/String;)Ljava/lang/String;"),
                Patch.filterStores(TARGET, "words", "[Ljava/lang/String;", BRIDGE, "hideAll",
                        "(Ljava/lang/Object;)Ljava/lang/Object;"),
                Patch.filterStores(TARGET, "label", "Ljava/lang/String;", BRIDGE, "ownedBy",
                        "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;").passingOwner(),
                Patch.exitWithThis(TARGET, "finish", "(I)V", BRIDGE, "exitWith"),
                Patch.guardArgument(TARGET, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)V", 0, BRIDGE,
                        "admit", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", "exit", 1),
                Patch.guardArgument(TARGET, "handle", "(Ljava/util/List;Ljava/lang/String;)Ljava/lang/String;", 1, BRIDGE,
                        "admitHandler", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", null, 0),
                Patch.failAsFuture(TARGET, "connectVia", "(Ljava/lang/StringBuilder;)Ljava/lang/Object;", 0, BRIDGE,
                        "deny", "(Ljava/lang/String;)Ljava/io/IOException;", BRIDGE, "failedFuture",
                        "(Ljava/lang/Throwable;)Ljava/lang/Object;")
                        .argumentVia("java/lang/StringBuilder", "toString", "()Ljava/lang/String;")
                        .argumentVia("java/lang/String", "trim", "()Ljava/lang/String;")));
        ClassLoader loader = new ClassLoader(PatchWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Target.class.getName())) {
                    return defineClass(name, bytes, 0, bytes.length);
                }
                return super.loadClass(name, resolve);
            }
        };
        woven = loader.loadClass(Target.class.getName()).getDeclaredConstructor().newInstance();
    }

    private Object call(String method, Class<?>[] types, Object... args) throws Throwable {
        Method m = woven.getClass().getMethod(method, types);
        try {
            return m.invoke(woven, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object connect(String host) throws Throwable {
        return call("connect", new Class<?>[] {long.class, String.class, double.class}, 7L, host, 2.5);
    }

    private Object work(int mode) throws Throwable {
        return call("work", new Class<?>[] {int.class}, mode);
    }

    @Test
    void checkArgumentPassesTheRightArgumentPastWideOnes() throws Throwable {
        assertEquals("a.example:7:2.5", connect("a.example"));
        assertEquals(List.of("check a.example"), TestBridge.CALLS);
    }

    @Test
    void checkArgumentThrowsTheDenialFromTheMethodItself() {
        TestBridge.denyArgument = "evil.example";
        IOException denied = assertThrows(IOException.class, () -> connect("evil.example"));
        assertEquals("denied evil.example", denied.getMessage());
    }

    @Test
    void enterExitPairsOnEveryReturn() throws Throwable {
        assertEquals(10, work(0));
        assertEquals(12, work(3));
        assertEquals(List.of("enter", "exit", "enter", "exit"), TestBridge.CALLS);
    }

    @Test
    void theMethodsOwnCatchStillCatchesFirst() throws Throwable {
        assertEquals(11, work(1));
        assertEquals(List.of("enter", "exit"), TestBridge.CALLS);
    }

    @Test
    void exitRunsWhenTheMethodThrows() {
        IOException outer = assertThrows(IOException.class, () -> work(2));
        assertEquals("outer", outer.getMessage());
        assertEquals(List.of("enter", "exit"), TestBridge.CALLS);
    }

    @Test
    void aDenialAtEnterSkipsTheBodyAndExit() {
        TestBridge.denyArgument = "enter";
        assertThrows(IOException.class, () -> work(0));
        assertEquals(List.of("enter"), TestBridge.CALLS);
    }

    @Test
    void failAsFutureReturnsTheFailedFutureInsteadOfRunningTheMethod() throws Throwable {
        Class<?>[] types = {String.class};
        assertEquals("future for ok.example", call("connectAsync", types, "ok.example"));
        TestBridge.denyArgument = "evil.example";
        assertEquals("failed future: denied evil.example", call("connectAsync", types, "evil.example"));
    }

    @Test
    void failToHandlerReportsToTheHandlerInsteadOfRunningTheMethod() throws Throwable {
        Class<?>[] types = {String.class, Object.class, List.class};
        List<String> handler = new java.util.ArrayList<>();
        call("connectWithHandler", types, "ok.example", "att", handler);
        TestBridge.denyArgument = "evil.example";
        call("connectWithHandler", types, "evil.example", "att", handler);
        assertEquals(List.of("connected ok.example att", "failed att null denied evil.example"), handler);
    }

    @Test
    void failPromiseFailsTheStaticMethodsPromiseInsteadOfRunningIt() throws Throwable {
        Method method = woven.getClass().getMethod("connectWithPromise", String.class, String.class, List.class);
        List<String> promise = new java.util.ArrayList<>();
        method.invoke(null, "ok.example", null, promise);
        TestBridge.denyArgument = "evil.example";
        method.invoke(null, "evil.example", null, promise);
        assertEquals(List.of("connected ok.example", "failed denied evil.example"), promise);
    }

    @Test
    void filterReturnFiltersEveryReturnedValue() throws Throwable {
        Class<?>[] types = {boolean.class};
        assertEquals("early ******", call("describe", types, true));
        assertEquals("late ****** initial ******", call("describe", types, false));
    }

    @Test
    void filterReturnPassingOwnerGetsTheArgumentsThenTheObject() throws Throwable {
        assertEquals("hello bob (bob) in Target", call("greet", new Class<?>[] {String.class}, "bob"));
    }

    @Test
    void filterStoresFiltersTheFieldInConstructorsAndSetters() throws Throwable {
        assertEquals("initial ******", call("text", new Class<?>[0]));
        call("setText", new Class<?>[] {String.class}, "a secret b");
        assertEquals("a ****** b", call("text", new Class<?>[0]));
        assertEquals(List.of("a", "******", "b"), List.of((String[]) call("words", new Class<?>[0])),
                "a filter returning Object is cast back to the field's array type");
    }

    @Test
    void filterStoresPassingOwnerGetsTheObjectOnceItIsInitialised() throws Throwable {
        assertEquals("made in Target", call("label", new Class<?>[0]), "a store after super() gets its owner");
        call("setLabel", new Class<?>[] {String.class}, "set");
        assertEquals("set in Target", call("label", new Class<?>[0]));
    }

    @Test
    void exitWithThisRunsOnReturnAndOnThrowWithNothingAtEntry() throws Throwable {
        call("finish", new Class<?>[] {int.class}, 0);
        assertThrows(IOException.class, () -> call("finish", new Class<?>[] {int.class}, 1));
        assertEquals(List.of("exit with Target", "exit with Target"), TestBridge.CALLS);
    }

    @Test
    void argumentViaPassesWhatTheGettersReadFromTheArgument() throws Throwable {
        Class<?>[] types = {StringBuilder.class};
        TestBridge.denyArgument = "evil.example";
        assertEquals("failed future: denied evil.example", call("connectVia", types, new StringBuilder(" evil.example ")));
        assertEquals("future for  ok.example ", call("connectVia", types, new StringBuilder(" ok.example ")));
        assertEquals(List.of("deny? evil.example", "deny? ok.example"), TestBridge.CALLS);
    }

    @Test
    void aPatchWhoseGetterIsMissingIsLeftOutAndTheMethodRunsAsBefore() throws Exception {
        Patch missing = Patch.failAsFuture(TARGET, "connectVia", "(Ljava/lang/StringBuilder;)Ljava/lang/Object;", 0,
                BRIDGE, "deny", "(Ljava/lang/String;)Ljava/io/IOException;", BRIDGE, "failedFuture",
                "(Ljava/lang/Throwable;)Ljava/lang/Object;")
                .argumentVia("java/lang/StringBuilder", "noSuchGetter", "()Ljava/lang/String;");
        Patch present = Patch.checkArgument(TARGET, "connect", "(JLjava/lang/String;D)Ljava/lang/String;", 1, BRIDGE,
                "check", "(Ljava/lang/String;)V");
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(List.of(present), PatchWeaver.withGettersPresent(loader, TARGET, List.of(missing, present)));
        Patch existing = Patch.failAsFuture(TARGET, "connectVia", "(Ljava/lang/StringBuilder;)Ljava/lang/Object;", 0,
                BRIDGE, "deny", "(Ljava/lang/String;)Ljava/io/IOException;", BRIDGE, "failedFuture",
                "(Ljava/lang/Throwable;)Ljava/lang/Object;")
                .argumentVia("java/lang/StringBuilder", "toString", "()Ljava/lang/String;");
        assertEquals(List.of(existing), PatchWeaver.withGettersPresent(loader, TARGET, List.of(existing)),
                "a getter the owner declares keeps its patch");
    }

    private List<String> serve(String request) throws Throwable {
        List<String> response = new java.util.ArrayList<>();
        call("serve", new Class<?>[] {CharSequence.class, List.class}, request, response);
        return response;
    }

    @Test
    void aGuardedMethodTheBridgeAnswersNeverRunsAndNeedsNoExit() throws Throwable {
        assertEquals(List.of("answered by the bridge"), serve("answer-me"));
        assertEquals(List.of("admit answer-me"), TestBridge.CALLS);
    }

    @Test
    void aGuardedMethodRunsWithTheRequestTheBridgeHandsBack() throws Throwable {
        assertEquals(List.of("served swapped"), serve("swap-me"));
        assertEquals(List.of("served plain"), serve("plain"));
        assertEquals(List.of("admit swap-me", "exit", "admit plain", "exit"), TestBridge.CALLS);
    }

    @Test
    void aGuardedMethodCallsItsExitWhenItThrows() {
        IOException thrown = assertThrows(IOException.class, () -> serve("fail"));
        assertEquals("serve failed", thrown.getMessage());
        assertEquals(List.of("admit fail", "exit"), TestBridge.CALLS);
    }

    @Test
    void aGuardedMethodReturningAnObjectReturnsNullWhenTheBridgeAnswersAndNeedsNoExitWhenNoneIsNamed() throws Throwable {
        List<String> response = new java.util.ArrayList<>();
        Class<?>[] types = {List.class, String.class};
        assertNull(call("handle", types, response, "answer-me"));
        assertEquals(List.of("answered by the bridge"), response);
        assertEquals("handled plain", call("handle", types, response, "plain"));
        assertEquals(List.of("admit answer-me", "admit plain"), TestBridge.CALLS, "no exit was named");
    }

    @Test
    void aGuardOnlyWrapsAnInstanceMethodReturningVoidOrAnObject() {
        Patch guard = Patch.guardArgument(TARGET, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)V", 0,
                BRIDGE, "admit", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", "exit", 1);
        assertTrue(PatchWeaver.fits(guard, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)V", 0));
        assertTrue(PatchWeaver.fits(guard, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)Ljava/lang/Object;", 0));
        assertFalse(PatchWeaver.fits(guard, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)I", 0));
        assertFalse(PatchWeaver.fits(guard, "serve", "(Ljava/lang/CharSequence;Ljava/util/List;)V", Opcodes.ACC_STATIC));
    }

    @Test
    void onlyFiltersWrapAConstructorAndNothingPassesThisFromAStaticMethod() {
        Patch exit = Patch.exitWithThis(TARGET, "finish", "(I)V", BRIDGE, "exitWith");
        Patch enter = Patch.enterExit(TARGET, "work", "(I)I", BRIDGE, "enter", "(Ljava/lang/Object;)V", "exit");
        Patch filter = Patch.filterStores(TARGET, "text", "Ljava/lang/String;", BRIDGE, "hide",
                "(Ljava/lang/String;)Ljava/lang/String;");
        assertTrue(PatchWeaver.fits(exit, "finish", "(I)V", 0));
        assertFalse(PatchWeaver.fits(exit, "<init>", "(I)V", 0));
        assertFalse(PatchWeaver.fits(enter, "work", "(I)I", Opcodes.ACC_STATIC), "no this in a static method");
        assertTrue(PatchWeaver.fits(filter, "<init>", "()V", 0));
    }

    @Test
    void classesNotPatchedAreLeftAlone() {
        PatchWeaver weaver = new PatchWeaver(List.of(Patch.checkArgument("java/net/Socket", "connect",
                "(Ljava/net/SocketAddress;I)V", 0, BRIDGE, "check", "(Ljava/lang/String;)V")));
        assertNull(weaver.transform(null, "java/net/ServerSocket", null, null, new byte[0]));
        assertNull(weaver.transform(getClass().getClassLoader(), "java/net/Socket", null, null, new byte[0]),
                "only classes of the boot loader");
    }
}
