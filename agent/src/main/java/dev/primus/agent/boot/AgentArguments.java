package dev.primus.agent.boot;

import dev.primus.bootstrap.PrimusLog;

/** The text after {@code -javaagent:primus-agent.jar=}: comma-separated {@code key=value} pairs. */
final class AgentArguments {
    private final String config;

    private AgentArguments(String config) {
        this.config = config;
    }

    static AgentArguments parse(String arguments) {
        String config = null;
        if (arguments != null) {
            for (String pair : arguments.split(",")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                String key = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
                if ("config".equals(key) && equals > 0) {
                    config = trimmed.substring(equals + 1).trim();
                } else {
                    PrimusLog.warn("unknown agent argument '" + trimmed + "' ignored; the agent takes config=FILE");
                }
            }
        }
        return new AgentArguments(config);
    }

    /** The {@code config=} value, or null. */
    String config() {
        return config;
    }
}
