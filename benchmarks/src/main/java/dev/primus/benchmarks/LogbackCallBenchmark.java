package dev.primus.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;

/**
 * A Logback {@code log.info} with two arguments to a file appender (flushed to disk, or buffered
 * to /dev/null), in a JVM without the agent
 * and in one with it (masking enforced, every default detector), alternating in the same run.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.primus.benchmarks.LogbackCallBenchmark [AGENT_JAR] [ROUNDS]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Eight warm-up seconds: the woven logging path takes longer to reach its compiled steady state,
// and a slow warm-up iteration leaking into the measurement would be charged to the agent.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogbackCallBenchmark {
    /**
     * {@code flushed}: Logback's default FileAppender, a flush per call to a file on disk, what
     * most services run; {@code buffered}: a buffered appender writing to /dev/null, the CPU cost
     * of the call alone (on this machine's disk the flushed figure varies by more than masking costs).
     */
    @Param({"flushed", "buffered"})
    public String appender;

    private LoggerContext context;
    private Logger log;
    private Path file;
    private long order = 1_000_000;

    @Setup
    public void setUp() throws java.io.IOException {
        boolean flushed = appender.equals("flushed");
        file = flushed ? Files.createTempFile("primus-logback-bench", ".log") : Path.of("/dev/null");
        // The context SLF4J set up, as in an app: a bare new LoggerContext has no MDC adapter.
        context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> fileAppender = new FileAppender<>();
        fileAppender.setContext(context);
        fileAppender.setFile(file.toString());
        fileAppender.setEncoder(encoder);
        fileAppender.setImmediateFlush(flushed);
        fileAppender.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("bench.orders");
        logger.addAppender(fileAppender);
        logger.setAdditive(false);
        log = logger;
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        context.stop();
        if (!file.toString().equals("/dev/null")) {
            Files.delete(file);
        }
    }

    @Benchmark
    public void infoWithTwoArguments() {
        log.info("order {} shipped to warehouse {} on the morning route", order++, "north-7");
    }

    public static void main(String[] args) throws Exception {
        Path agentJar = Path.of(args.length > 0 ? args[0] : "agent/target/primus-agent.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String config = "service: bench\nmode: enforce\negress:\n  mode: \"off\"\n"
                + "logging:\n  masking:\n    mode: enforce\naudit:\n  sinks:\n    - type: file\n      path: /dev/null\n";
        for (String appender : new String[] {"flushed", "buffered"}) {
            new AgentComparison(LogbackCallBenchmark.class, agentJar, config).param("appender", appender)
                    .run(rounds, "Logback log.info with two arguments, " + appender + " file appender", "ns");
        }
    }
}
