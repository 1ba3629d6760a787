package dev.primus.benchmarks;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditSink;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a guard's thread pays to hand one audit event on, against what an app's thread pays to hand
 * a log event to the two asynchronous loggers operators know: Log4j2's async logger (the LMAX
 * Disruptor) and Logback's AsyncAppender, each with a consumer that keeps nothing, so only the
 * hand-off is measured. Every producer offers and goes on: none of the three ever blocks here
 * (Logback's with {@code neverBlock}). Run with {@code -t 1}, {@code -t 2} and {@code -t 4}.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main AuditEnqueueBenchmark -t 2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditEnqueueBenchmark {
    private AuditPipeline pipeline;
    private org.apache.logging.log4j.Logger log4j;
    private org.apache.logging.log4j.core.LoggerContext log4jContext;
    private LoggerContext logbackContext;
    private org.slf4j.Logger logback;

    /** A sink that keeps nothing: the writer thread only drains and encodes. */
    private static final class Discard implements AuditSink {
        @Override
        public String name() {
            return "discard";
        }

        @Override
        public void write(List<String> openLines, long firstSeq) {
        }

        @Override
        public void close() {
        }
    }

    /** A Logback appender that keeps nothing. */
    private static final class Nop extends UnsynchronizedAppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        pipeline = AuditPipeline.create("bench", 65536, Collections.<AuditSink>singletonList(new Discard()))
                .start(Collections.emptyList());

        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAppender("null", "Null"));
        builder.add(builder.newAsyncLogger("bench", org.apache.logging.log4j.Level.INFO)
                .add(builder.newAppenderRef("null")).addAttribute("additivity", false));
        builder.add(builder.newRootLogger(org.apache.logging.log4j.Level.OFF));
        log4jContext = Configurator.initialize(builder.build());
        log4j = log4jContext.getLogger("bench");

        logbackContext = new LoggerContext();
        Nop nop = new Nop();
        nop.setContext(logbackContext);
        nop.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(logbackContext);
        async.setQueueSize(65536);
        async.setNeverBlock(true);
        async.addAppender(nop);
        async.start();
        ch.qos.logback.classic.Logger logger = logbackContext.getLogger("bench");
        logger.addAppender(async);
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logback = logger;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.shutdown(2000);
        Configurator.shutdown(log4jContext);
        logbackContext.stop();
    }

    /** Each producer's own count, so every event is a decision of its own (a repeat would only be counted). */
    @State(Scope.Thread)
    public static class Attempt {
        int n;
    }

    /** A denial as the egress guard audits it: built, then offered. */
    @Benchmark
    public boolean primusAuditOffer(Attempt attempt) {
        return pipeline.offer(AuditEvent.of("egress", "denied").mode("enforce").rule("egress.default")
                .reason("denied by egress.default").detail("host", "api.example.com")
                .detail("attempt", Integer.toString(attempt.n++)).build());
    }

    @Benchmark
    public void log4j2AsyncLogger(Attempt attempt) {
        log4j.info("denied {} by {} attempt {}", "api.example.com", "egress.default", attempt.n++);
    }

    @Benchmark
    public void logbackAsyncAppender(Attempt attempt) {
        logback.info("denied {} by {} attempt {}", "api.example.com", "egress.default", attempt.n++);
    }
}
