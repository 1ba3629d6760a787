package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A refusal in a retry loop is one event and a summary, and never pushes other events out of the queue. */
class RepeatedEventsTest {
    private static AuditEvent denial(String host) {
        return AuditEvent.of("egress", "denied").rule("egress.default").reason("denied by egress.default")
                .target(new Target(null, host, "203.0.113.7", 443, null)).context("caller", "com.example.Retry.loop").build();
    }

    @Test
    void aStormIsOneEventAndASummaryAndTheQueueKeepsRoomForOthers() {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(sink)).start(List.of());
        for (int i = 0; i < 100_000; i++) {
            assertTrue(pipeline.offer(denial("exfil.example")));
            if (i == 50_000) {
                assertTrue(pipeline.offer(AuditEvent.of("auth", "denied").reason("no credentials").build()));
            }
        }
        pipeline.shutdown(5_000);
        assertEquals(0, pipeline.droppedSinceStart(), "the storm filled no queue");
        List<String> storm = sink.lines.stream().filter(line -> line.contains("exfil.example")).collect(Collectors.toList());
        assertEquals(2, storm.size(), storm.toString());
        assertTrue(storm.get(0).contains("\"reason\":\"denied by egress.default\""), storm.get(0));
        assertTrue(storm.get(1).contains("\"reason\":\"denied by egress.default (repeated 99999 more times since the last report)\"")
                && storm.get(1).contains("\"caller\":\"com.example.Retry.loop\"") && storm.get(1).contains("\"repeated\":\"99999\""),
                storm.get(1));
        assertTrue(sink.lines.stream().anyMatch(line -> line.contains("\"reason\":\"no credentials\"")));
    }

    @Test
    void anotherDestinationOrCallerIsAnotherDecisionAndAllowedEventsAllPass() {
        RepeatedEvents repeats = new RepeatedEvents();
        assertTrue(repeats.firstOf(denial("a.example")));
        assertTrue(repeats.firstOf(denial("b.example")));
        assertTrue(!repeats.firstOf(denial("a.example")));
        assertTrue(repeats.firstOf(AuditEvent.of("egress", "denied").rule("egress.default").reason("denied by egress.default")
                .target(new Target(null, "a.example", "203.0.113.7", 443, null)).context("caller", "com.example.Other.call").build()));
        AuditEvent allowed = AuditEvent.of("auth", "allowed").reason("authenticated").build();
        assertTrue(repeats.firstOf(allowed));
        assertTrue(repeats.firstOf(allowed));
    }

    @Test
    void aDecisionQuietForAWholePeriodIsWrittenAgainWhenItReturns() {
        RepeatedEvents repeats = new RepeatedEvents();
        assertTrue(repeats.firstOf(denial("a.example")));
        assertTrue(!repeats.firstOf(denial("a.example")));
        assertEquals(1, repeats.collect().size(), "the repeat is summed up");
        assertEquals(0, repeats.collect().size(), "a quiet period: nothing to say");
        assertEquals(0, repeats.collect().size());
        assertTrue(repeats.firstOf(denial("a.example")), "forgotten after a quiet period: the new storm's first is written");
    }

    @Test
    void theSameRefusalInAnotherRequestIsTheSameStorm() {
        RepeatedEvents repeats = new RepeatedEvents();
        assertTrue(repeats.firstOf(AuditEvent.of("auth", "would_deny").reason("no credentials").context("trace_id", "a1")
                .context("route", "/api/orders").build()));
        assertTrue(!repeats.firstOf(AuditEvent.of("auth", "would_deny").reason("no credentials").context("trace_id", "b2")
                .context("route", "/api/orders").build()), "another request's trace id makes no other decision");
        assertTrue(repeats.firstOf(AuditEvent.of("auth", "would_deny").reason("no credentials").context("trace_id", "c3")
                .context("route", "/api/refunds").build()), "another route is another decision");
    }
}
