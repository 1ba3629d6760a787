package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventFieldsTest {
    @Test
    void keepsTheOrderFieldsWereSetInAndALaterValueInItsPlace() {
        EventFields fields = new EventFields();
        fields.put("trace_id", "t1");
        fields.put("tenant", "acme");
        fields.put("trace_id", "t2");

        assertEquals(List.of("trace_id", "tenant"), new ArrayList<>(fields.keySet()));
        assertEquals("t2", fields.get("trace_id"));
        assertEquals(2, fields.size());
        assertEquals("tenant", fields.nameAt(1));
        assertEquals("acme", fields.valueAt(1));
    }

    @Test
    void answersAsALinkedHashMapDoesForAnySequenceOfPuts() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 200; round++) {
            EventFields fields = new EventFields();
            Map<String, String> expected = new LinkedHashMap<>();
            for (int put = random.nextInt(40); put > 0; put--) {
                String name = "f" + random.nextInt(20);
                String value = "v" + random.nextInt(1000);
                assertEquals(expected.put(name, value), fields.put(name, value));
            }
            assertEquals(expected, fields);
            assertEquals(expected.hashCode(), fields.hashCode());
            assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(fields.entrySet()));
            for (int i = 0; i < fields.size(); i++) {
                assertEquals(expected.get(fields.nameAt(i)), fields.valueAt(i));
            }
        }
    }

    @Test
    void anAbsentFieldIsNone() {
        EventFields fields = new EventFields();
        fields.put("method", "GET");

        assertNull(fields.get("route"));
        assertFalse(fields.containsKey("route"));
        assertTrue(fields.containsKey("method"));
        assertNull(fields.get(null));
    }
}
