package dev.primus.agent.audit;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MessagePassingQueue;

/**
 * The one thread that takes events off the queue, numbers and encodes them, and writes them
 * to every sink in batches. A failing sink is reported once and never stops the others.
 */
final class AuditWriter implements Runnable {
    static final int MAX_BATCH = 1024;
    /**
     * How long the writer sleeps when the queue is empty while events came lately: bounds the
     * delay before an event is written, and lets a steady trickle be written in batches with no
     * app thread ever waking the writer.
     */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Empty polls in a row, 100 ms with no event, after which the writer sleeps until an event wakes it. */
    static final int POLLS_BEFORE_QUIET = 20;
    /**
     * The longest quiet sleep, should no event wake it. Waking every 5 ms forever cost an idle
     * JVM about 1% of a CPU (200 wake-ups a second); quiet, it wakes 4 times a second.
     */
    private static final long QUIET_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final AuditQueue queue;
    private final String service;
    private final List<AuditSink> sinks;
    /** Whether some sink sends events off this host: only then are a keyed file's chain heads sent out. */
    private final boolean anyRemote;
    private List<Callable<AuditEvent>> firstEvents = java.util.Collections.emptyList();
    /** Per sink: whether it takes OCSF; the others take the agent's own format. */
    private final boolean[] ocsf;
    private final boolean anyPrimus;
    private final boolean anyOcsf;
    private final String productVersion;
    private AuditJson json;
    private OcsfJson ocsfJson;
    private final List<AuditEvent> batch = new ArrayList<AuditEvent>(MAX_BATCH);
    /** The batch as open lines of each format in use, event for event. */
    private final List<String> lines = new ArrayList<String>(MAX_BATCH);
    private final List<String> ocsfLines = new ArrayList<String>(MAX_BATCH);
    private final MessagePassingQueue.Consumer<AuditEvent> collect = new MessagePassingQueue.Consumer<AuditEvent>() {
        @Override
        public void accept(AuditEvent event) {
            batch.add(event);
        }
    };
    private final List<AuditPipeline.Report> reports = new java.util.concurrent.CopyOnWriteArrayList<AuditPipeline.Report>();
    private final long reportPeriodNanos;
    private long lastReportNanos = System.nanoTime();
    /** Set while the writer sleeps until woken: the next offer wakes it ({@link AuditPipeline#offer}). */
    private volatile boolean quiet;
    private int emptyPolls;
    private long quietParkNanos = QUIET_PARK_NANOS;
    private volatile boolean running = true;
    /** The event written after every other at shutdown (the agent's stopped), or null. */
    private volatile AuditEvent last;
    private long seq;
    /** Per sink: events lost since the last report because it could not write them, and why. */
    private final long[] lost;
    private final String[] lostWhy;
    private final boolean[] failing;
    /** Per sink, since start, for the metrics: events it took, and events it lost because it could not write them. */
    private final AtomicLongArray writtenSinceStart;
    private final AtomicLongArray lostSinceStart;

    AuditWriter(AuditQueue queue, String service, List<AuditSink> sinks, long reportPeriodNanos) {
        this(queue, service, sinks, new boolean[sinks.size()], "unknown", reportPeriodNanos);
    }

    /** A writer whose sinks take OCSF where {@code ocsf} says so, naming the agent {@code productVersion} in it. */
    AuditWriter(AuditQueue queue, String service, List<AuditSink> sinks, boolean[] ocsf, String productVersion,
                long reportPeriodNanos) {
        this.queue = queue;
        this.service = service;
        this.sinks = sinks;
        this.ocsf = ocsf.clone();
        this.productVersion = productVersion;
        this.reportPeriodNanos = reportPeriodNanos;
        boolean primus = false;
        boolean anyOcsf = false;
        for (boolean takesOcsf : ocsf) {
            primus |= !takesOcsf;
            anyOcsf |= takesOcsf;
        }
        this.anyPrimus = primus;
        this.anyOcsf = anyOcsf;
        boolean remote = false;
        for (AuditSink sink : sinks) {
            remote |= sink.remote();
        }
        this.anyRemote = remote;
        this.lost = new long[sinks.size()];
        this.lostWhy = new String[sinks.size()];
        this.failing = new boolean[sinks.size()];
        this.writtenSinceStart = new AtomicLongArray(sinks.size());
        this.lostSinceStart = new AtomicLongArray(sinks.size());
        reports.add(new AuditPipeline.Report() {
            @Override
            public List<AuditEvent> collect() {
                return lossReports();
            }
        });
    }

