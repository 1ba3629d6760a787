package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gates take their engines once per JVM: this class installs them once, before its tests,
 * and no other test class of this module touches a gate.
 */
class GateInstallationTest {
    private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<String>());

    /** Answers requests named "refuse", swaps "swap", throws on "fail". */
    private static final AuthGate.Checker ENGINE = new RecordingAuth("first");

    private static class RecordingAuth implements AuthGate.Checker {
        private final String name;

        RecordingAuth(String name) {
            this.name = name;
        }

        @Override
        public Object admit(Object request, Object response) {
            CALLS.add(name + " admit " + request);
            if ("fail".equals(request)) {
                throw new IllegalStateException("engine bug");
            }
            return "refuse".equals(request) ? null : "swap".equals(request) ? "swapped" : request;
        }

        @Override
        public Object admitExchange(Object exchange) {
            return admit(exchange, "response");
        }

        @Override
        public Object admitHandler(Object handler, Object request, Object response) {
            CALLS.add(name + " handler " + handler);
            return handler;
        }

        @Override
        public void leave() {
            CALLS.add(name + " leave");
        }
    }

    @BeforeAll
    static void installOnce() {
        assertTrue(GateInstallation.tryClaim());
        GateInstallation.install(null, null, ENGINE);
    }

    @Test
    void onlyTheFirstClaimWins() {
        assertEquals(false, GateInstallation.tryClaim());
    }

    @Test
    void theGateHandsEachCallToItsEngineAndActsOnTheAnswer() {
        CALLS.clear();
        assertEquals("swapped", AuthGate.enterRequest("swap", "response"));
        AuthGate.exitRequest();
        assertNull(AuthGate.enterExchange("refuse"));
        assertEquals(List.of("first admit swap", "first leave", "first admit refuse"), CALLS);
    }

    @Test
    void anEngineFailureIsCountedAndTheRequestGoesOnUntouched() {
        long failures = AgentFailures.count();
        assertSame("fail", AuthGate.enterRequest("fail", "response"));
        AuthGate.exitRequest();
        assertEquals(failures + 1, AgentFailures.count());
    }

    @Test
    void aGuardThatIsOffLetsEveryCallThrough() throws Exception {
        assertNull(EgressGate.socketDenial(new java.net.InetSocketAddress("127.0.0.3", 9)));
        assertEquals("text", LogMasking.text("text"));
    }

    @Test
    void aSecondInstallationChangesNoGateAndSaysSo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> GateInstallation.install(null, null, new RecordingAuth("second")));
        assertEquals("nothing changed: the auth gate already holds the engine of an earlier installation;", refused.getMessage());
        CALLS.clear();
        AuthGate.enterRequest("r", "response");
        AuthGate.exitRequest();
        assertEquals(List.of("first admit r", "first leave"), CALLS);
    }

    @Test
    void reflectionCannotReplaceAnEngine() throws Exception {
        Field engine = AuthGate.class.getDeclaredField("ENGINE");
        engine.setAccessible(true);
        assertThrows(IllegalAccessException.class, () -> engine.set(null, new RecordingAuth("reflected")));
        assertThrows(IllegalAccessException.class, () -> MethodHandles.privateLookupIn(AuthGate.class, MethodHandles.lookup())
                .findStaticSetter(AuthGate.class, "ENGINE", AuthGate.Checker.class));
        assertSame(ENGINE, AuthGate.engine());
    }
}
