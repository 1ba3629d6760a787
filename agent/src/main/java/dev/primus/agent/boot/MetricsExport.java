package dev.primus.agent.boot;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.control.KillSwitch;
import dev.primus.agent.logging.MaskingReport;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.metrics.MetricsServer;
import dev.primus.agent.metrics.Readings;
import dev.primus.agent.metrics.ScrapedValues;
import dev.primus.agent.status.HookLedger;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.MetricsConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Turns metrics on when {@code metrics.prometheus.port} is set: the guards count into
 * {@link AgentMetrics}, the numbers the agent keeps elsewhere (audit sinks, masked values, hooks,
 * failures, the policy's generation, the switches) are read at scrape time, and
 * {@code GET /metrics} is served on an agent daemon thread, bound after premain so that an app's
 * start never waits for it. The same numbers are the MBean {@code dev.primus:type=Metrics},
 * registered with the status MBean. Off (no port), nothing is counted and the guards pay nothing.
 */
final class MetricsExport {
    private MetricsExport() {
    }

    /** The metrics the guards count into, or null when {@code metrics.prometheus.port} is not set. */
    static AgentMetrics forConfig(MetricsConfig config) {
        return config.prometheusPort() > 0 ? new AgentMetrics() : null;
    }

    /** Registers what is read at scrape time and starts serving; does nothing when {@code metrics} is null. */
    static void start(final AgentMetrics metrics, MetricsConfig config, final AuditPipeline audit, final LivePolicy live,
                      final HookLedger hooks, final boolean policyWritable) {
        if (metrics == null) {
            return;
        }
        final MaskingReport masking = live.maskingReport();
        metrics.maskedValuesFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                if (masking != null) {
                    for (Map.Entry<String, Long> detector : masking.maskedSinceStart().entrySet()) {
                        readings.add(detector.getKey(), detector.getValue());
                    }
                }
            }
        });
        metrics.auditEventsFrom(new ScrapedValues() {
            @Override
            public void readInto(final Readings readings) {
                audit.readSinkCounts(new AuditPipeline.SinkCounts() {
                    @Override
                    public void sink(String name, long written, long dropped, long buffered) {
                        readings.add(name, "written", written);
                        readings.add(name, "dropped", dropped);
                    }
                });
            }
        });
        metrics.auditBufferedFrom(new ScrapedValues() {
            @Override
            public void readInto(final Readings readings) {
                audit.readSinkCounts(new AuditPipeline.SinkCounts() {
                    @Override
                    public void sink(String name, long written, long dropped, long buffered) {
                        readings.add(name, buffered);
                    }
                });
            }
        });
        metrics.hooksFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add("armed", hooks.waitingCount());
                readings.add("woven", hooks.wovenCount());
                readings.add("missed", hooks.missedHooks().size());
            }
        });
        metrics.missedHooksFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                for (String hook : hooks.missedHooks()) {
                    readings.add(hook, 1);
                }
            }
        });
        metrics.agentFailuresFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add(AgentFailures.count());
            }
        });
        metrics.policyGenerationFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add(live.generation());
            }
        });
        metrics.killSwitchFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add(KillSwitch.engaged() ? 1 : 0);
            }
        });
        metrics.policyWritableFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                readings.add(policyWritable ? 1 : 0);
            }
        });
        serve(new MetricsServer(metrics.registry(), config.bind(), config.prometheusPort()), config.bind());
    }

    /** Binds on a thread of its own: premain returns without waiting for the port. */
    private static void serve(final MetricsServer server, final String bind) {
        Thread binder = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    int port = server.start();
                    PrimusLog.info("metrics on http://" + (bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind) + ":" + port + "/metrics");
                } catch (IOException cannot) {
                    PrimusLog.warn(cannot.getMessage() + "; the guards run on, without the endpoint");
                } catch (RuntimeException failure) {
                    AgentFailures.record("metrics endpoint", failure);
                }
            }
        }, "primus-metrics-start");
        binder.setDaemon(true);
        binder.start();
    }
}
