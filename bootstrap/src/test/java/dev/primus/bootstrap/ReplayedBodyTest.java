package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayedBodyTest {
    private static final byte[] BODY = "{\"amount\":4200,\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void replaysTheBytesReadExactly() throws IOException {
        ReplayedBody body = new ReplayedBody(BODY, null, "UTF-8");
        assertFalse(body.isFinished());
        assertArrayEquals(BODY, body.readAllBytes());
        assertTrue(body.isFinished());
        assertEquals(-1, body.read());
    }

    @Test
    void goesOnWithTheOriginalStreamWhereTheAgentStoppedReading() throws IOException {
        byte[] read = {1, 2, 3};
        ReplayedBody body = new ReplayedBody(read, new ByteArrayInputStream(new byte[] {4, 5}), null);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, body.readAllBytes());
    }

    @Test
    void aReaderDecodesWithTheRequestEncodingAndDefaultsToIso88591() throws IOException {
        assertEquals("{\"amount\":4200,\"name\":\"Zoë\"}", new ReplayedBody(BODY, null, "UTF-8")
                .reader(new ReplayedBody(BODY, null, "UTF-8")).readLine());
        ReplayedBody latin = new ReplayedBody(new byte[] {(byte) 0xE9}, null, null);
        assertEquals("é", latin.reader(latin).readLine());
    }

    /** Stands in for a servlet ReadListener: only its method names matter. */
    public static final class Listener {
        final List<String> heard = new ArrayList<>();

        public void onDataAvailable() {
            heard.add("data");
        }

        public void onAllDataRead() {
            heard.add("all");
        }
    }

    @Test
    void aReadListenerHearsAtOnceThatEverythingIsThere() throws IOException {
        Listener listener = new Listener();
        new ReplayedBody(BODY, null, null).setReadListener(listener);
        assertEquals(List.of("data", "all"), listener.heard);
    }
}
