package dev.primus.agent.audit.http;

/**
 * Splunk's HTTP Event Collector format (services/collector/event): each audit event as the
 * {@code event} of an envelope with its {@code time} in epoch seconds, so Splunk indexes it at the
 * time it happened rather than when it arrived, and {@code sourcetype} {@code _json} so its fields
 * are extracted. Several envelopes go in one body, one per line.
 */
final class SplunkHec {
    private SplunkHec() {
    }

    /** The envelope around one closed audit line, which starts {@code {"ts":"2026-...Z",}. */
    static String event(String line) {
        StringBuilder envelope = new StringBuilder(line.length() + 80).append('{');
        String time = epochSeconds(line);
        if (time != null) {
            envelope.append("\"time\":").append(time).append(',');
        }
        return envelope.append("\"source\":\"primus-agent\",\"sourcetype\":\"_json\",\"event\":").append(line)
                .append('}').toString();
    }

    /** The line's {@code ts} as epoch seconds with milliseconds ({@code 1764700000.123}), or null. */
    static String epochSeconds(String line) {
        int start = line.indexOf("\"ts\":\"");
        if (start < 0) {
            return null;
        }
        int end = line.indexOf('"', start + 6);
        try {
            long millis = java.time.Instant.parse(line.substring(start + 6, end)).toEpochMilli();
            return (millis / 1000) + "." + String.format("%03d", millis % 1000);
        } catch (RuntimeException notATimestamp) {
            return null;
        }
    }
}
