package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedRatesTest {
    private static final AgentConfiguration PRIMUS = AgentConfiguration.parse("primus=-javaagent:/opt/primus-agent.jar");

    @Test
    void withoutRatesNonesFirstSaturationDecidesThemForEveryLaunchAfter() {
        FixedRates rates = FixedRates.of(List.of());

        assertEquals(List.of(), rates.rates());
        assertEquals(List.of(237.0), rates.after(AgentConfiguration.NONE, 473.4));
        assertEquals(List.of(237.0), rates.after(PRIMUS, 300), "one rate for every launch, whatever it served");
        assertEquals(List.of(237.0), rates.after(AgentConfiguration.NONE, 900));
        assertEquals("half of none's 473 2xx/s at saturation in round 1", rates.chosen());
    }

    @Test
    void givenRatesAreKept() {
        FixedRates rates = FixedRates.of(List.of(100.0, 200.0));

        assertEquals(List.of(100.0, 200.0), rates.after(PRIMUS, 5000));
        assertEquals("given with --rates", rates.chosen());
    }

    @Test
    void aConfigurationBeforeNoneCannotChooseThem() {
        assertThrows(IllegalStateException.class, () -> FixedRates.of(List.of()).after(PRIMUS, 400));
    }

    @Test
    void anAppThatServedNothingStillGetsOneRequestASecond() {
        assertEquals(List.of(1.0), FixedRates.of(List.of()).after(AgentConfiguration.NONE, 0));
    }
}
