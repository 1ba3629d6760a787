package dev.primus.agent.egress;

import dev.primus.config.Ipv6Text;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IP address in any spelling a resolver or an HTTP client may accept, so that a
 * policy sees {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1} and
 * {@code [::ffff:127.0.0.1]} all as 127.0.0.1. Never resolves a name, never calls
 * {@code InetAddress} to parse (the agent weaves its lookups), and never throws.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /**
     * The address's bytes (4 for IPv4, also for IPv4 written as mapped or compatible IPv6; 16
     * for other IPv6), or null when {@code host} is not an IP literal.
     */
    public static byte[] parse(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        try {
            return host.indexOf(':') >= 0 || host.startsWith("[") ? parseIpv6(host) : parseIpv4(host);
        } catch (RuntimeException unexpected) {
            return null;
        }
    }

    /**
     * Whether {@code host} may be an IP literal, by its characters alone: any colon (no host name
     * has one), or digits and dots only. Cheap enough for every connect, and never false for a
     * literal the JDK connects to; a loose spelling ({@code 0x7f000001}) reads as a name, which
     * only means it is judged by the address it resolved to.
     */
    public static boolean mayBeLiteral(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every resolver takes {@code host} for an address, so no lookup of it ever leaves the
     * host: four decimal parts without leading zeros, or IPv6 (bracketed, with a zone id, or not).
     * The looser spellings {@link #parse} reads ({@code 0x7f000001}, {@code 127.1}) are not: a
     * resolver may send them out as names, so a lookup of them is judged like any name.
     */
    public static boolean isUnambiguous(String host) {
        if (host.indexOf(':') >= 0) {
            return parse(host) != null;
        }
        // Read in place, not split: every name the JDK looks up passes here under dns: enforce.
        int parts = 0;
        for (int start = 0; start <= host.length(); parts++) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? host.length() : dot;
            if (parts == 4 || !isPlainOctet(host, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return parts == 4;
    }

    /** One to three decimal digits, no leading zero, at most 255. */
    private static boolean isPlainOctet(String text, int start, int end) {
        int length = end - start;
        if (length == 0 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
            return false;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }

    /**
     * IPv4 as inet_aton reads it: one to four parts, each decimal, octal (leading 0) or hex (0x).
     * Read in place: a host name is turned down without allocating, since every judged name
     * passes here.
     */
    static byte[] parseIpv4(String host) {
        int end = host.endsWith(".") ? host.length() - 1 : host.length();
        int last = 0;
        for (int i = 0; i < end; i++) {
            if (host.charAt(i) == '.' && ++last > 3) {
                return null;
            }
        }
        long address = 0;
        int start = 0;
        for (int index = 0; index <= last; index++) {
            int dot = index == last ? end : host.indexOf('.', start);
            long value = part(host, start, dot);
            if (value < 0) {
                return null;
            }
            if (index < last) {
                if (value > 0xFF) {
                    return null;
                }
                address |= value << (24 - 8 * index);
            } else if (value > (1L << (8 * (4 - last))) - 1) {
                // The last part fills every byte the earlier parts did not: 127.1 is 127.0.0.1.
                return null;
            } else {
                address |= value;
            }
            start = dot + 1;
        }
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** The value of the part of {@code text} from {@code start} to {@code end}, or -1 when it is not a number. */
    private static long part(String text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > 12) {
            return -1;
        }
        int radix = 10;
        int digits = start;
        char second = length > 1 ? text.charAt(start + 1) : 0;
        if (length > 2 && text.charAt(start) == '0' && (second == 'x' || second == 'X')) {
            radix = 16;
            digits = start + 2;
        } else if (length > 1 && text.charAt(start) == '0') {
            radix = 8;
            digits = start + 1;
        }
        long value = 0;
        for (int i = digits; i < end; i++) {
            int digit = asciiDigit(text.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
        }
        return value;
    }

    private static byte[] parseIpv6(String host) {
        String text = host;
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) {
                return null;
            }
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.isEmpty() || text.indexOf(':') < 0) {
            return null;
        }
        byte[] v6 = Ipv6Text.parse(text);
        return v6 == null ? null : unwrapIpv4(v6);
    }

    /**
     * IPv4 written as IPv6: mapped ({@code ::ffff:a.b.c.d}) and compatible ({@code ::a.b.c.d},
     * deprecated but still routed by some stacks) are the IPv4 address they carry.
     */
    static byte[] unwrapIpv4(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return v6;
            }
        }
        boolean mapped = v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
        if (mapped) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        if (v6[10] != 0 || v6[11] != 0) {
            return v6;
        }
        // :: and ::1 are IPv6's own any and loopback addresses, not wrapped IPv4.
        if (v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1)) {
            return v6;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    /** The canonical text of an address: dotted quad, or the JDK's IPv6 form. */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "invalid";
        }
    }

    /** True for 127.0.0.0/8 and ::1. */
    public static boolean isLoopback(byte[] address) {
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    /** The value of an ASCII digit in {@code radix}, or -1: never the JDK's other Unicode digits. */
    private static int asciiDigit(char c, int radix) {
        return c < 0x80 ? Character.digit(c, radix) : -1;
    }
}
