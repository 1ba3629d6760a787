package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The names a DNS query asks about: against a published query, and differentially against
 * dnsjava, an independent DNS implementation, on many random queries and corruptions of them.
 */
class DnsQuestionsTest {
    /**
     * A standard query for example.com, type A, class IN, id 0xabcd, recursion desired: the
     * message of RFC 1035 4.1 as it appears in countless packet traces of {@code dig example.com}.
     */
    private static final byte[] EXAMPLE_COM_QUERY = {
        (byte) 0xab, (byte) 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x07, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0x03, 'c', 'o', 'm', 0x00, 0x00, 0x01, 0x00, 0x01,
    };

    @Test
    void readsThePublishedQuery() {
        assertEquals(List.of("example.com"), DnsQuestions.of(EXAMPLE_COM_QUERY, 0, EXAMPLE_COM_QUERY.length));
    }

    @Test
    void readsFromABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(EXAMPLE_COM_QUERY);
        assertEquals(List.of("example.com"), DnsQuestions.of(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void aResponseIsNotAQuery() {
        byte[] response = EXAMPLE_COM_QUERY.clone();
        response[2] |= (byte) 0x80;
        assertNull(DnsQuestions.of(response, 0, response.length));
    }

    @Test
    void aTruncatedQueryIsUnreadable() {
        for (int length = 0; length < EXAMPLE_COM_QUERY.length; length++) {
            assertNull(DnsQuestions.of(EXAMPLE_COM_QUERY, 0, length), "cut at " + length);
        }
    }

    @Test
    void aCompressedOrBinaryNameIsUnreadable() {
        byte[] pointer = EXAMPLE_COM_QUERY.clone();
        pointer[12] = (byte) 0xC0;
        assertNull(DnsQuestions.of(pointer, 0, pointer.length), "a compression pointer in a question");
        byte[] binary = EXAMPLE_COM_QUERY.clone();
        binary[14] = (byte) 0xFF;
        assertNull(DnsQuestions.of(binary, 0, binary.length), "a byte no host name holds");
        byte[] dotted = EXAMPLE_COM_QUERY.clone();
        dotted[15] = '.';
        assertNull(DnsQuestions.of(dotted, 0, dotted.length), "a dot inside a label reads as another name");
    }

    @Test
    void agreesWithDnsjavaOnRandomQueries() throws Exception {
        Random random = new Random(53);
        for (int i = 0; i < 20_000; i++) {
            Name name = Name.fromString(randomName(random) + ".");
            Message query = Message.newQuery(Record.newRecord(name, random.nextBoolean() ? Type.A : Type.TXT, DClass.IN));
            if (random.nextBoolean()) {
                query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            }
            byte[] wire = query.toWire();
            String expected = new Message(wire).getQuestion().getName().toString(true).toLowerCase(Locale.ROOT);
            assertEquals(List.of(expected), lower(DnsQuestions.of(wire, 0, wire.length)), name.toString());
        }
    }

    @Test
    void whereBothReadACorruptedQueryTheyReadTheSameNames() throws Exception {
        Random random = new Random(853);
        int read = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] wire = Message.newQuery(Record.newRecord(Name.fromString(randomName(random) + "."), Type.A, DClass.IN)).toWire();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
            }
            List<String> ours = DnsQuestions.of(wire, 0, wire.length);
            if (ours == null) {
                continue; // Denied as unreadable: nothing can leak through a query that is not read.
            }
            Message theirs;
            try {
                theirs = new Message(wire);
            } catch (java.io.IOException malformedElsewhere) {
                continue; // A broken additional section, say: a resolver refuses the whole message.
            }
            read++;
            assertEquals(false, theirs.getHeader().getFlag(Flags.QR));
            Record[] questions = theirs.getSectionArray(Section.QUESTION);
            assertEquals(ours.size(), questions.length);
            for (int q = 0; q < questions.length; q++) {
                assertEquals(raw(questions[q].getName()), ours.get(q).toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(read > 1000, "enough corrupted queries were still readable to compare: " + read);
    }

    /** The name's labels as the bytes on the wire, lower-cased: dnsjava's text form escapes some characters. */
    private static String raw(Name name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.labels(); i++) {
            byte[] label = name.getLabel(i);
            if (label.length <= 1) {
                continue; // the root
            }
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(new String(label, 1, label.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names == null ? null : names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String randomName(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder name = new StringBuilder();
        int labels = 1 + random.nextInt(5);
        for (int l = 0; l < labels; l++) {
            if (l > 0) {
                name.append('.');
            }
            int length = 1 + random.nextInt(l == 0 ? 63 : 20);
            for (int c = 0; c < length; c++) {
                char next = alphabet.charAt(random.nextInt(alphabet.length()));
                name.append(next == '-' && (c == 0 || c == length - 1) ? 'x' : next);
            }
        }
        return name.toString();
    }
}
