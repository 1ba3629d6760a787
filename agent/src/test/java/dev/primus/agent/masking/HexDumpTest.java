package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hex dumps as real dumpers wrote them on 2026-12-06, each a published layout the reader was not
 * written from: Netty 4.2.18's {@code LoggingHandler} at DEBUG (a server reading a login request),
 * MariaDB Connector/J 3.5.7 at TRACE (a {@code CREATE USER} sent, an error read), util-linux's
 * {@code hexdump -C} and the JDK 17's {@code sun.security.util.HexDumpEncoder} (what
 * {@code javax.net.debug} prints), each over an HTTP request.
 */
class HexDumpTest {
    private static final String NETTY = """
            [id: 0x27a166de, L:/127.0.0.1:18555 - R:/127.0.0.1:49102] READ: 167B
                     +-------------------------------------------------+
                     |  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f |
            +--------+-------------------------------------------------+----------------+
            |00000000| 50 4f 53 54 20 2f 6c 6f 67 69 6e 20 48 54 54 50 |POST /login HTTP|
            |00000010| 2f 31 2e 31 0d 0a 48 6f 73 74 3a 20 6c 6f 63 61 |/1.1..Host: loca|
            |00000020| 6c 68 6f 73 74 0d 0a 41 75 74 68 6f 72 69 7a 61 |lhost..Authoriza|
            |00000030| 74 69 6f 6e 3a 20 42 61 73 69 63 20 59 6d 39 69 |tion: Basic Ym9i|
            |00000040| 4f 6b 68 31 62 6e 52 6c 63 6a 4a 51 64 79 45 3d |Okh1bnRlcjJQdyE=|
            |00000050| 0d 0a 43 6f 6e 74 65 6e 74 2d 54 79 70 65 3a 20 |..Content-Type: |
            |00000060| 61 70 70 6c 69 63 61 74 69 6f 6e 2f 78 2d 77 77 |application/x-ww|
            |00000070| 77 2d 66 6f 72 6d 2d 75 72 6c 65 6e 63 6f 64 65 |w-form-urlencode|
            |00000080| 64 0d 0a 0d 0a 75 73 65 72 6e 61 6d 65 3d 62 6f |d....username=bo|
            |00000090| 62 26 70 61 73 73 77 6f 72 64 3d 48 75 6e 74 65 |b&password=Hunte|
            |000000a0| 72 32 50 77 21 0d 0a                            |r2Pw!..         |
            +--------+-------------------------------------------------+----------------+""";

    private static final String MARIADB_SEND = """
                   +--------------------------------------------------+
                   |  0  1  2  3  4  5  6  7   8  9  a  b  c  d  e  f |
            +------+--------------------------------------------------+------------------+
            |000000| 37 00 00 00 03 43 52 45  41 54 45 20 55 53 45 52 | 7....CREATE USER |
            |000010| 20 27 72 77 6D 27 40 27  25 27 20 49 44 45 4E 54 |  'rwm'@'%' IDENT |
            |000020| 49 46 49 45 44 20 42 59  20 27 4D 61 72 69 61 50 | IFIED BY 'MariaP |
            |000030| 77 5F 53 65 63 72 65 74  34 32 27                | w_Secret42'      |
            +------+--------------------------------------------------+------------------+
            """;

    private static final String MARIADB_READ = """
            read: conn=18 (M)
                   +--------------------------------------------------+
                   |  0  1  2  3  4  5  6  7   8  9  a  b  c  d  e  f |
            +------+--------------------------------------------------+------------------+
            |000000| 47 00 00 02 FF 15 04 23  32 38 30 30 30 41 63 63 | G......#28000Acc |
            |000010| 65 73 73 20 64 65 6E 69  65 64 20 66 6F 72 20 75 | ess denied for u |
            |000020| 73 65 72 20 27 72 77 6D  27 40 27 31 32 37 2E 30 | ser 'rwm'@'127.0 |
            |000030| 2E 30 2E 31 27 20 28 75  73 69 6E 67 20 70 61 73 | .0.1' (using pas |
            |000040| 73 77 6F 72 64 3A 20 59  45 53 29                | sword: YES)      |
            +------+--------------------------------------------------+------------------+
            """;

