package dev.primus.agent.masking;

/**
 * ip_address (off by default: most services log client addresses on purpose). IPv4 as a dotted
 * quad of 0-255 without leading zeros, not part of a longer dotted number ({@code 1.2.3.4.5});
 * IPv6 in full or {@code ::} compressed form, optionally ending in a dotted quad. A run of colons
 * and hex without {@code ::} must have eight groups, so times ({@code 10:15:30}) and MAC
 * addresses are not addresses.
 */
final class IpAddresses {
    private static final int GROUPS = 8;

    private IpAddresses() {
    }

    /** {@code at} is a digit, a hex letter at a word start, or ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        char c = s.charAt(at);
        if (c == ':') {
            if (at + 1 >= end || s.charAt(at + 1) != ':' || CharClass.wordBefore(s, from, at)
                    || (at > from && s.charAt(at - 1) == ':')) {
                return Match.NONE;
            }
            return ipv6(s, at, end);
        }
        if (CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int v4 = CharClass.isDigit(c) ? ipv4End(s, at, end) : -1;
        if (v4 > 0 && NumberEdges.endsAt(s, v4, end) && NumberEdges.startsAt(s, from, at)) {
            return Match.of(at, v4);
        }
        // After ':' or '.' this would be the tail of a longer run, already tried from its start.
        boolean tail = at > from && (s.charAt(at - 1) == ':' || s.charAt(at - 1) == '.');
        return CharClass.isHex(c) && !tail ? ipv6(s, at, end) : Match.NONE;
    }

    /** End of four dotted octets starting at {@code at}, or -1. */
    static int ipv4End(CharSequence s, int at, int end) {
        int i = at;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= end || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < end && i - start < 4 && CharClass.isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
        }
        return i;
    }

    private static long ipv6(CharSequence s, int at, int end) {
        int i = at;
        int groups = 0;
        boolean compressed = false;
        if (s.charAt(i) == ':') {
            compressed = true;
            i += 2;
        }
        int stop = i;
        while (groups < GROUPS) {
            int j = i;
            while (j < end && j - i <= 4 && CharClass.isHex(s.charAt(j))) {
                j++;
            }
            if (j == i || j - i > 4) {
                break;
            }
            if (j < end && s.charAt(j) == '.' && groups <= 6 && (i == at || s.charAt(i - 1) == ':')) {
                int v4 = ipv4End(s, i, end);
                if (v4 > 0) {
                    groups += 2;
                    stop = v4;
                }
                break;
            }
            groups++;
            stop = j;
            if (j + 1 < end && s.charAt(j) == ':' && s.charAt(j + 1) == ':') {
                if (compressed) {
                    break;
                }
                compressed = true;
                i = j + 2;
                stop = i;
            } else if (j + 1 < end && s.charAt(j) == ':' && CharClass.isHex(s.charAt(j + 1))) {
                i = j + 1;
            } else {
                break;
            }
        }
        boolean complete = compressed ? groups >= 1 && groups < GROUPS : groups == GROUPS;
        if (!complete || CharClass.wordAt(s, stop, end) || (stop < end && s.charAt(stop) == ':')) {
            return Match.NONE;
        }
        return Match.of(at, stop);
    }
}
