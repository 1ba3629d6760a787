package dev.primus.agent.egress;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the egress events of an audit trail (typically written in monitor mode) into an
 * {@code egress.allow} block that covers every destination seen: a host rule per name, a
 * single-address cidr rule per IP literal, each narrowed to the ports seen. The rollout step
 * between monitor and enforce.
 */
public final class AllowlistSuggestion {
    private static final Pattern EGRESS_EVENT = Pattern.compile("\"type\":\"egress\",\"outcome\":\"(allowed|would_deny|denied)\"");
    /**
     * Only what merely no rule named: a destination an explicit deny rule, the cloud metadata
     * rule or require_tls refused is never turned into an allow rule.
     */
    private static final Pattern SUGGESTIBLE_RULE = Pattern.compile("\"rule\":\"(egress\\.default|egress\\.allow\\[\\d+])\"");
    private static final Pattern TARGET = Pattern.compile("\"target\":\\{([^}]*)}");
    private static final Pattern HOST = Pattern.compile("\"host\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");

    private final Map<String, Set<Integer>> portsByHost = new TreeMap<String, Set<Integer>>();
    private int events;

    /** Reads one audit line; lines that are not egress events are skipped. */
    public void add(String auditLine) {
        if (!EGRESS_EVENT.matcher(auditLine).find() || !SUGGESTIBLE_RULE.matcher(auditLine).find()) {
            return;
        }
        Matcher target = TARGET.matcher(auditLine);
        if (!target.find()) {
            return;
        }
        Matcher host = HOST.matcher(target.group(1));
        Matcher port = PORT.matcher(target.group(1));
        if (!host.find() || !port.find()) {
            return;
        }
        byte[] literal = IpLiteral.parse(host.group(1));
        String name = literal != null ? IpLiteral.format(literal) : HostNames.normalise(host.group(1));
        if (name == null) {
            return;
        }
        events++;
        Set<Integer> ports = portsByHost.get(name);
        if (ports == null) {
            ports = new TreeSet<Integer>();
            portsByHost.put(name, ports);
        }
        ports.add(Integer.valueOf(port.group(1)));
    }

    /** How many egress events were read. */
    public int events() {
        return events;
    }

    /** The YAML block, ready to paste into a config. */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder("egress:\n  allow:\n");
        if (portsByHost.isEmpty()) {
            yaml.setLength(0);
            return yaml.append("egress:\n  allow: []\n").toString();
        }
        for (Map.Entry<String, Set<Integer>> destination : portsByHost.entrySet()) {
            byte[] literal = IpLiteral.parse(destination.getKey());
            if (literal != null) {
                yaml.append("    - cidr: ").append(IpLiteral.format(literal)).append('/').append(literal.length * 8).append('\n');
            } else {
                yaml.append("    - host: ").append(destination.getKey()).append('\n');
            }
            yaml.append("      ports: ").append(destination.getValue().toString()).append('\n');
        }
        return yaml.toString();
    }
}
