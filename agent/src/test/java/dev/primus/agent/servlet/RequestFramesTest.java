package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which container entries judge their request: the outermost one that carries it, and no other. */
class RequestFramesTest {
    private final RequestFrames frames = new RequestFrames();

    @Test
    void anEntryForTheRequestAnOuterEntryCarriesIsNested() {
        Object request = new Object();
        assertFalse(frames.push(request, null), "the container's entry");
        assertTrue(frames.push(request, null), "the filter chain re-entered for the next filter");
        frames.pop();
        frames.pop();
        assertFalse(frames.push(request, null), "the next request on this pooled thread is judged again");
    }

    @Test
    void anEntryLeftBehindByTheAppNeverExemptsAnotherRequest() {
        frames.push(new Object(), null); // entered from the app's own code, never left
        assertFalse(frames.push(new Object(), null), "a real request after it is judged");
    }

    /** A container that recycles its request objects, and clears their attributes when it does (Tomcat). */
    private static final class RecyclingContainer implements RequestFrames.Attributes {
        final Map<Object, Map<String, Object>> attributes = new IdentityHashMap<>();

        @Override
        public Object attribute(Object request, String name) {
            return attributes.getOrDefault(request, Map.of()).get(name);
        }

        @Override
        public void setAttribute(Object request, String name, Object value) {
            attributes.computeIfAbsent(request, r -> new HashMap<>()).put(name, value);
        }

        void recycle(Object request) {
            attributes.remove(request);
        }
    }

    /**
     * The app enters through the public gate during a request and never leaves: the container's
     * leaving pops that frame, and its own frame stays, carrying the request object the container
     * reuses for the thread's next request. That request is judged, not taken as nested.
     */
    @Test
    void aFrameLeftBehindOnARecycledRequestObjectNeverExemptsTheNextRequest() {
        RecyclingContainer container = new RecyclingContainer();
        Object recycled = new Object();
        assertFalse(frames.push(recycled, container), "request 1: the container's entry judges it");
        assertTrue(frames.push(recycled, container), "the app's own call to the gate: nested, and never left");
        frames.pop(); // the container's leaving
        container.recycle(recycled);
        assertFalse(frames.push(recycled, container), "request 2 on the same object and thread is judged");
        assertTrue(frames.push(recycled, container), "its own filter chain re-entered is nested");
    }

    /** The frames below a request the thread starts serving are an earlier request's: dropped, its own kept and marked. */
    @Test
    void leftoverFramesAreDroppedAndTheRequestKeepsItsOwn() {
        RecyclingContainer container = new RecyclingContainer();
        Object earlier = new Object();
        frames.push(earlier, container);
        frames.markMdcSet();
        Object next = new Object();
        assertFalse(frames.push(next, container));
        assertTrue(frames.hasFramesBelow());
        assertTrue(frames.dropAllButInnermost(next, container), "the earlier frame had set MDC keys");
        assertFalse(frames.hasFramesBelow());
        assertTrue(frames.push(next, container), "its filter chain re-entered is still nested");
        frames.pop();
        frames.pop();
        assertTrue(frames.isEmpty(), "its own leaving empties the thread");
    }

    @Test
    void onlyTheFrameThatSetMdcKeysReportsThemWhenItLeaves() {
        Object request = new Object();
        frames.push(request, null);
        frames.markMdcSet();
        frames.push(request, null);
        assertFalse(frames.pop(), "the nested entry set nothing");
        assertTrue(frames.pop(), "the outermost entry set the keys");
        assertFalse(frames.pop(), "leaving more often than entering is harmless");
    }

    @Test
    void entriesBeyondTheBoundStillPair() {
        Object request = new Object();
        for (int i = 0; i < 40; i++) {
            frames.push(request, null);
        }
        for (int i = 0; i < 40; i++) {
            frames.pop();
        }
        assertFalse(frames.push(request, null));
    }
}
