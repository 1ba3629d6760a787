package dev.primus.config;

/**
 * Parses IPv6 literal text ({@code fd00:ec2::254}, {@code ::ffff:127.0.0.1}) into its 16 bytes
 * by hand. Not through {@code InetAddress}: the agent weaves {@code InetAddress.getAllByName},
 * so parsing an address from inside the agent must never call it.
 */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    /** The 16 bytes, or null when {@code text} is not an IPv6 literal (no brackets, no zone). */
    public static byte[] parse(String text) {
        if (text.isEmpty() || text.indexOf(':') < 0) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** The 16-bit groups of one side of {@code ::}; a trailing dotted quad counts as two. Null when malformed. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        String last = parts[parts.length - 1];
        boolean dotted = last.indexOf('.') >= 0;
        int[] groups = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length - (dotted ? 1 : 0); i++) {
            int value = hexGroup(parts[i]);
            if (value < 0) {
                return null;
            }
            groups[i] = value;
        }
        if (dotted) {
            byte[] v4 = Cidr.parseDottedQuad(last);
            if (v4 == null) {
                return null;
            }
            groups[groups.length - 2] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
            groups[groups.length - 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        }
        return groups;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = asciiDigit(part.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The value of an ASCII digit in {@code radix}, or -1: never the JDK's other Unicode digits. */
    private static int asciiDigit(char c, int radix) {
        return c < 0x80 ? Character.digit(c, radix) : -1;
    }
}
