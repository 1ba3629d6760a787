package dev.primus.benchmarks;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditSink;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
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
 * Disruptor) and Logback's AsyncAppender. Each consumer does the same work with an event: it
 * encodes it as one line of text and throws the line away (the audit writer its JSON line; the
 * loggers a pattern layout into a null stream), since on two cores a consumer's work competes
 * with the producers for the CPU, and one that does nothing would flatter its producers. Every
 * producer offers and goes on: the audit queue drops when full, Logback's AsyncAppender has
 * {@code neverBlock}, and Log4j2 waits for room as it does by default. Run with {@code -t 1},
 * {@code -t 2} and {@code -t 4}.
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
    /** What both loggers write per event: time, level, logger and message, as a typical layout does. */
    private static final String LINE_PATTERN = "%d %level %logger %msg%n";
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


    @Setup(Level.Trial)
    public void setUp() {
        pipeline = AuditPipeline.create("bench", 65536, Collections.<AuditSink>singletonList(new Discard()))
                .start(Collections.emptyList());

        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAsyncLogger("bench", org.apache.logging.log4j.Level.INFO).addAttribute("additivity", false));
        builder.add(builder.newRootLogger(org.apache.logging.log4j.Level.OFF));
        log4jContext = Configurator.initialize(builder.build());
        Configuration log4jConfig = log4jContext.getConfiguration();
        Appender lines = org.apache.logging.log4j.core.appender.OutputStreamAppender.newBuilder().setName("lines").setTarget(OutputStream.nullOutputStream())
                .setLayout(PatternLayout.newBuilder().withPattern(LINE_PATTERN).withConfiguration(log4jConfig).build())
                .build();
        lines.start();
        log4jConfig.addAppender(lines);
        log4jConfig.getLoggerConfig("bench").addAppender(lines, null, null);
        log4jContext.updateLoggers();
        log4j = log4jContext.getLogger("bench");

        logbackContext = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logbackContext);
        encoder.setPattern(LINE_PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> logbackLines = new OutputStreamAppender<ILoggingEvent>();
        logbackLines.setContext(logbackContext);
        logbackLines.setEncoder(encoder);
        logbackLines.setOutputStream(OutputStream.nullOutputStream());
        logbackLines.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(logbackContext);
        async.setQueueSize(65536);
        async.setNeverBlock(true);
        async.addAppender(logbackLines);
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
