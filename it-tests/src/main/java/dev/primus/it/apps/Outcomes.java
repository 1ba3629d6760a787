package dev.primus.it.apps;

/** How the probe apps report a failed call: the agent's denial, found anywhere in the cause chain, or the error. */
final class Outcomes {
    private Outcomes() {
    }

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("dev.primus.bootstrap.EgressDeniedException")) {
                return "DENIED " + cause.getMessage();
            }
        }
        return "ERROR " + failure;
    }
}