    void addReport(AuditPipeline.Report report) {
        reports.add(report);
    }

    /**
     * Events the writer builds and writes before any other, set before its thread starts: the
     * agent's start-up events, whose facts (a config hash, the host name) are too slow to
     * gather on the app's main thread during premain.
     */
    void firstEvents(List<Callable<AuditEvent>> events) {
        this.firstEvents = events;
    }

    @Override
    public void run() {
        encoders();
        writeFirstEvents();
        while (running) {
            try {
                try {
                    writeOrWait();
                } catch (Throwable failure) {
                    // Thread.stop from app code (JDK 8 to 19: a ThreadDeath thrown into this thread) or a
                    // failure no sink caught: the trail goes on. Said once per kind, as every failure is.
                    AgentFailures.record("audit writer", failure);
                }
            } catch (Throwable stoppedAgain) {
                // A second Thread.stop while the first was being recorded: still not the end of the trail.
            }
        }
        // The order a reader of the trail relies on: what the guards counted since the last
        // period, what was still queued, where each keyed file's chain ends, then stopped.
        collectReports();
        while (writeOnce()) {
            // Drain what is left after stop was asked.
        }
        // Again, for what that drain itself lost or dropped: reports give what changed since the last.
        collectReports();
        writeOnce();
        offerChainHeads(true);
        writeOnce();
        if (last != null) {
            queue.offer(last);
            writeOnce();
        }
        for (AuditSink sink : sinks) {
            try {
                sink.close();
            } catch (Throwable failure) {
                AgentFailures.record("audit sink " + sink.name(), failure);
            }
        }
    }

    private void writeOrWait() {
        if (System.nanoTime() - lastReportNanos >= reportPeriodNanos) {
            collectReports();
        }
        if (writeOnce()) {
            emptyPolls = 0;
        } else if (++emptyPolls < POLLS_BEFORE_QUIET) {
            clearInterrupt();
            LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        } else {
            sleepUntilWoken();
        }
    }

    /** Queues the events of every report; the writer's own offers go through the queue like any other. */
    private void collectReports() {
        lastReportNanos = System.nanoTime();
        for (AuditPipeline.Report report : reports) {
            try {
                for (AuditEvent event : report.collect()) {
                    queue.offer(event);
                }
            } catch (Throwable failure) {
                AgentFailures.record("audit report", failure);
            }
        }
    }

    private void encoders() {
        if (json == null) {
            json = new AuditJson(service, ProcessIdentity.host(), ProcessIdentity.pid());
            ocsfJson = anyOcsf ? new OcsfJson(service, ProcessIdentity.host(), ProcessIdentity.pid(), productVersion) : null;
        }
    }

    private void writeFirstEvents() {
        clearLines();
        long first = seq + 1;
        for (Callable<AuditEvent> event : firstEvents) {
            try {
                encode(event.call());
            } catch (Throwable failure) {
                AgentFailures.record("audit start-up event", failure);
            }
        }
        writeLines(first);
    }

    private void clearLines() {
        lines.clear();
        ocsfLines.clear();
    }

    /**
     * Numbers {@code event} and adds it to the batch in every format in use; an event that cannot
     * be encoded in one of them is left out of all, so each format's lines stay event for event.
     */
    private void encode(AuditEvent event) {
        try {
            String primus = anyPrimus ? json.open(event, seq + 1) : null;
            String inOcsf = anyOcsf ? ocsfJson.open(event, seq + 1) : null;
            seq++;
            if (anyPrimus) {
                lines.add(primus);
            }
            if (anyOcsf) {
                ocsfLines.add(inOcsf);
            }
        } catch (Throwable failure) {
            // One malformed event must never end the only writer thread.
            AgentFailures.record("audit event encoding", failure);
        }
    }

    /**
     * Sleeps until an offer wakes the writer, the next report is due, or the quiet park
     * ({@link #QUIET_PARK_NANOS}) passed. {@code quiet} is set before the queue is looked at, and
     * an offer reads it after its event is in: either the look finds the event or the offer finds
     * the writer quiet.
     */
    private void sleepUntilWoken() {
        quiet = true;
        if (queue.isEmpty() && running) {
            long untilReport = reportPeriodNanos - (System.nanoTime() - lastReportNanos);
            clearInterrupt();
            LockSupport.parkNanos(this, Math.max(0, Math.min(quietParkNanos, untilReport)));
        }
        quiet = false;
    }

    /** Whether the writer sleeps until an offer wakes it. */
    boolean isQuiet() {
        return quiet;
    }

