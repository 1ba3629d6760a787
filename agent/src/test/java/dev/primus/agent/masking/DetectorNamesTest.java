package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector names live in the engine, the schema and the config defaults: one list, three places. */
class DetectorNamesTest {
    private static final List<String> ENGINE = Arrays.asList(BuiltInDetector.configNames().split(", "));

    @Test
    void theSchemaListsEveryBuiltInDetectorInOrder() {
        String schema = ConfigLoader.schemaJson();
        int detectors = schema.indexOf("\"detectors\"");
        int open = schema.indexOf('[', schema.indexOf("\"enum\"", detectors));
        String list = schema.substring(open + 1, schema.indexOf(']', open));
        List<String> names = new ArrayList<String>();
        for (String quoted : list.split(",")) {
            names.add(quoted.trim().replace("\"", ""));
        }
        assertEquals(ENGINE, names);
    }

    @Test
    void aConfigWithoutDetectorsTurnsOnEveryOneButIpAddress() {
        LoadResult result = new ConfigLoader(name -> null).load("primus.yaml", "service: t\n".getBytes(StandardCharsets.UTF_8));
        List<String> expected = new ArrayList<String>(ENGINE);
        expected.remove("ip_address");
        assertEquals(expected, result.config().masking().detectors());
    }
}
