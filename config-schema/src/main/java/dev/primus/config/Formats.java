package dev.primus.config;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats the schema names ({@code duration}, {@code size}, {@code cidr},
 * {@code host-pattern}, {@code uri}): each checked here, and the first two also parsed here so
 * the check and the typed value can never disagree.
 */
public final class Formats {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");
    /** At least 1 and at most six digits, so no unit can overflow a long. */
    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,5})(B|KB|MB|GB)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0[xX][0-9a-fA-F.xX]*");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private Formats() {
    }

    /** Null when {@code text} has the format, else what is wrong, to follow the value in a message. */
    static String check(String format, String text) {
        switch (format) {
            case "duration":
                return DURATION.matcher(text).matches() ? null
                        : "is not a duration; write a number with ms, s, m, h or d, e.g. 60s";
            case "size":
                return SIZE.matcher(text).matches() ? null
                        : "is not a size; write a number from 1 to 999999 with B, KB, MB or GB, e.g. 100MB";
            case "cidr":
                return Cidr.problem(text);
            case "host-pattern":
                return hostPatternProblem(text);
            case "uri":
                return uriProblem(text);
            default:
                throw new IllegalStateException("schema: unsupported format " + format);
        }
    }

    /** Milliseconds of a checked duration such as {@code 60s}. */
    public static long durationMillis(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return amount;
            case "s":
                return amount * 1000L;
            case "m":
                return amount * 60_000L;
            case "h":
                return amount * 3_600_000L;
            default:
                return amount * 86_400_000L;
        }
    }

    /** Bytes of a checked size such as {@code 100MB} (powers of 1024). */
    public static long sizeBytes(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "KB":
                return amount << 10;
            case "MB":
                return amount << 20;
            case "GB":
                return amount << 30;
            default:
                return amount;
        }
    }

    private static String hostPatternProblem(String text) {
        String host = text.startsWith("*.") ? text.substring(2) : text;
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.indexOf(':') >= 0) {
            return Cidr.parseAddress(host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1) : host) != null
                    ? null : "is not a host name or IP address";
        }
        String notAHost = "is not a host name; write a name such as api.example.com or *.example.com";
        if (NUMERIC_HOST.matcher(host).matches()) {
            // An address in a host rule must read the same to every resolver: a dotted quad.
            return Cidr.parseDottedQuad(host) != null ? null
                    : "is not a canonical IPv4 address; write it as a dotted quad without leading zeros, e.g. 10.0.0.1";
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return notAHost;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return notAHost;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return notAHost;
            }
        }
        return null;
    }

    private static String uriProblem(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "is not an absolute URL; write it as scheme://host/path";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }
}
