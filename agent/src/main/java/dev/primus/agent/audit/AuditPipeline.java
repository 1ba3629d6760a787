package dev.primus.agent.audit;

import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.AuditConfig;
import dev.primus.config.AuditSinkConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** The audit queue, its writer thread and its sinks, built from the {@code audit} section. */
public final class AuditPipeline {
    /** How often reports are collected: a guard's counts are audited at most once a minute. */
    static final long REPORT_PERIOD_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    /** Events a guard gathers from its own counters when the writer asks, on the writer's thread. */
    public interface Report {
        List<AuditEvent> collect();
    }

    private final AuditQueue queue;
    private final AuditWriter writer;
    private final Thread thread;
    private final List<String> sinkNames;
    private final RepeatedEvents repeats = new RepeatedEvents();
    private final List<RemoteSink> remoteSinks = new ArrayList<RemoteSink>();
    /** The longest a sink's close may take: a shutdown waits that much more than its own drain. */
    private final long closeMillis;

    private AuditPipeline(AuditQueue queue, AuditWriter writer, Thread thread, List<String> sinkNames, long closeMillis) {
        this.queue = queue;
        this.writer = writer;
        this.thread = thread;
        this.sinkNames = sinkNames;
        this.closeMillis = closeMillis;
        writer.addReport(repeats);
    }

    /** Each remote sink that dropped events since start because its buffer was full, as {@code NAME: N}. */
    public List<String> remoteDropsSinceStart() {
        List<String> drops = new ArrayList<String>();
        for (RemoteSink sink : remoteSinks) {
            if (sink.droppedSinceStart() > 0) {
                drops.add(sink.name() + ": " + sink.droppedSinceStart());
            }
        }
        return drops;
    }

    /** {@link #create(String, AuditConfig, String)} for an agent of unknown version. */
    public static AuditPipeline create(String service, AuditConfig config) {
        return create(service, config, "unknown");
    }

    /**
     * Builds the queue and the sinks; events offered before {@link #start} wait in the queue.
     * {@code productVersion} is the agent's, which OCSF events name.
     */
    public static AuditPipeline create(String service, AuditConfig config, String productVersion) {
        List<AuditSink> sinks = new ArrayList<AuditSink>();
        List<Boolean> ocsf = new ArrayList<Boolean>();
        for (AuditSinkConfig sink : config.sinks()) {
            int before = sinks.size();
            switch (sink.type()) {
                case FILE:
                    sinks.add(new FileSink(new File(sink.path()), sink.maxSizeBytes(), sink.maxFiles(), sink.hashChain(),
                            sink.chainKey() == null ? null : sink.chainKey().trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            sink.chainHeadEvery()));
                    break;
                case STDOUT:
                    sinks.add(StdStreamSink.stdout());
                    break;
                case STDERR:
                    sinks.add(StdStreamSink.stderr());
                    break;
                case NATS:
                    try {
                        sinks.add(dev.primus.agent.audit.nats.NatsSink.create(sink.url(), sink.subject(), sink.nats()));
                    } catch (IllegalArgumentException badUrl) {
                        PrimusLog.warn("audit sink " + sink.describe() + " left out: " + badUrl.getMessage());
                    }
                    break;
                case HTTP:
                    try {
                        sinks.add(dev.primus.agent.audit.http.HttpSink.create(sink.url(), sink.http()));
                    } catch (IllegalArgumentException badUrl) {
                        PrimusLog.warn("audit sink " + sink.describe() + " left out: " + badUrl.getMessage());
                    }
                    break;
                default:
                    PrimusLog.warn("audit sink " + sink.describe() + " is not available in this version; "
                            + "its events go to the other sinks only");
            }
            if (sinks.size() > before) {
                ocsf.add(sink.ocsf());
                AuditSink made = sinks.get(before);
                if (made instanceof RemoteSink && sink.spillPath() != null) {
                    ((RemoteSink) made).spillTo(sink.spillPath(), sink.spillMaxBytes());
                }
            }
        }
        boolean[] takesOcsf = new boolean[ocsf.size()];
        for (int i = 0; i < takesOcsf.length; i++) {
            takesOcsf[i] = ocsf.get(i);
        }
        return create(service, config.queueCapacity(), sinks, takesOcsf, productVersion, REPORT_PERIOD_NANOS);
    }

    /** A pipeline over sinks the caller made: for tests and benchmarks, which measure the queue and writer alone. */
    public static AuditPipeline create(String service, int capacity, List<AuditSink> sinks) {
        return create(service, capacity, sinks, REPORT_PERIOD_NANOS);
    }

    static AuditPipeline create(String service, int capacity, List<AuditSink> sinks, long reportPeriodNanos) {
        return create(service, capacity, sinks, new boolean[sinks.size()], "unknown", reportPeriodNanos);
    }