    private static final String HEXDUMP_C = """
            request:
            00000000  50 4f 53 54 20 2f 74 6f  6b 65 6e 20 48 54 54 50  |POST /token HTTP|
            00000010  2f 31 2e 31 0d 0a 41 75  74 68 6f 72 69 7a 61 74  |/1.1..Authorizat|
            00000020  69 6f 6e 3a 20 42 65 61  72 65 72 20 79 61 32 39  |ion: Bearer ya29|
            00000030  2e 61 30 41 66 48 36 53  4d 42 78 33 6b 39 76 51  |.a0AfH6SMBx3k9vQ|
            00000040  32 70 4c 6d 4e 37 72 54  38 77 59 7a 4b 34 65 4a  |2pLmN7rT8wYzK4eJ|
            00000050  64 36 68 55 63 58 6f 31  0d 0a 58 2d 41 70 69 2d  |d6hUcXo1..X-Api-|
            00000060  4b 65 79 3a 20 41 49 7a  61 53 79 44 34 6b 52 37  |Key: AIzaSyD4kR7|
            00000070  76 4e 32 6d 51 38 70 4c  35 78 57 33 74 59 36 75  |vN2mQ8pL5xW3tY6u|
            00000080  4a 39 68 42 31 63 46 30  67 45 32 73 0d 0a 0d 0a  |J9hB1cF0gE2s....|
            00000090""";

    private static final String JDK = """
            Plaintext before ENCRYPTION (
            0000: 47 45 54 20 2F 61 20 48   54 54 50 2F 31 2E 31 0D  GET /a HTTP/1.1.
            0010: 0A 43 6F 6F 6B 69 65 3A   20 53 45 53 53 49 4F 4E  .Cookie: SESSION
            0020: 3D 61 62 63 0D 0A 41 75   74 68 6F 72 69 7A 61 74  =abc..Authorizat
            0030: 69 6F 6E 3A 20 42 61 73   69 63 20 59 57 78 70 59  ion: Basic YWxpY
            0040: 32 55 36 63 7A 4E 6A 63   6A 4E 30 55 47 46 7A 63  2U6czNjcjN0UGFzc
            0050: 79 45 3D 0D 0A 0D 0A 7B   20 22 70 61 73 73 77 6F  yE=..... "passwo
            0060: 72 64 22 20 3A 20 22 54   72 30 75 62 34 64 6F 72  rd" : "Tr0ub4dor
            0070: 26 33 22 20 7D                                     &3" .
            )""";

    private final Masker masker = Masker.builder().build();

    @Test
    void aCredentialAndAPasswordThatRowsSplitAreStarredInBothColumnsAndTheLayoutStays() {
        String masked = masker.maskMessage(NETTY, NETTY, null);

        assertEquals(NETTY.length(), masked.length());
        assertTrue(masked.contains("|00000030| 74 69 6f 6e 3a 20 42 61 73 69 63 20 ** ** ** ** |tion: Basic ****|"), masked);
        assertTrue(masked.contains("|00000040| ** ** ** ** ** ** ** ** ** ** ** ** ** ** ** ** |****************|"), masked);
        assertTrue(masked.contains("|00000090| 62 26 70 61 73 73 77 6f 72 64 3d ** ** ** ** ** |b&password=*****|"), masked);
        assertTrue(masked.contains("|000000a0| ** ** ** ** ** 0d 0a                            |*****..         |"), masked);
        assertEquals(unchangedRows(NETTY, "00000030", "00000040", "00000090", "000000a0"),
                unchangedRows(masked, "00000030", "00000040", "00000090", "000000a0"));
    }

    @Test
    void eachValueADumpHeldIsCountedOnce() {
        masker.drainCounts();
        masker.maskMessage(NETTY, NETTY, null);
        Map<String, Long> counts = masker.drainCounts();
        assertEquals(2L, counts.values().stream().mapToLong(Long::longValue).sum(), counts.toString());
        assertEquals(1L, counts.get("password_kv"), counts.toString());
    }

    @Test
    void aDumpInAnArgumentWhoseBreaksAreEscapedIsReadAsWell() {
        String formatted = "send: conn=17 (M)\n" + MARIADB_SEND;
        String masked = masker.maskMessage(formatted, "send: {}{}", new Object[] {"conn=17 (M)\n", MARIADB_SEND});

        assertFalse(masked.contains("\n"), masked);
        assertTrue(masked.contains("|000020| 49 46 49 45 44 20 42 59  20 27 ** ** ** ** ** ** "
                + "| IFIED BY '****** |"), masked);
        assertTrue(masked.contains("|000030| ** ** ** ** ** ** ** **  ** ** 27                "
                + "| **********'      |"), masked);
        assertFalse(masked.contains("Secret") || masked.contains("MariaP") || masked.contains("4D 61 72"), masked);
    }

