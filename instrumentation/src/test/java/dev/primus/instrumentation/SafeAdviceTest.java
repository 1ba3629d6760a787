package dev.primus.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primus.bootstrap.AgentFailures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.Test;

class SafeAdviceTest {
    public static class Host {
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static class ThrowingAdvice {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            throw new IllegalStateException("advice bug");
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit() {
            throw new IllegalStateException("advice bug on exit");
        }
    }

    @Test
    void aThrowingAdviceLeavesTheHostCallUnchangedAndIsCounted() throws Exception {
        Class<? extends Host> woven = new ByteBuddy()
                .redefine(Host.class)
                .visit(SafeAdvice.to(ThrowingAdvice.class).on(named("greet")))
                .make()
                .load(SafeAdviceTest.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        long before = AgentFailures.count();
        Object result;
        try {
            Object host = woven.getDeclaredConstructor().newInstance();
            result = woven.getMethod("greet", String.class).invoke(host, "ops");
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("hello ops", result);
        assertEquals(before + 2, AgentFailures.count());
        assertEquals(true, err.toString().contains("[primus] WARN agent failure in hook: java.lang.IllegalStateException"));
    }
}
