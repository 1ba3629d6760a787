/**
 * The overhead harness: what an agent costs an app the operator names, measured from outside
 * the app, every configuration against a run without an agent.
 *
 * <p>Why it is built this way:
 * <ul>
 * <li>Alternating rounds and per-round ratios. On a shared machine drift moves every figure by
 *     more than an agent does; launches in the same round are neighbours in time, so the
 *     ratio of a configuration to {@code none} in that round cancels most of it. The order is
 *     rotated each round so no configuration always runs first. The median of the ratios is
 *     the figure; their min-max range is shown, and a range that includes 1.0 is reported as
 *     not distinguishable from no agent, rather than as a small overhead.
 * <li>Two load models. A closed loop (each answer sends the next request) finds capacity; it
 *     cannot measure latency honestly, since it stops sending while the app stalls. The
 *     fixed-rate phase is an open model: requests are due on a schedule and each latency is
 *     timed from when it was due (coordinated omission corrected, as wrk2 and HdrHistogram do).
 * <li>The generator accounts for itself: it runs pinned to other CPUs than the app, and counts
 *     the requests it sent late and its worst lag, which the report prints beside the figures.
 * <li>The generator must be cheaper than the app, or the harness measures itself. The JDK's
 *     HttpClient costs hundreds of microseconds of CPU a request on a small VM; the default
 *     client ({@link dev.primus.benchmarks.overhead.KeepAliveRequester}) writes pre-encoded
 *     requests on plain keep-alive sockets and parses answers in place
 *     ({@link dev.primus.benchmarks.overhead.ResponseReader}). Its send never blocks (the open
 *     model's pacing thread keeps its schedule); worker threads, one per connection, take
 *     requests from a queue, and there are at most {@code --connections} of them, as in wrk2:
 *     requests due while all are busy wait and are timed from when they were due. A connection
 *     per waiting request would, in a stall, overflow the app's listen backlog and add the
 *     kernel's one-second SYN retry to the latencies.
 * <li>Every answer is accounted for ({@link dev.primus.benchmarks.overhead.AnswerTally}), by
 *     request of the mix and status: a run whose requests an agent refuses measures the
 *     refusal, so any non-2xx is a warning at the top of the report. With the agent's metrics,
 *     so are the agent's own failures: it fails open, and a launch where it did skipped work.
 * <li>The agent's own time is optional evidence, not a measurement of the harness: read from
 *     its endpoint between phases, never during one, and absent without a word for {@code none}.
 * <li>Charts from the data already kept: latency by percentile from each configuration's rounds
 *     merged into one histogram (a median round would drop most of the tail), on HdrHistogram's
 *     log10(1/(1-p)) axis; bars at the median of the rounds with a min-max whisker. Written as
 *     SVG by a small writer ({@link dev.primus.benchmarks.overhead.SvgDocument}): no plotting
 *     dependency for a handful of lines and rectangles.
 * <li>Memory and CPU from the kernel (/proc/PID/status VmHWM and VmRSS, /proc/PID/stat utime
 *     and stime): nothing is added to the app to measure it. The JIT compiler's threads are read
 *     apart (/proc/PID/task), since on few CPUs an app compiles for minutes and an agent adds
 *     code to compile: a throughput taken meanwhile measures the warm-up's progress as much as a
 *     request's cost ({@link dev.primus.benchmarks.overhead.CompilerCpu}).
 * </ul>
 */
package dev.primus.benchmarks.overhead;
