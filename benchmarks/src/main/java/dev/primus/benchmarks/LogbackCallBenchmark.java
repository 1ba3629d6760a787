package dev.primus.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;

/**
 * A Logback {@code log.info} with two arguments to a (buffered) file appender writing to
 * {@code /dev/null}, in a JVM without the agent
 * and in one with it (masking enforced, every default detector), alternating in the same run.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.primus.benchmarks.LogbackCallBenchmark [AGENT_JAR] [ROUNDS]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogbackCallBenchmark {
    private LoggerContext context;
    private Logger log;
    private Path file;
    private long order = 1_000_000;

    @Setup
    public void setUp() {
        // /dev/null: the appender's whole path runs (layout, encoder, buffered stream, write), but
        // a million lines a second never queue on this machine's disk, whose write-back stalls
        // would be the figure otherwise (10 us and more per call, varying by as much).
        file = Path.of("/dev/null");
        // The context SLF4J set up, as in an app: a bare new LoggerContext has no MDC adapter.
        context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        // Buffered, as services that log much configure it.
        appender.setImmediateFlush(false);
        appender.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("bench.orders");
        logger.addAppender(appender);
        logger.setAdditive(false);
        log = logger;
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public void infoWithTwoArguments() {
        log.info("order {} shipped to warehouse {} on the morning route", order++, "north-7");
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = Path.of(args.length > 0 ? args[0] : "agent/target/primus-agent.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        new AgentComparison(LogbackCallBenchmark.class, agentJar, "service: bench\nmode: enforce\negress:\n  mode: \"off\"\n"
                + "logging:\n  masking:\n    mode: enforce\naudit:\n  sinks:\n    - type: file\n      path: /dev/null\n")
                .run(rounds, "Logback log.info with two arguments to a file appender", "ns");
    }
}
