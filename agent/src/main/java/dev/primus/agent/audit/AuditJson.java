package dev.primus.agent.audit;

/**
 * Encodes an event as one JSON object on one line, fields in the contract's order. Written by
 * hand because the event is flat and its fields fixed: a JSON library would add a megabyte to
 * the jar for a dozen {@code append} calls. Only the writer thread uses an instance.
 */
final class AuditJson {
    private final String service;
    private final String host;
    private final long pid;
    /** The time up to the second ({@link UtcSeconds}): events come in bursts, so it is formatted once per second. */
    private long formattedSecond = Long.MIN_VALUE;
    private String formatted;
    private final StringBuilder line = new StringBuilder(512);

    AuditJson(String service, String host, long pid) {
        this.service = service;
        this.host = host;
        this.pid = pid;
    }

    /** The event as JSON without the closing brace, so a hash chain can append its fields. */
    String open(AuditEvent event, long seq) {
        line.setLength(0);
        line.append("{\"ts\":\"");
        timestamp(event.timestampMillis());
        line.append("Z\"");
        line.append(",\"seq\":").append(seq);
        field("service", service);
        field("host", host);
        line.append(",\"pid\":").append(pid);
        field("type", event.type());
        field("outcome", event.outcome());
        field("mode", event.mode());
        field("rule", event.rule());
        field("reason", event.reason());
        EventFields context = event.contextFields();
        for (int i = 0; i < context.size(); i++) {
            field(context.nameAt(i), context.valueAt(i));
        }
        Target target = event.target();
        if (target != null) {
            line.append(",\"target\":{");
            int start = line.length();
            optional("host", target.host());
            optional("ip", target.ip());
            if (target.port() >= 0) {
                line.append(",\"port\":").append(target.port());
            }
            optional("scheme", target.scheme());
            optional("url", target.url());
            if (line.length() > start) {
                line.deleteCharAt(start);
            }
            line.append('}');
        }
        EventFields details = event.detailFields();
        if (details.size() > 0) {
            line.append(",\"details\":{");
            int start = line.length();
            for (int i = 0; i < details.size(); i++) {
                field(details.nameAt(i), details.valueAt(i));
            }
            line.deleteCharAt(start);
            line.append('}');
        }
        return line.toString();
    }

    /** RFC 3339 in UTC to the millisecond, without its Z: {@code 2026-12-03T12:00:00.042}. */
    private void timestamp(long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != formattedSecond) {
            formatted = UtcSeconds.format(second);
            formattedSecond = second;
        }
        int milli = (int) Math.floorMod(millis, 1000);
        line.append(formatted).append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10))
                .append((char) ('0' + milli % 10));
    }

    private void optional(String name, String value) {
        if (value != null) {
            field(name, value);
        }
    }

    private void field(String name, String value) {
        line.append(",\"").append(name).append("\":");
        string(line, value);
    }

    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        // Most values need no escape: they are copied whole, and only the others char by char.
        int copied = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
                continue;
            }
            out.append(value, copied, i);
            copied = i + 1;
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (copied == 0) {
            out.append(value);
        } else {
            out.append(value, copied, value.length());
        }
        out.append('"');
    }
}
