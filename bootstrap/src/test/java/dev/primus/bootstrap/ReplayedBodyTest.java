package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

    private static ReplayedBody form(String body) {
        return new ReplayedBody(body.getBytes(StandardCharsets.US_ASCII), null, null, "ISO-8859-1");
    }

    /** As the servlet API reads a form: the query string's fields first, each name's values in order. */
    @Test
    void aFormsFieldsFollowTheQueryStringsAndKeepEveryValue() {
        ReplayedBody body = form("payload=%7B%22id%22%3A7%7D&kind=push+event&kind=second&empty=&bare");
        assertEquals(List.of("source", "kind", "payload", "empty", "bare"),
                Collections.list(body.parameterNames("source=hook&kind=first", null)));
        assertArrayEquals(new String[] {"first", "push event", "second"},
                body.parameterValues("kind", "source=hook&kind=first", null));
        assertEquals("{\"id\":7}", body.parameter("payload", null, null));
        assertEquals("", body.parameter("empty", null, null));
        assertEquals("", body.parameter("bare", null, null));
        assertNull(body.parameter("missing", null, null));
    }

    @Test
    void fieldsAreDecodedInTheRequestsEncodingAndTheContainersWhereNoneIsSet() {
        assertEquals("café", form("name=caf%C3%A9").parameter("name", null, "UTF-8"));
        assertEquals("cafÃ©", form("name=caf%C3%A9").parameter("name", null, null), "Tomcat's and Undertow's ISO-8859-1");
        assertEquals("café", new ReplayedBody("name=caf%C3%A9".getBytes(StandardCharsets.US_ASCII), null, null, "UTF-8")
                .parameter("name", null, null), "Jetty 12's UTF-8");
        assertEquals("café", form("").parameter("q", "q=caf%C3%A9", null), "the query string in UTF-8, as the URI");
        assertEquals("100%", form("rate=100%").parameter("rate", null, null), "a malformed escape stays as sent");
    }

    @Test
    void aBodyReadOnlyInPartOrNotAFormHasNoFieldsOfItsOwn() {
        assertFalse(new ReplayedBody(new byte[] {'a'}, new java.io.ByteArrayInputStream(new byte[0]), null, "UTF-8")
                .isForm());
        assertFalse(new ReplayedBody(new byte[] {'a'}, null, null).isForm());
    }
}
