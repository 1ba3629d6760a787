package dev.primus.benchmarks.overhead;

import java.util.Arrays;
import java.util.List;

/**
 * One way of launching the app: a name for the report and the JVM flags it adds, such as
 * {@code primus-default=-javaagent:/opt/primus-agent.jar}. {@code none} adds nothing and is the
 * baseline every other configuration is divided by.
 */
record AgentConfiguration(String name, List<String> jvmFlags) {
    static final AgentConfiguration NONE = new AgentConfiguration("none", List.of());

    /** {@code NAME=FLAGS}: the first '=' ends the name; flags are separated by spaces. */
    static AgentConfiguration parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("--config " + text + ": expected NAME=JVM_FLAGS, such as"
                    + " primus-default=-javaagent:/path/primus-agent.jar");
        }
        String name = text.substring(0, equals).trim();
        if (name.equals(NONE.name())) {
            throw new IllegalArgumentException("--config " + text + ": 'none' is the run without an agent,"
                    + " always measured; give this configuration another name");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--config " + text + ": the name '" + name + "' names files in the"
                    + " output folder; use letters, digits, '.', '_' and '-'");
        }
        List<String> flags = Arrays.asList(text.substring(equals + 1).trim().split("\\s+"));
        return new AgentConfiguration(name, List.copyOf(flags));
    }
}
