package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentConfigurationTest {
    @Test
    void theFirstEqualsSignEndsTheNameSoAgentArgumentsKeepTheirs() {
        AgentConfiguration configuration = AgentConfiguration.parse(
                "primus-enforcing=-javaagent:/opt/primus-agent.jar=config=/etc/primus.yaml -Dprimus.audit=off");

        assertEquals("primus-enforcing", configuration.name());
        assertEquals(List.of("-javaagent:/opt/primus-agent.jar=config=/etc/primus.yaml", "-Dprimus.audit=off"),
                configuration.jvmFlags());
    }

    @Test
    void noneIsReservedForTheRunWithoutAnAgent() {
        assertThrows(IllegalArgumentException.class, () -> AgentConfiguration.parse("none=-javaagent:a.jar"));
    }

    @Test
    void aConfigurationWithoutFlagsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgentConfiguration.parse("otel="));
    }
}
