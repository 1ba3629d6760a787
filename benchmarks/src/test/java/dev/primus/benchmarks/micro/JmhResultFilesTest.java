package dev.primus.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhResultFilesTest {
    @Test
    void theElementsOfEveryRunAreOneArrayInOrder() {
        String first = "[\n    {\n        \"benchmark\" : \"a.B.x\"\n    },\n    {\n        \"benchmark\" : \"a.B.y\"\n    }\n]\n";
        String second = "[\n    {\n        \"benchmark\" : \"a.C.z\"\n    }\n]\n";

        assertEquals("[\n{\n        \"benchmark\" : \"a.B.x\"\n    },\n    {\n        \"benchmark\" : \"a.B.y\"\n    },\n"
                + "{\n        \"benchmark\" : \"a.C.z\"\n    }\n]\n", JmhResultFiles.merge(List.of(first, second)));
    }

    @Test
    void aRunWithNoResultsAddsNothing() {
        assertEquals("[\n{\"benchmark\" : \"a.C.z\"}\n]\n", JmhResultFiles.merge(List.of("[\n]\n", "", "[{\"benchmark\" : \"a.C.z\"}]")));
        assertEquals("[\n]\n", JmhResultFiles.merge(List.of()));
    }

    @Test
    void somethingElseThanAnArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JmhResultFiles.merge(List.of("Benchmark  Mode  Cnt  Score")));
    }
}
