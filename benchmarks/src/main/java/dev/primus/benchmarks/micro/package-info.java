/**
 * The micro suite: every engine's JMH benchmark in one command, with the GC profiler, summed up
 * in one table ({@link dev.primus.benchmarks.micro.MicroSuite}).
 *
 * <p>Why it is built this way:
 * <ul>
 * <li>One list ({@link dev.primus.benchmarks.micro.EngineBenchmarks}) says, per benchmark method,
 *     what path it measures, whether it is a clean path, and which baseline it is divided by. The
 *     benchmarks stay as they are and still run alone with {@code org.openjdk.jmh.Main}; a test
 *     fails when a {@code @Benchmark} of a listed class is missing from the list.
 * <li>Allocation is the verdict, time is context. On a shared 2-core machine a time moves by
 *     more than a guard costs; bytes per operation do not: a clean path allocates 0 B or at least
 *     one object's 16. So the run fails on a clean path above 0.5 B/op, never on a time. A ratio
 *     to a baseline measured in the same run is shown instead of a threshold on ns.
 * <li>The agent's rows run in JVMs with {@code -javaagent}, beside the same benchmark without
 *     it; what they allocate is judged over that twin, since Logback's call or a socket's connect
 *     allocates by itself, and less than an object per call (16 B) over it is not charged to the
 *     agent. JMH takes one set of JVM flags per run, so the suite runs JMH once per set and joins
 *     their JSON result files.
 * <li>A benchmark that cannot set up (Redis not answering) loses its own rows only, and the run
 *     exits 3 so that a missing figure is not read as a clean one.
 * </ul>
 */
package dev.primus.benchmarks.micro;
