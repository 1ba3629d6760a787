package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentFailuresTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    /** A check that the JVM could not run for its thread (stack or heap gone) must not fail open. */
    @Test
    void anOutOfResourcesErrorIsThrownOnAndAnyOtherFailureIsNot() {
        StackOverflowError overflow = new StackOverflowError();
        assertSame(overflow, assertThrows(StackOverflowError.class, () -> AgentFailures.rethrowIfOutOfResources(overflow)));
        assertThrows(OutOfMemoryError.class, () -> AgentFailures.rethrowIfOutOfResources(new OutOfMemoryError()));
        AgentFailures.rethrowIfOutOfResources(new IllegalStateException("a bug of the agent's"));
        AgentFailures.rethrowIfOutOfResources(new NoClassDefFoundError("a library's class"));
    }

    @Test
    void countsEveryFailureButLogsEachPlaceOnce() {
        long before = AgentFailures.count();
        for (int i = 0; i < 5; i++) {
            AgentFailures.record("test-site", failureFromSameLine());
        }
        assertEquals(before + 5, AgentFailures.count());
        String log = new String(err.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(1, occurrences(log, "[primus] WARN agent failure in test-site"), log);
        assertTrue(log.contains("IllegalStateException"), log);
    }

    @Test
    void logsAgainForAnotherPlace() {
        AgentFailures.record("site-a", new IllegalArgumentException("a"));
        AgentFailures.record("site-b", new IllegalArgumentException("b"));
        String log = new String(err.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(1, occurrences(log, "in site-a"));
        assertEquals(1, occurrences(log, "in site-b"));
    }

    @Test
    void neverThrowsEvenForAFailureWithoutStackOrMessage() {
        Throwable bare = new Throwable((String) null, null, false, false) {
        };
        AgentFailures.record("bare", bare);
        assertTrue(new String(err.toByteArray(), StandardCharsets.UTF_8).contains("at unknown"));
    }

    private static IllegalStateException failureFromSameLine() {
        return new IllegalStateException("boom");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