    /** For tests, before the thread starts: a quiet sleep so long that only a wake-up ends it in time. */
    void quietParkNanos(long nanos) {
        this.quietParkNanos = nanos;
    }

    /** Writes one batch; false when there was nothing to write. */
    boolean writeOnce() {
        encoders();
        batch.clear();
        queue.drain(collect, MAX_BATCH);
        long dropped = queue.takeDropped();
        if (batch.isEmpty() && dropped == 0) {
            return false;
        }
        clearLines();
        long first = seq + 1;
        for (AuditEvent event : batch) {
            encode(event);
        }
        if (dropped > 0) {
            encode(droppedReport(dropped));
        }
        writeLines(first);
        offerChainHeads(false);
        return true;
    }

    /** Queues the chain heads that are due (all, with {@code now}), when some sink takes them off the host. */
    private void offerChainHeads(boolean now) {
        if (!anyRemote) {
            return;
        }
        for (AuditSink sink : sinks) {
            AuditEvent head = sink.chainHead(now);
            if (head != null) {
                queue.offer(head);
            }
        }
    }

    /** Hands the batch, numbered from {@code firstSeq}, to every sink; a sink that fails loses it, counted. */
    private void writeLines(long firstSeq) {
        int count = anyPrimus ? lines.size() : ocsfLines.size();
        if (count == 0) {
            return;
        }
        for (int i = 0; i < sinks.size(); i++) {
            AuditSink sink = sinks.get(i);
            try {
                sink.write(ocsf[i] ? ocsfLines : lines, firstSeq);
                writtenSinceStart.addAndGet(i, count);
                if (failing[i]) {
                    failing[i] = false;
                    PrimusLog.info("audit sink " + sink.name() + " writes again");
                }
            } catch (Throwable failure) {
                // A disk that is full or gone is not an agent fault: said once per outage, counted, reported.
                lost[i] += count;
                lostSinceStart.addAndGet(i, count);
                lostWhy[i] = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                if (!failing[i]) {
                    failing[i] = true;
                    PrimusLog.warn("audit sink " + sink.name() + " cannot be written (" + lostWhy[i] + "); its events are "
                            + "lost until it can, counted and reported to the other sinks");
                }
            }
        }
    }

    /** The sinks that lost events since the last report, one {@code audit} event each. */
    private List<AuditEvent> lossReports() {
        List<AuditEvent> events = new ArrayList<AuditEvent>();
        for (int i = 0; i < sinks.size(); i++) {
            if (lost[i] > 0) {
                events.add(AuditEvent.of("audit", "error")
                        .rule("audit.sinks")
                        .reason("lost " + lost[i] + " event" + (lost[i] == 1 ? "" : "s") + " for " + sinks.get(i).name()
                                + ": it cannot be written: " + lostWhy[i])
                        .detail("lost", Long.toString(lost[i]))
                        .detail("sink", sinks.get(i).name())
                        .build());
                lost[i] = 0;
            }
        }
        return events;
    }

    /** Events sink {@code i} took since start. */
    long writtenSinceStart(int i) {
        return writtenSinceStart.get(i);
    }

    /** Events sink {@code i} lost since start because it could not write them. */
    long lostSinceStart(int i) {
        return lostSinceStart.get(i);
    }

    List<AuditSink> sinks() {
        return sinks;
    }

    /** The sinks that cannot take events now, each as {@code NAME: why}; checked before the writer starts. */
    List<String> unwritableSinks() {
        List<String> problems = new ArrayList<String>();
        for (AuditSink sink : sinks) {
            String why = sink.unwritable();
            if (why != null) {
                problems.add(sink.name() + ": " + why);
            }
        }
        return problems;
    }

    private static AuditEvent droppedReport(long dropped) {
        return AuditEvent.of("audit", "error")
                .rule("audit.queue_capacity")
                .reason("dropped " + dropped + " event" + (dropped == 1 ? "" : "s") + ": the audit queue was full")
                .detail("dropped", Long.toString(dropped))
                .build();
    }

    /** Asks the writer to drain what is queued, write {@code lastEvent} (if any) after all else, close the sinks and end. */
    void requestStop(AuditEvent lastEvent) {
        last = lastEvent;
        running = false;
    }

    /**
     * Clears an interrupt before parking: a park returns at once while one is set, and only code in
     * the app interrupts this thread, which would spin it on a core; said once, counted.
     */
    private static void clearInterrupt() {
        if (Thread.interrupted()) {
            AgentFailures.record("the audit writer interrupted by code in the app; it goes on",
                    new InterruptedException());
        }
    }
}
