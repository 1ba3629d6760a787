package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which container entries judge their request: the outermost one that carries it, and no other. */
class RequestFramesTest {
    private final RequestFrames frames = new RequestFrames();

    @Test
    void anEntryForTheRequestAnOuterEntryCarriesIsNested() {
        Object request = new Object();
        assertFalse(frames.push(request), "the container's entry");
        assertTrue(frames.push(request), "the filter chain re-entered for the next filter");
        frames.pop();
        frames.pop();
        assertFalse(frames.push(request), "the next request on this pooled thread is judged again");
    }

    @Test
    void anEntryLeftBehindByTheAppNeverExemptsAnotherRequest() {
        frames.push(new Object()); // entered from the app's own code, never left
        assertFalse(frames.push(new Object()), "a real request after it is judged");
    }

    @Test
    void onlyTheFrameThatSetMdcKeysReportsThemWhenItLeaves() {
        Object request = new Object();
        frames.push(request);
        frames.markMdcSet();
        frames.push(request);
        assertFalse(frames.pop(), "the nested entry set nothing");
        assertTrue(frames.pop(), "the outermost entry set the keys");
        assertFalse(frames.pop(), "leaving more often than entering is harmless");
    }

    @Test
    void entriesBeyondTheBoundStillPair() {
        Object request = new Object();
        for (int i = 0; i < 40; i++) {
            frames.push(request);
        }
        for (int i = 0; i < 40; i++) {
            frames.pop();
        }
        assertFalse(frames.push(request));
    }
}
