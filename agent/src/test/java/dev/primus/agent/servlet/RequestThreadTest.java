package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The objects a thread judges and serves its requests with: made once, reused, and holding nothing between requests. */
class RequestThreadTest {
    private final RequestThread thread = new RequestThread(new AppSpans(), new RequestMdc());

    @Test
    void eachRequestOnAThreadIsJudgedThroughTheSameView() {
        ServletAuthRequest first = thread.view(null, new Object(), 1024);
        thread.release(first);
        ServletAuthRequest second = thread.view(null, new Object(), 1024);
        assertSame(first, second);
    }

    @Test
    void aJudgementStartedInsideAnotherGetsAViewOfItsOwn() {
        Object outerRequest = new Object();
        ServletAuthRequest outer = thread.view(null, outerRequest, 1024);
        ServletAuthRequest inner = thread.view(null, new Object(), 1024);
        assertNotSame(outer, inner);
        thread.release(inner);
        assertSame(outerRequest, outer.request(), "the outer judgement still reads its own request");
        thread.release(outer);
        assertSame(outer, thread.view(null, new Object(), 1024), "the thread's own view is free again");
    }

    @Test
    void aReleasedViewHoldsNothingOfItsRequest() {
        ServletAuthRequest view = thread.view(null, new Object(), 1024);
        thread.release(view);
        assertNull(view.request());
        assertNull(view.api());
    }

    @Test
    void aServedRequestThatLeftTellsNothing() {
        thread.served.serve(null, new Object(), "GET", "/api", null);
        thread.served.clear();
        assertArrayEquals(new String[7], thread.served.fields());
    }
}
