package dev.primus.config;

import java.util.regex.Pattern;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}: network bytes and prefix.
 *
 * <p>Config addresses must be written canonically (dotted quad without leading zeros, or IPv6
 * with colons): the spellings an attacker may use in a URL are the egress engine's business,
 * not the operator's.
 */
public final class Cidr {
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses a checked block; a bare address is a block of one. */
    public static Cidr parse(String text) {
        if (problem(text) != null) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        int slash = text.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
        return new Cidr(address, prefix);
    }

    /** Null when {@code text} is a valid block, else what is wrong. */
    static String problem(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = parseAddress(address);
        if (bytes == null) {
            return "is not a valid CIDR: '" + address + "' is not an IPv4 or IPv6 address; write e.g. 10.0.0.0/8";
        }
        if (slash < 0) {
            return null;
        }
        String prefixText = text.substring(slash + 1);
        int maxPrefix = bytes.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(prefixText);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > maxPrefix) {
            return "is not a valid CIDR: prefix length must be 0 to " + maxPrefix
                    + " for " + (bytes.length == 4 ? "IPv4" : "IPv6");
        }
        return null;
    }

    /** The bytes of a canonical IPv4 or IPv6 literal, or null; never does a DNS lookup. */
    static byte[] parseAddress(String text) {
        byte[] v4 = parseDottedQuad(text);
        return v4 != null ? v4 : Ipv6Text.parse(text);
    }

    /** The bytes of a dotted quad without leading zeros, or null. */
    static byte[] parseDottedQuad(String text) {
        if (!DOTTED_QUAD.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** True when the address (4 or 16 bytes) lies in this block. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefix % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    public int prefix() {
        return prefix;
    }
}
