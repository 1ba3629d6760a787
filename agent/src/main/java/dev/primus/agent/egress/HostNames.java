package dev.primus.agent.egress;

import java.net.IDN;
import java.util.Locale;

/** Host names as a policy compares them: lower case, ASCII (punycode), no trailing dot. */
public final class HostNames {
    private HostNames() {
    }

    /** The normal form of {@code host}, or null when it cannot be a host name at all. */
    public static String normalise(String host) {
        if (host == null) {
            return null;
        }
        String name = host.trim();
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return null;
        }
        if (!isAscii(name)) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
