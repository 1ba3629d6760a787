package dev.primus.bootstrap;

import java.io.IOException;

/**
 * Thrown to the host from {@code ProcessBuilder.start} or {@code Runtime.exec} when
 * {@code egress.processes} refuses the executable in enforce mode: an {@link IOException}, as a
 * program that cannot be started is. The message names the executable (never its arguments,
 * which may hold secrets), the rule and the config file.
 */
public class ProcessDeniedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProcessDeniedException(String executable, String reason, String configFile) {
        super("starting " + executable + " denied by egress.processes (" + reason + "); allow it in " + configFile
                + " under egress.processes");
    }
}
