package dev.primus.bootstrap;

import java.net.ConnectException;

/**
 * Thrown to the host from a connect or request call that the egress policy denied in enforce
 * mode. A {@link ConnectException}, so code that already handles an unreachable host handles
 * this too; the message names the destination, the rule that decided and the config file.
 */
public class EgressDeniedException extends ConnectException {
    private static final long serialVersionUID = 1L;

    private final String destination;
    private final String rule;

    public EgressDeniedException(String destination, String rule, String configFile) {
        super("connection to " + destination + " denied by " + rule
                + "; allow it in " + configFile + " under egress.allow");
        this.destination = destination;
        this.rule = rule;
    }

    /** The destination as the policy saw it, e.g. {@code 127.0.0.3:8080} or a URL. */
    public String destination() {
        return destination;
    }

    /** The rule that denied it, e.g. {@code egress.default} or {@code egress.deny[0]}. */
    public String rule() {
        return rule;
    }
}
