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
 * <li>Memory and CPU from the kernel (/proc/PID/status VmHWM and VmRSS, /proc/PID/stat utime
 *     and stime): nothing is added to the app to measure it.
 * </ul>
 */
package dev.primus.benchmarks.overhead;
