package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthGateTest {
    private final List<String> calls = new ArrayList<>();

    /** Answers requests named "refuse", swaps "swap", throws on "fail". */
    private final AuthGate.Checker engine = new AuthGate.Checker() {
        @Override
        public Object admit(Object request, Object response) {
            calls.add("admit " + request);
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
            calls.add("handler " + handler);
            return handler;
        }

        @Override
        public void leave() {
            calls.add("leave");
        }
    };

    @AfterEach
    void uninstall() {
        AuthGate.install(null);
    }

    @Test
    void withoutAnEngineEveryRequestGoesThroughUntouched() {
        assertSame("r", AuthGate.enterRequest("r", "response"));
        AuthGate.exitRequest();
        assertEquals(0, CallDepth.depth(CallDepth.AUTH));
    }

    @Test
    void onlyTheOutermostEntryOfAThreadIsJudgedAndCleansUp() {
        AuthGate.install(engine);
        assertEquals("swapped", AuthGate.enterRequest("swap", "response"));
        assertSame("inner", AuthGate.enterRequest("inner", "response"), "a filter re-entering the chain");
        AuthGate.exitRequest();
        AuthGate.exitRequest();
        assertEquals(List.of("admit swap", "leave"), calls);
        assertEquals(0, CallDepth.depth(CallDepth.AUTH));
    }

    @Test
    void anAnsweredRequestLeavesNoDepthBehind() {
        AuthGate.install(engine);
        assertNull(AuthGate.enterRequest("refuse", "response"));
        assertEquals(0, CallDepth.depth(CallDepth.AUTH), "the woven method returns without its exit call");
        assertEquals("next", AuthGate.enterRequest("next", "response"), "the next request is judged");
        AuthGate.exitRequest();
    }

    @Test
    void anEngineFailureLetsTheRequestGoOnUntouched() {
        AuthGate.install(engine);
        long failures = AgentFailures.count();
        assertSame("fail", AuthGate.enterRequest("fail", "response"));
        AuthGate.exitRequest();
        assertEquals(failures + 1, AgentFailures.count());
    }

    @Test
    void anExchangeIsJudgedLikeARequest() {
        AuthGate.install(engine);
        assertNull(AuthGate.enterExchange("refuse"));
        assertEquals("exchange", AuthGate.enterExchange("exchange"));
        AuthGate.exitRequest();
        assertEquals(List.of("admit refuse", "admit exchange", "leave"), calls);
    }
}
