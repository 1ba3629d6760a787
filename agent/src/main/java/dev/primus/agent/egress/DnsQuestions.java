package dev.primus.agent.egress;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a DNS query asks about (RFC 1035 4.1: a 12-byte header, then QDCOUNT questions, each
 * a name of length-prefixed labels, a type and a class), read from a datagram bound for port 53,
 * so that a query sent to an allowed resolver by any client (JNDI's DNS provider, dnsjava, bytes
 * built by hand) is judged like a lookup. Written here rather than taken from a DNS library: it
 * reads one section of one message, and the agent must not carry a resolver library for that.
 *
 * <p>Anything that is not a plain query (a response, an update, a compressed or malformed name,
 * trailing bytes) reads as null: the caller denies what it cannot read.
 */
final class DnsQuestions {
    private static final int HEADER = 12;
    /** RFC 1035 2.3.4: a name is at most 255 bytes on the wire, a label at most 63. */
    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL = 63;
    /** Past this many questions a message is not a query any resolver answers. */
    private static final int MAX_QUESTIONS = 8;

    private DnsQuestions() {
    }

    /** The question names of a query in {@code buffer}'s remaining bytes, its position untouched; null if unreadable. */
    static List<String> of(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return of(bytes, 0, bytes.length);
    }

    /** The question names of a query in {@code data[offset, offset + length)}; null if unreadable. */
    static List<String> of(byte[] data, int offset, int length) {
        if (data == null || offset < 0 || length < HEADER || offset + length > data.length) {
            return null;
        }
        int end = offset + length;
        int flags = u16(data, offset + 2);
        boolean response = (flags & 0x8000) != 0;
        int opcode = (flags >>> 11) & 0xF;
        int questions = u16(data, offset + 4);
        if (response || opcode != 0 || questions == 0 || questions > MAX_QUESTIONS) {
            return null;
        }
        List<String> names = new ArrayList<String>(questions);
        int at = offset + HEADER;
        for (int q = 0; q < questions; q++) {
            StringBuilder name = new StringBuilder();
            int wire = 0;
            while (true) {
                if (at >= end) {
                    return null;
                }
                int label = data[at++] & 0xFF;
                wire++;
                if (label == 0) {
                    break;
                }
                // 0xC0: a compression pointer; 0x40 and 0x80: extended label types. A question
                // from a client names its own name in full.
                if (label > MAX_LABEL || at + label > end) {
                    return null;
                }
                wire += label;
                if (wire > MAX_NAME) {
                    return null;
                }
                if (name.length() > 0) {
                    name.append('.');
                }
                for (int i = 0; i < label; i++) {
                    int c = data[at + i] & 0xFF;
                    // Only printable ASCII, and no dot inside a label: anything else could make the
                    // name read as another name, or as no name at all, and slip past the rules.
                    if (c <= ' ' || c > '~' || c == '.') {
                        return null;
                    }
                    name.append((char) c);
                }
                at += label;
            }
            if (at + 4 > end) {
                return null; // QTYPE and QCLASS
            }
            at += 4;
            names.add(name.toString());
        }
        // EDNS(0) and other additional records may follow the questions; answers and authority may not.
        if (u16(data, offset + 6) != 0 || u16(data, offset + 8) != 0) {
            return null;
        }
        return names;
    }

    private static int u16(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }
}
