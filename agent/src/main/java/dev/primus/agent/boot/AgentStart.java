package dev.primus.agent.boot;

import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * How {@code AgentEntry}, outside the agent's sealed module, starts the installer inside it: the
 * module exports nothing, so the entry cannot call {@link AgentInstaller} by reflection; it
 * gets this as the one service provider the module declares. Arguments: the agent argument
 * string, the {@link Instrumentation}, and whether this is an attach.
 *
 * <p>Code in the app that found this provider could only start a second installation, which
 * {@link AgentInstaller} refuses: the gates take their engines once.
 */
public final class AgentStart implements Consumer<Object[]> {
    @Override
    public void accept(Object[] arguments) {
        AgentInstaller.install((String) arguments[0], (Instrumentation) arguments[1], (Boolean) arguments[2]);
    }
}
