package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent jar keeps only the HdrHistogram classes the metrics reach (the jar-growth budget is
 * 0.3 MB; these are about 60 KB of the 177 KB jar). This runs the metrics in a class loader that
 * has only {@link #SHIPPED}, with every class verified, so that a list the build copies from here
 * cannot miss one. It was measured with {@code -verbose:class} over this package's tests: the
 * JVM loads some classes (DoubleHistogram, the iterators) only to verify or initialise others.
 */
class HdrHistogramClassesTest {
    static final List<String> SHIPPED = Arrays.asList(
            "AbstractHistogram", "AbstractHistogramBase", "AbstractHistogramIterator", "AtomicHistogram",
            "ConcurrentHistogram", "DoubleHistogram", "DoubleValueRecorder", "EncodableHistogram", "Histogram",
            "HistogramIterationValue", "IntervalHistogramProvider", "PackedConcurrentHistogram", "PercentileIterator",
            "RecordedValuesIterator", "Recorder", "Recorder$InternalAtomicHistogram", "Recorder$InternalConcurrentHistogram",
            "Recorder$InternalPackedConcurrentHistogram", "ValueRecorder", "WriterReaderPhaser");

    /** What the metrics do with HdrHistogram: time, record past the range, scrape, write both formats. */
    public static final class Scenario implements Runnable {
        @Override
        public void run() {
            AgentMetrics metrics = PopulatedMetrics.create();
            for (String module : new String[] {AgentMetrics.EGRESS, AgentMetrics.AUTH, AgentMetrics.LOGGING}) {
                SampledTimer timer = metrics.decisionTimer(module);
                for (int i = 0; i < 10 * SampledTimer.ONE_IN; i++) {
                    timer.endSample(timer.startSample());
                }
                timer.record(5_000_000_000L);
            }
            for (int scrape = 0; scrape < 2; scrape++) {
                String text = ExpositionFormat.PROMETHEUS_TEXT.write(metrics.registry().scrape());
                String openMetrics = ExpositionFormat.OPEN_METRICS.write(metrics.registry().scrape());
                if (!text.contains("primus_decision_duration_seconds_count{module=\"auth\"}") || !openMetrics.endsWith("# EOF\n")) {
                    throw new AssertionError(text);
                }
            }
        }
    }

    /** Defines the metrics classes and the listed HdrHistogram classes itself; refuses every other HdrHistogram class. */
    private static final class OnlyShippedClasses extends ClassLoader {
        OnlyShippedClasses(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    if (name.startsWith("org.HdrHistogram.")) {
                        if (!SHIPPED.contains(name.substring("org.HdrHistogram.".length()))) {
                            throw new ClassNotFoundException(name + " is not among the HdrHistogram classes the agent jar keeps");
                        }
                        loaded = define(name);
                    } else if (name.startsWith("dev.primus.agent.metrics.")) {
                        loaded = define(name);
                    } else {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, read);
                }
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            } catch (IOException unreadable) {
                throw new ClassNotFoundException(name, unreadable);
            }
        }
    }

    @Test
    void theMetricsNeedNoHdrHistogramClassBeyondTheShippedList() throws Exception {
        ClassLoader loader = new OnlyShippedClasses(HdrHistogramClassesTest.class.getClassLoader());
        Class<?> scenario = loader.loadClass(Scenario.class.getName());
        assertTrue(scenario.getClassLoader() == loader, "the scenario runs on the filtered classes");
        ((Runnable) scenario.getDeclaredConstructor().newInstance()).run();
    }

    @Test
    void theFilterIsReal() {
        ClassLoader loader = new OnlyShippedClasses(HdrHistogramClassesTest.class.getClassLoader());
        try {
            loader.loadClass("org.HdrHistogram.HistogramLogReader");
            throw new AssertionError("an unlisted class loaded");
        } catch (ClassNotFoundException refused) {
            assertTrue(refused.getMessage().contains("not among"), refused.getMessage());
        }
    }
}