    @Test
    void theLayoutsOfHexdumpAndTheJdkAreReadToo() {
        String hexdump = masker.maskMessage(HEXDUMP_C, HEXDUMP_C, null);
        assertTrue(hexdump.contains("|ion: Bearer ****|"), hexdump);
        assertTrue(hexdump.contains("00000070  ** ** ** ** ** ** ** **  ** ** ** ** ** ** ** **  "
                + "|****************|"), hexdump);
        assertTrue(hexdump.contains("|Key: ***********|"), hexdump);

        String jdk = masker.maskMessage(JDK, JDK, null);
        assertTrue(jdk.contains("0030: 69 6F 6E 3A 20 42 61 73   69 63 20 ** ** ** ** **  ion: Basic *****"), jdk);
        assertTrue(jdk.contains("0060: 72 64 22 20 3A 20 22 **   ** ** ** ** ** ** ** **  rd\" : \"*********"), jdk);
        assertTrue(jdk.contains("0070: ** ** 22 20 7D                                     **\" ."), jdk);
        assertTrue(jdk.contains("0020: 3D ** ** ** 0D 0A 41 75   74 68 6F 72 69 7A 61 74  =***..Authorizat"), jdk);
    }

    @Test
    void aDumpWithNothingInItsBytesStaysTheSameInstanceThoughItsRowsLookLikeValues() {
        assertSame(MARIADB_READ, masker.maskMessage(MARIADB_READ, MARIADB_READ, null));
        String cutAtARowsEnd = "|00000000| 75 73 69 6e 67 20 70 61 73 73 77 6f 72 64 3a 20 |using password: |\n"
                + "|00000010| 59 45 53 29                                     |YES)            |";
        assertSame(cutAtARowsEnd, masker.maskMessage(cutAtARowsEnd, cutAtARowsEnd, null));
    }

    @Test
    void maskingADumpAgainChangesNothing() {
        String once = masker.maskMessage(NETTY, NETTY, null);
        assertEquals(once, masker.maskMessage(once, once, null));
        String jdk = masker.maskMessage(JDK, JDK, null);
        assertEquals(jdk, masker.maskMessage(jdk, jdk, null));
    }

    @Test
    void inPlaceMaskingGivesWhatTheStringPathGives() {
        StringBuilder text = new StringBuilder("prefix ").append(NETTY);
        assertTrue(masker.maskMessageOf(text, 7, null, null));
        assertEquals("prefix " + masker.maskMessage(NETTY, NETTY, null), text.toString());
    }

    @Test
    void aLineWhoseTextColumnDoesNotShowItsBytesIsNoRowAndIsScannedAsText() {
        String notADump = "header\n0000: 31 32 33 34  password=hunter2\n|00000010| 41 42 |AC|";
        assertEquals("header\n0000: 31 32 33 34  password=[PASSWORD_KV]\n|00000010| 41 42 |AC|",
                masker.maskMessage(notADump, notADump, null));
    }

    @Test
    void rowsWhoseOffsetsDoNotFollowOnAreTwoDumps() {
        String first = "|00000000| 70 61 73 73 77 6f 72 64 3d 68 75 6e |password=hun|";
        String second = "|00000040| 74 65 72 32 20 75 73 65 72 3d 62 6f |ter2 user=bo|";
        String masked = masker.maskMessage(first + "\n" + second, null, null);
        assertEquals("|00000000| 70 61 73 73 77 6f 72 64 3d ** ** ** |password=***|\n" + second, masked);
    }

