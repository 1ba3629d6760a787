package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditPipelineTest {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern REASON = Pattern.compile("\"reason\":\"([^\"]*)\"");
    private static final Pattern LOST = Pattern.compile(
            "lost (\\d+) events? for file:/var/log/primus/audit.jsonl: it cannot be written: No space left on device");

    private static AuditEvent event(String reason) {
        return AuditEvent.of("egress", "allowed").reason(reason).build();
    }

    /**
     * After 100 ms with no event the writer sleeps until woken; here that sleep is an hour and no
     * report is due, so only the offer's wake-up can get the event written within the wait.
     */
    @Test
    void aQuietWriterIsWokenByTheNextEvent() throws Exception {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(sink), Long.MAX_VALUE / 4)
                .quietParkNanos(TimeUnit.HOURS.toNanos(1)).start(List.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pipeline.writerQuiet() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(pipeline.writerQuiet(), "the writer went quiet within 10 s of having nothing to write");
        assertTrue(pipeline.offer(event("after-quiet")));
        while (sink.lines.isEmpty() && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(5);
        }
        assertEquals(1, sink.lines.size(), "written after the wake-up, not after the hour");
        assertTrue(sink.lines.get(0).contains("\"reason\":\"after-quiet\""), sink.lines.get(0));
        pipeline.shutdown(10_000);
    }

    /**
     * Code in the app can find the writer by its name and, up to JDK 19, {@code stop()} it: the
     * trail must go on. From JDK 20 {@code Thread.stop} throws instead.
     */
    @Test
    void theWriterOutlivesAThreadStopFromTheApp() throws Exception {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(sink)).start(List.of());
        // The writer starts in premain, before any app code runs: stopped once it writes, as the app could.
        assertTrue(pipeline.offer(event("before-stop")));
        long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.lines.isEmpty() && System.nanoTime() < started) {
            Thread.sleep(5);
        }
        Thread writer = pipeline.writerThread();
        assertEquals("primus-audit-writer", writer.getName());
        try {
            Thread.class.getMethod("stop").invoke(writer);
        } catch (java.lang.reflect.InvocationTargetException refused) {
            assertTrue(refused.getCause() instanceof UnsupportedOperationException, "JDK 20 and later refuse it");
            pipeline.shutdown(10_000);
            return;
        }
        Thread.sleep(50); // the stop lands wherever the writer is: parked, or writing
        assertTrue(pipeline.offer(event("after-stop")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.lines.stream().noneMatch(line -> line.contains("after-stop")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(sink.lines.stream().anyMatch(line -> line.contains("\"reason\":\"after-stop\"")), sink.lines.toString());
        assertTrue(writer.isAlive());
        pipeline.shutdown(10_000);
    }

    @Test
    void concurrentProducersLoseNothingAndKeepEachProducersOrder() throws Exception {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 1 << 16, List.of(sink)).start(List.of());
        int producers = 4;
        int perProducer = 10_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    while (!pipeline.offer(event(producer + "-" + i))) {
                        Thread.onSpinWait();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        pipeline.shutdown(10_000);

        assertEquals(producers * perProducer, sink.lines.size());
        Set<Long> seqs = new HashSet<>();
        Map<Integer, Integer> lastIndexByProducer = new HashMap<>();
        for (String line : sink.lines) {
            Matcher seq = SEQ.matcher(line);
            assertTrue(seq.find());
            seqs.add(Long.parseLong(seq.group(1)));
            Matcher reason = REASON.matcher(line);
            assertTrue(reason.find());
            String[] parts = reason.group(1).split("-");
            int producer = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[1]);
            int last = lastIndexByProducer.getOrDefault(producer, -1);
            assertEquals(last + 1, index, "producer " + producer + " out of order");
            lastIndexByProducer.put(producer, index);
        }
        assertEquals(producers * perProducer, seqs.size(), "every event has its own seq");
        assertTrue(sink.closed);
    }

    @Test
    void reportsAreCollectedEachPeriodAndOnceMoreAtShutdown() throws Exception {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(sink), 50_000_000L).start(List.of());
        java.util.concurrent.atomic.AtomicInteger collected = new java.util.concurrent.atomic.AtomicInteger();
        pipeline.addReport(() -> List.of(event("report " + collected.incrementAndGet())));
        // The writer thread collects on its own schedule: wait for two periods' reports, bounded.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (collected.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        pipeline.shutdown(10_000);

        int periodic = collected.get() - 1;
        assertTrue(periodic >= 2, "collected every 50 ms while running: " + collected.get());
        assertEquals(collected.get(), sink.lines.size());
        assertTrue(sink.lines.get(sink.lines.size() - 1).contains("report " + collected.get()),
                "the last collection, at shutdown, is written too");
    }

    @Test
    void aFullQueueDropsCountsAndReportsTheCountOnceThereIsRoom() {
        AuditQueue queue = new AuditQueue(16);
        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            if (queue.offer(event("e" + i))) {
                accepted++;
            }
        }
        assertEquals(16, accepted);
        CapturingSink sink = new CapturingSink();
        AuditWriter writer = new AuditWriter(queue, "svc", List.of(sink), Long.MAX_VALUE);

        assertTrue(writer.writeOnce());
        assertEquals(17, sink.lines.size());
        String report = sink.lines.get(16);
        assertTrue(report.contains("\"type\":\"audit\",\"outcome\":\"error\""), report);
        assertTrue(report.contains("\"reason\":\"dropped 4 events: the audit queue was full\""), report);
        assertTrue(report.contains("\"seq\":17"), report);

        assertFalse(writer.writeOnce(), "the count is reported once, then reset");
    }

    @Test
    void shutdownDrainsEveryQueuedEventThroughASlowSink() {
        CapturingSink sink = new CapturingSink();
        sink.delayPerBatchMillis = 20;
        AuditPipeline pipeline = AuditPipeline.create("svc", 1 << 14, List.of(sink)).start(List.of());
        for (int i = 0; i < 5000; i++) {
            assertTrue(pipeline.offer(event("e" + i)));
        }
        pipeline.shutdown(10_000);
        assertEquals(5000, sink.lines.size());
        assertTrue(sink.closed);
    }

    @Test
    void shutdownWaitsNoLongerThanItsBound() {
        CapturingSink sink = new CapturingSink();
        sink.delayPerBatchMillis = 2_000;
        AuditPipeline pipeline = AuditPipeline.create("svc", 1 << 14, List.of(sink)).start(List.of());
        pipeline.offer(event("slow"));
        long start = System.nanoTime();
        pipeline.shutdown(200);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis < 1_500, "waited " + waitedMillis + " ms");
    }

    @Test
    void aFailingSinkNeverStopsTheOthers() {
        AuditSink broken = new AuditSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void write(List<String> openLines, long firstSeq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        CapturingSink sink = new CapturingSink();
        AuditQueue queue = new AuditQueue(16);
        queue.offer(event("a"));
        new AuditWriter(queue, "svc", List.of(broken, sink), Long.MAX_VALUE).writeOnce();
        assertEquals(1, sink.lines.size());
    }

    /** A sink that cannot write loses its events, counted: the other sinks are told how many, and why. */
    @Test
    void whatASinkCouldNotWriteIsReportedToTheOthers() {
        boolean[] full = {true};
        AuditSink disk = new AuditSink() {
            @Override
            public String name() {
                return "file:/var/log/primus/audit.jsonl";
            }

            @Override
            public void write(List<String> openLines, long firstSeq) throws IOException {
                if (full[0]) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void close() {
            }
        };
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(disk, sink)).start(List.of());
        for (int i = 0; i < 3; i++) {
            pipeline.offer(event("e" + i));
        }
        pipeline.shutdown(5_000);
        List<String> reasons = new ArrayList<>();
        for (String line : sink.lines) {
            Matcher reason = REASON.matcher(line);
            assertTrue(reason.find());
            reasons.add(reason.group(1));
        }
        assertEquals(List.of("e0", "e1", "e2"), reasons.subList(0, 3));
        // Counted in one report, or split by where the writer stood when shutdown asked (lost before
        // it, lost by the drain after it), and a report lost to the disk in turn is counted in the
        // next: every event lost is told, and nothing else is.
        List<String> reports = reasons.subList(3, reasons.size());
        assertTrue(!reports.isEmpty(), "the other sink is told: " + reasons);
        int told = 0;
        for (String report : reports) {
            Matcher lost = LOST.matcher(report);
            assertTrue(lost.matches(), report);
            told += Integer.parseInt(lost.group(1));
        }
        assertTrue(told >= 3 && told <= 3 + reports.size() - 1, "told " + told + " lost in " + reports);
    }

    /** At shutdown: the guards' final counts, then what was queued, then the last event, which nothing follows. */
    @Test
    void theLastEventAtShutdownFollowsTheFinalCounts() {
        CapturingSink sink = new CapturingSink();
        AuditPipeline pipeline = AuditPipeline.create("svc", 64, List.of(sink)).start(List.of());
        pipeline.addReport(() -> List.of(AuditEvent.of("masking", "allowed").reason("masked 2 values found by email").build()));
        pipeline.offer(event("queued"));
        pipeline.shutdown(AuditEvent.of("agent", "allowed").reason("stopped").build(), 5_000);
        List<String> reasons = new ArrayList<>();
        for (String line : sink.lines) {
            Matcher reason = REASON.matcher(line);
            assertTrue(reason.find());
            reasons.add(reason.group(1));
        }
        assertEquals("stopped", reasons.get(reasons.size() - 1), reasons.toString());
        assertTrue(reasons.indexOf("masked 2 values found by email") < reasons.indexOf("stopped"), reasons.toString());
        assertTrue(reasons.contains("queued"), reasons.toString());
    }
}
