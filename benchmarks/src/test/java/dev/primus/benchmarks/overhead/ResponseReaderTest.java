package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
    private static final long NO_DEADLINE = System.nanoTime() + 3_600_000_000_000L;

    @Test
    void readsResponsesOneAfterAnotherByContentLength() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\nContent-Type: text/plain\r\n\r\nno\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertEquals(404, reader.read(false, NO_DEADLINE));
        assertEquals(201, reader.read(false, NO_DEADLINE));
        assertFalse(reader.closeAfter());
    }

    @Test
    void skipsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok", 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertEquals(202, reader.read(false, NO_DEADLINE));
    }

    @Test
    void aResponseSplitIntoOneByteReadsParsesTheSame() throws IOException {
        String responses = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 500 Oops\r\nContent-Length: 4\r\nConnection: close\r\n\r\nboom";
        ResponseReader reader = new ResponseReader(oneByteAtATime(responses), 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertEquals(204, reader.read(false, NO_DEADLINE));
        assertEquals(500, reader.read(false, NO_DEADLINE));
        assertTrue(reader.closeAfter());
    }

    @Test
    void aBodyLongerThanTheBufferIsStreamedPast() throws IOException {
        String body = "x".repeat(10_000);
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n" + body
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2710\r\n" + body + "\r\n0\r\n\r\n"
                + "HTTP/1.1 418 Teapot\r\nContent-Length: 0\r\n\r\n", 128);

        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertEquals(418, reader.read(false, NO_DEADLINE));
    }

    @Test
    void connectionCloseAmongOtherTokensSaysTheServerCloses() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: Upgrade, CLOSE\r\n\r\n", 64);

        reader.read(false, NO_DEADLINE);

        assertTrue(reader.closeAfter());
    }

    @Test
    void http10ClosesUnlessItSaysKeepAlive() throws IOException {
        ResponseReader closing = reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 64);
        ResponseReader keeping = reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n", 64);

        closing.read(false, NO_DEADLINE);
        keeping.read(false, NO_DEADLINE);

        assertTrue(closing.closeAfter());
        assertFalse(keeping.closeAfter());
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfTheConnection() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this, then EOF", 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
        assertTrue(reader.closeAfter());
    }

    @Test
    void aHeadAnswerHasNoBodyWhateverItsContentLength() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 64);

        assertEquals(200, reader.read(true, NO_DEADLINE));
        assertEquals(200, reader.read(false, NO_DEADLINE));
    }

    @Test
    void interimResponsesAreSkipped() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
    }

    @Test
    void bareLineFeedsAreAcceptedAsLineEnds() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 64);

        assertEquals(200, reader.read(false, NO_DEADLINE));
    }

    @Test
    void somethingElseThanHttpIsAProtocolError() {
        ResponseReader reader = reader("SSH-2.0-OpenSSH_9.6\r\n", 64);

        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.read(false, NO_DEADLINE));
        assertTrue(e.getMessage().contains("SSH-2.0"), e.getMessage());
    }

    @Test
    void aHeaderLineLongerThanTheBufferIsRefused() {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(200) + "\r\n\r\n", 64);

        assertThrows(ProtocolException.class, () -> reader.read(false, NO_DEADLINE));
    }

    @Test
    void aConnectionClosedInTheMiddleOfABodyIsAnError() {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", 64);

        EOFException e = assertThrows(EOFException.class, () -> reader.read(false, NO_DEADLINE));
        assertTrue(reader.started());
        assertTrue(e.getMessage().contains("middle"), e.getMessage());
    }

    @Test
    void aConnectionClosedBeforeAnyByteIsToldApart() {
        ResponseReader reader = reader("", 64);

        assertThrows(EOFException.class, () -> reader.read(false, NO_DEADLINE));
        assertFalse(reader.started());
    }

    private static ResponseReader reader(String responses, int bufferSize) {
        return new ResponseReader(new ByteArrayInputStream(responses.getBytes(StandardCharsets.ISO_8859_1)), bufferSize);
    }

    /** A stream that hands out one byte per read, as a slow network might. */
    private static InputStream oneByteAtATime(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };
    }
}