    static AuditPipeline create(String service, int capacity, List<AuditSink> sinks, boolean[] ocsf, String productVersion,
                                long reportPeriodNanos) {
        AuditQueue queue = new AuditQueue(capacity);
        AuditWriter writer = new AuditWriter(queue, service, sinks, ocsf, productVersion, reportPeriodNanos);
        List<String> names = new ArrayList<String>();
        long closeMillis = 0;
        for (AuditSink sink : sinks) {
            names.add(sink.name());
            closeMillis = Math.max(closeMillis, sink.closeMillis());
        }
        for (AuditSink sink : sinks) {
            if (sink instanceof Report) {
                // A remote sink reports what its own buffer dropped, as the writer does for the queue.
                writer.addReport((Report) sink);
            }
        }
        Thread thread = new Thread(writer, "primus-audit-writer");
        thread.setDaemon(true);
        AuditPipeline pipeline = new AuditPipeline(queue, writer, thread, Collections.unmodifiableList(names), closeMillis);
        for (AuditSink sink : sinks) {
            if (sink instanceof RemoteSink) {
                pipeline.remoteSinks.add((RemoteSink) sink);
            }
        }
        return pipeline;
    }

    /** Starts the writer thread, which first builds and writes {@code firstEvents}, off the caller's thread. */
    public AuditPipeline start(List<Callable<AuditEvent>> firstEvents) {
        writer.firstEvents(firstEvents);
        thread.start();
        return this;
    }

    /**
     * Offers an event from any thread without blocking; dropped and counted when the queue is full.
     * A refusal that repeats one already written is counted instead, for a summary event.
     */
    public boolean offer(AuditEvent event) {
        boolean offered = !repeats.firstOf(event) || queue.offer(event);
        if (writer.isQuiet()) {
            // The writer sleeps until woken after 100 ms with no event: the first one wakes it.
            LockSupport.unpark(thread);
        }
        return offered;
    }

    /** Whether the writer sleeps until the next offer wakes it. */
    boolean writerQuiet() {
        return writer.isQuiet();
    }

    /** The writer's thread, as code in the app could find it by its name. */
    Thread writerThread() {
        return thread;
    }

    /** For tests, before {@link #start}: see {@link AuditWriter#quietParkNanos}. */
    AuditPipeline quietParkNanos(long nanos) {
        writer.quietParkNanos(nanos);
        return this;
    }

    /** Collects {@code report} every minute and once more when the pipeline shuts down. */
    public void addReport(Report report) {
        writer.addReport(report);
    }

    public List<String> sinkNames() {
        return sinkNames;
    }

    /** The local sinks that cannot take events now, each as {@code NAME: why}; empty when all can. */
    public List<String> unwritableSinks() {
        return writer.unwritableSinks();
    }

    /** What {@link #readSinkCounts} reports, one call per sink. */
    public interface SinkCounts {
        /**
         * @param written  events the sink took since start
         * @param dropped  events it lost since start: it could not write them, or its buffer was full
         * @param buffered events a remote sink holds that its server has not taken yet
         */
        void sink(String name, long written, long dropped, long buffered);
    }

    /**
     * Each sink's counts since start, for the metrics; the queue's own drops (before any sink saw
     * the events) are reported as a sink named {@code queue}.
     */
    public void readSinkCounts(SinkCounts into) {
        List<AuditSink> sinks = writer.sinks();
        for (int i = 0; i < sinks.size(); i++) {
            AuditSink sink = sinks.get(i);
            long dropped = writer.lostSinceStart(i);
            long buffered = 0;
            if (sink instanceof RemoteSink) {
                dropped += ((RemoteSink) sink).droppedSinceStart();
                buffered = ((RemoteSink) sink).buffered();
            }
            into.sink(sink.name(), writer.writtenSinceStart(i), dropped, buffered);
        }
        // What waits for the writer: a writer held up (a sink that blocks) shows as events waiting here.
        into.sink("queue", 0, queue.droppedSinceStart(), queue.size());
    }

    /** Events dropped because the queue was full, since start. */
    public long droppedSinceStart() {
        return queue.droppedSinceStart();
    }

    /** {@link #shutdown(AuditEvent, long)} with no last event. */
    public void shutdown(long timeoutMillis) {
        shutdown(null, timeoutMillis);
    }

    /**
     * Drains every queued event into the sinks and closes them, waiting at most
     * {@code timeoutMillis}, and as long again as the slowest sink's close may take. The guards'
     * final counts, the chain heads and then {@code last} (the agent's {@code stopped}) are the
     * last events written, in that order. Says what was left when the wait ran out.
     */
    public void shutdown(AuditEvent last, long timeoutMillis) {
        writer.requestStop(last);
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis + closeMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            PrimusLog.warn("audit: the writer did not finish within " + (timeoutMillis + closeMillis) + " ms at shutdown; "
                    + queue.size() + " queued events were not written");
        }
    }
}