    /**
     * HttpClient 5.6.5's async wire log (org.apache.hc.client5.http.wire at DEBUG, run here on
     * 2026-12-07): each 16 bytes a message of its own, the text column before the bytes.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "c-0000000001[ACTIVE][r:r] << {\"access_token\":  7b 22 61 63 63 65 73 73 5f 74 6f 6b 65 6e 22 3a",
        "c-0000000001[ACTIVE][rw:w] >> com\",\"password\":  63 6f 6d 22 2c 22 70 61 73 73 77 6f 72 64 22 3a",
        "c-0000000000[ACTIVE][rw:w] >>   Authorization:  0d 0a 41 75 74 68 6f 72 69 7a 61 74 69 6f 6e 3a",
        "c-0000000000[ACTIVE][rw:w] >> x&client_secret=  78 26 63 6c 69 65 6e 74 5f 73 65 63 72 65 74 3d",
        "c-0000000001[ACTIVE][r:r] << }}                7d 7d",
        "c-0000000000[ACTIVE][r:c] >> /1.1  Accept: ap  2f 31 2e 31 0d 0a 41 63 63 65 70 74 3a 20 61 70"})
    void aWireLogRowWhoseKeyEndsItsTextColumnTakesNoHexDigitsForItsValue(String row) {
        assertSame(row, masker.maskMessage(row, row, null));
        StringBuilder inPlace = new StringBuilder("DEBUG org.apache.hc.client5.http.wire - ").append(row);
        assertFalse(masker.maskMessageOf(inPlace, 6, null, null), inPlace.toString());
    }

    @Test
    void aValueInAWireLogRowIsStarredInBothColumns() {
        String row = "c-0000000001[ACTIVE][rw:w] >> password=Hunt3r!  70 61 73 73 77 6f 72 64 3d 48 75 6e 74 33 72 21";
        String masked = "c-0000000001[ACTIVE][rw:w] >> password=*******  70 61 73 73 77 6f 72 64 3d ** ** ** ** ** ** **";
        assertEquals(masked, masker.maskMessage(row, row, null));
        assertEquals(masked, masker.mask(row));
        StringBuilder inPlace = new StringBuilder("DEBUG wire - ").append(row);
        assertTrue(masker.maskMessageOf(inPlace, 6, null, null));
        assertEquals("DEBUG wire - " + masked, inPlace.toString());
        assertEquals(masked, masker.maskMessage(masked, masked, null), "masked again, the same");
    }

    /** Apache MINA SSHD 2.20.1 at TRACE (run here on 2026-12-07): each 64 bytes of a packet a message, bytes first. */
    @Test
    void anSshdPacketChunkIsReadAsARowWithItsBytesFirst() {
        String exec = "encode(ClientSessionImpl[bob@/127.0.0.1:22346][:50694]) packet #18 [chunk #1](64/69) 62 00 00 00 03"
                + " 00 00 00 04 65 78 65 63 00 00 00 00 33 6d 79 73 71 6c 20 2d 2d 75 73 65 72 3d 62 6f 62 20 2d 2d 70 61 73"
                + " 73 77 6f 72 64 3d 43 6d 64 4c 69 6e 65 50 77 5f 37 37 20 2d 65 20 73 65"
                + "    b........exec....3mysql.--user=bob.--password=CmdLinePw_77.-e.se";
        String masked = masker.maskMessage(exec, exec, null);
        assertEquals(exec.length(), masked.length());
        assertTrue(masked.endsWith("70 61 73 73 77 6f 72 64 3d ** ** ** ** ** ** ** ** ** ** ** ** 20 2d 65 20 73 65"
                + "    b........exec....3mysql.--user=bob.--password=************.-e.se"), masked);
        // The error a mysql client wrote back: "using password: YES" is no password, its row's end padded.
        String error = "ERR(ChannelSession[id=3, recipient=3]-ServerSessionImpl[bob@/127.0.0.1:50694])[1] [chunk #2](83/83)"
                + " 69 6e 67 20 70 61 73 73 77 6f 72 64 3a 20 59 45 53 29 0a" + " ".repeat(139) + "ing.password:.YES).";
        assertSame(error, masker.maskMessage(error, error, null));
    }

    @Test
    void aLineShapedLikeAWireRowWhoseColumnDoesNotShowItsBytesIsScannedAsText() {
        String text = "client >> password=Hunt3r!xyzab  70 61 73 73 77 6f 72 64 3d 48 75 6e 74 33 72 21";
        assertEquals("client >> password=[PASSWORD_KV]  70 61 73 73 77 6f 72 64 3d 48 75 6e 74 33 72 21",
                masker.maskMessage(text, text, null));
        String bytesFirst = "chunk 70 61 73 73 77 6f 72 64 3d 48 75 6e  password=Hunt3r";
        assertEquals("chunk 70 61 73 73 77 6f 72 64 3d 48 75 6e  password=[PASSWORD_KV]",
                masker.maskMessage(bytesFirst, bytesFirst, null));
    }

    /** Text made of a dump's pieces in any order: masking never fails on it, whatever the rows' shape. */
    @Test
    void rowLikeTextOfAnyShapeIsMaskedWithoutFailing() {
        String[] pieces = {"|", "0000", "00000010", ":", " ", "  ", "   ", "41", "**", "7a", "2e", "20", "|AB|", "|z", "\n",
            ">> ", "<< ", "password=Hunt3r!", "70 61 73 73 77 6f 72 64 3d 48 75 6e 74 33 72 21",
            "\\n", "\r\n", "\\r\\n", ".", "*", "password=", "hunter2", "Basic ", "|00000000| 70 61 73 73 |pass|"};
        java.util.Random random = new java.util.Random(20261206L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String message = text.toString();
            String masked = masker.maskMessage(message, message, null);
            assertFalse(masked.contains(Masker.FAILED), message);
            StringBuilder inPlace = new StringBuilder(message);
            masker.maskMessageOf(inPlace, 0, null, null);
            assertFalse(inPlace.toString().contains(Masker.FAILED), message);
        }
    }

    /** The rows other than these, and every line that is no row. */
    private static String unchangedRows(String text, String... changed) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            boolean isChanged = false;
            for (String offset : changed) {
                isChanged |= line.startsWith("|" + offset + "|");
            }
            if (!isChanged) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
