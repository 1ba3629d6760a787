package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallDepthTest {
    @Test
    void outermostCallSeesDepthZeroAndInnerCallsSeeMore() {
        assertEquals(0, CallDepth.enter(CallDepth.EGRESS));
        assertEquals(1, CallDepth.enter(CallDepth.EGRESS));
        CallDepth.exit(CallDepth.EGRESS);
        CallDepth.exit(CallDepth.EGRESS);
        assertEquals(0, CallDepth.depth(CallDepth.EGRESS));
    }

    @Test
    void guardsAreIndependent() {
        CallDepth.enter(CallDepth.EGRESS);
        assertEquals(0, CallDepth.enter(CallDepth.LOGGING));
        CallDepth.exit(CallDepth.LOGGING);
        CallDepth.exit(CallDepth.EGRESS);
    }

    @Test
    void depthIsPerThread() throws InterruptedException {
        CallDepth.enter(CallDepth.AUTH);
        AtomicInteger seenByOtherThread = new AtomicInteger(-1);
        Thread other = new Thread(() -> seenByOtherThread.set(CallDepth.depth(CallDepth.AUTH)));
        other.start();
        other.join();
        CallDepth.exit(CallDepth.AUTH);
        assertEquals(0, seenByOtherThread.get());
    }

    @Test
    void unbalancedExitNeverGoesNegative() {
        CallDepth.exit(CallDepth.AUTH);
        assertEquals(0, CallDepth.depth(CallDepth.AUTH));
    }
}
