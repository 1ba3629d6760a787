package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroJsonTest {
    private final String json = MicroJson.render(SuiteReport.of(SuiteFixture.RUN, SuiteFixture.run()));

    private List<String> rows() {
        return json.lines().filter(line -> line.startsWith("    {")).toList();
    }

    @Test
    void aRowCarriesItsFiguresRatiosAndVerdictWithTheDescriptionEscaped() {
        assertEquals("    {\"benchmark\": \"dev.primus.benchmarks.micro.SuiteFixture$MaskingBench.engineClean\", \"agent\": null,"
                + " \"params\": {}, \"mode\": \"avgt\", \"threads\": 1, \"cleanPath\": true,"
                + " \"measures\": \"the engine on a \\\"clean\\\" line\", \"result\": true, \"nsPerOp\": 40.0000,"
                + " \"nsPerOpError\": 1.50000, \"bytesPerOp\": 0.00400000,"
                + " \"ratios\": [{\"baseline\": \"regexListClean\", \"ratio\": 0.0250000}], \"countedBytes\": 0.00400000,"
                + " \"verdict\": \"0 B\", \"cleanPathAllocates\": false},", rows().get(0));
    }

    @Test
    void anAgentRowNamesItsAgentAndParameters() {
        String buffered = rows().get(4);
        assertTrue(buffered.contains("\"agent\": \"logback-masking\", \"params\": {\"appender\": \"buffered\"}"), buffered);
        assertTrue(buffered.contains("\"countedBytes\": 24.0000, \"verdict\": \"allocates 24 B over no agent\","
                + " \"cleanPathAllocates\": true}"), buffered);
    }

    @Test
    void aMissingResultHasNullFiguresNotNaN() {
        String redis = rows().get(6);
        assertTrue(redis.contains("\"result\": false, \"nsPerOp\": null, \"nsPerOpError\": null, \"bytesPerOp\": null,"
                + " \"ratios\": [], \"countedBytes\": null, \"verdict\": \"no result\""), redis);
        assertTrue(!json.contains("NaN"), json);
    }

    @Test
    void theHeaderHasTheToleranceAndTheExitCode() {
        assertTrue(json.contains("\n  \"include\": null,\n"), json);
        assertTrue(json.contains("\n  \"toleranceBytes\": 0.500000,\n  \"overNoAgentToleranceBytes\": 16.0000,\n  \"exitCode\": 1,\n"), json);
    }
}
