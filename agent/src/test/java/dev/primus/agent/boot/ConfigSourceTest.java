package dev.primus.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigSourceTest {
    @Test
    void theAgentArgumentWinsOverPropertyAndEnvironment() {
        assertEquals("agent argument config=", ConfigSource.locate("/a.yaml", "/b.yaml", "/c.yaml").foundBy());
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertEquals("-Dprimus.config", ConfigSource.locate(null, "/b.yaml", "/c.yaml").foundBy());
    }

    @Test
    void theEnvironmentIsUsedWhenNothingElseNamesAFile() {
        assertEquals("PRIMUS_CONFIG", ConfigSource.locate(" ", "", "/c.yaml").foundBy());
    }

    @Test
    void withNothingNamedTheEmbeddedDefaultIsUsed() {
        assertTrue(ConfigSource.locate(null, null, null).isEmbeddedDefault());
    }

    @Test
    void agentArgumentsReadConfigAndIgnoreUnknownKeys() {
        assertEquals("/etc/primus/primus.yaml", AgentArguments.parse("debug, config=/etc/primus/primus.yaml").config());
        assertEquals(null, AgentArguments.parse(null).config());
    }
}
