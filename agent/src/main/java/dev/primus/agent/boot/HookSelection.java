package dev.primus.agent.boot;

import dev.primus.config.Mode;
import dev.primus.config.PrimusConfig;
import dev.primus.instrumentation.Guard;
import dev.primus.instrumentation.Hook;
import java.util.ArrayList;
import java.util.List;

/** Which hooks a config asks for: those whose guard's mode is not {@code off}. */
final class HookSelection {
    private HookSelection() {
    }

    static List<Hook> active(List<Hook> hooks, PrimusConfig config) {
        List<Hook> active = new ArrayList<Hook>();
        for (Hook hook : hooks) {
            if (modeOf(hook.guard(), config) != Mode.OFF) {
                active.add(hook);
            }
        }
        return active;
    }

    static Mode modeOf(Guard guard, PrimusConfig config) {
        switch (guard) {
            case EGRESS:
                return config.egress().mode();
            case LOGGING:
                return config.masking().mode();
            default:
                return config.auth().mode();
        }
    }
}
