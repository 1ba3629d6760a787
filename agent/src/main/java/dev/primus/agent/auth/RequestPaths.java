package dev.primus.agent.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical path a rule is matched against, computed from the raw request URI (the bytes on
 * the request line, {@code HttpServletRequest.getRequestURI()}, before the container decodes it).
 *
 * <p>Every spelling a container or framework would route to the same handler must give the same
 * canonical path, or a rule could be walked around. In order, as Tomcat reads a URI:
 * <ol>
 *   <li>the query string ({@code ?...}) is cut off; a {@code #} is rejected (no client sends one);</li>
 *   <li>the path is split on {@code /}, and path parameters ({@code ;jsessionid=..}, {@code ..;x})
 *       are cut from every segment before anything is decoded, so {@code %3B} stays data;</li>
 *   <li>escapes of unreserved chars ({@code %61} a, {@code %2e} .) are decoded, exactly once;
 *       every other escape stays, in upper case hex, so {@code %252e} is the literal text
 *       {@code %252E}, never a dot;</li>
 *   <li>empty segments ({@code //}) and {@code .} are dropped, {@code ..} removes the segment
 *       before it; a trailing slash is dropped, so {@code /admin/} meets the rule for
 *       {@code /admin}.</li>
 * </ol>
 *
 * <p>Rejected (null; the caller answers 400) where containers disagree about the meaning, so no
 * canonical form could be right for all of them: an encoded {@code /} ({@code %2F}), {@code \}
 * ({@code %5C}), NUL ({@code %00}) or {@code %} ({@code %25}, double encoding, which Spring's
 * StrictHttpFirewall rejects too); a raw backslash (Tomcat rejects it, Jetty keeps it as data,
 * IIS reads it as a slash); a raw control char; a {@code ..} that climbs above the root; a
 * {@code %} not followed by two hex digits; a path that does not start with {@code /}.
 *
 * <p>Case is kept (servlet paths are case-sensitive); {@link PathPattern} compares literal
 * segments ignoring case.
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    /** The canonical path of {@code rawUri}, or null when it must be rejected. Never throws. */
    public static String normalise(String rawUri) {
        if (rawUri == null) {
            return null;
        }
        int queryStart = rawUri.indexOf('?');
        String raw = queryStart < 0 ? rawUri : rawUri.substring(0, queryStart);
        if (!raw.startsWith("/") || raw.indexOf('#') >= 0) {
            return null;
        }
        List<String> segments = new ArrayList<String>();
        int start = 1;
        while (start <= raw.length()) {
            int end = raw.indexOf('/', start);
            if (end < 0) {
                end = raw.length();
            }
            String segment = canonicalSegment(withoutParameters(raw.substring(start, end)));
            if (segment == null) {
                return null;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        return join(segments);
    }

    private static String withoutParameters(String segment) {
        int parameters = segment.indexOf(';');
        return parameters < 0 ? segment : segment.substring(0, parameters);
    }

    /**
     * One segment with unreserved escapes decoded and the rest in upper case, or null when it
     * holds something {@link #normalise} rejects. Also used for the literal segments of patterns.
     */
    static String canonicalSegment(String segment) {
        StringBuilder out = null;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
            if (c != '%') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            char high = segment.charAt(i + 1);
            char low = segment.charAt(i + 2);
            if (!isAsciiHexDigit(high) || !isAsciiHexDigit(low)) {
                return null;
            }
            char decoded = (char) (Character.digit(high, 16) * 16 + Character.digit(low, 16));
            if (decoded == '/' || decoded == '\\' || decoded == 0 || decoded == '%') {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(segment.length()).append(segment, 0, i);
            }
            if (isUnreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(Character.toUpperCase(high)).append(Character.toUpperCase(low));
            }
            i += 2;
        }
        return out == null ? segment : out.toString();
    }

    // Not Character.digit alone: it also accepts full-width and other Unicode digits.
    private static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986 section 2.3: the chars whose escaped and plain spellings mean the same. */
    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static String join(List<String> segments) {
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        return path.toString();
    }
}
