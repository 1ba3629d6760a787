package dev.primus.agent.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical path a rule is matched against, computed from the raw request URI (the bytes on
 * the request line, {@code HttpServletRequest.getRequestURI()}, before the container decodes it).
 *
 * <p>Every spelling a container or framework would route to the same handler must give the same
 * canonical path, or a rule could be walked around. The canonical form is the decoded one, as in
 * the container's servlet path: {@code /v1/orders/1%3Acancel} and {@code /v1/orders/1:cancel}
 * are both {@code /v1/orders/1:cancel}, {@code /caf%C3%A9} and {@code /café} both
 * {@code /café}. In order, as Tomcat reads a URI:
 * <ol>
 *   <li>the query string ({@code ?...}) is cut off; a {@code #} is rejected (no client sends one);</li>
 *   <li>the path is split on {@code /}, and path parameters ({@code ;jsessionid=..}, {@code ..;x})
 *       are cut from every segment before anything is decoded, so {@code %3B} stays data;</li>
 *   <li>every escape is decoded, exactly once, as UTF-8 ({@code %61} a, {@code %2e} .,
 *       {@code %3A} :, {@code %C3%A9} é), so {@code %2e%2e} is {@code ..} in the next step;
 *       only {@code %3B}, {@code %3F} and {@code %23} stay escaped (in upper case), since a raw
 *       {@code ;}, {@code ?} or {@code #} would mean a parameter, the query or a fragment: they
 *       have no raw spelling as data, and the canonical path reads back as itself;</li>
 *   <li>empty segments ({@code //}) and {@code .} are dropped, {@code ..} removes the segment
 *       before it; a trailing slash is dropped, so {@code /admin/} meets the rule for
 *       {@code /admin}.</li>
 * </ol>
 * {@code normalise} is idempotent: a canonical path is its own canonical path.
 *
 * <p>Rejected (null; the caller answers 400) where containers disagree about the meaning, so no
 * canonical form could be right for all of them: an encoded {@code /} ({@code %2F}), {@code \}
 * ({@code %5C}), NUL ({@code %00}) or {@code %} ({@code %25}, double encoding, which Spring's
 * StrictHttpFirewall rejects too); a raw backslash (Tomcat rejects it, Jetty keeps it as data,
 * IIS reads it as a slash); a control char, raw or encoded; escapes that are not valid UTF-8
 * (overlong forms such as {@code %C0%AE}, encoded surrogates, a cut-off sequence); a
 * {@code ..} that climbs above the root; a {@code %} not followed by two hex digits; a path
 * that does not start with {@code /}.
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
        // What nearly every request sends is canonical already: judged as is, without a copy.
        return isCanonical(rawUri) ? rawUri : canonicalForm(rawUri);
    }

    /** {@link #normalise} the long way: split, cut, decode, resolve and join. */
    static String canonicalForm(String rawUri) {
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

    /**
     * Whether {@code path} is already its own canonical form, so {@link #normalise} can return
     * it as is: it starts with {@code /}, has no empty, {@code .} or {@code ..} segment and no
     * trailing slash, and no char the long way would cut, decode or reject ({@code %}, {@code ;},
     * {@code ?}, {@code #}, a backslash, a control char, half a surrogate pair). Anything else
     * takes the long way, {@link #canonicalForm}.
     */
    static boolean isCanonical(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/') {
            return false;
        }
        if (length == 1) {
            return true; // "/"
        }
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            char c = i == length ? '/' : path.charAt(i);
            if (c == '/') {
                int segmentLength = i - segmentStart;
                if (segmentLength == 0 // "//" or a trailing slash
                        || segmentLength == 1 && path.charAt(segmentStart) == '.'
                        || segmentLength == 2 && path.charAt(segmentStart) == '.' && path.charAt(segmentStart + 1) == '.') {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c == '%' || c == ';' || c == '?' || c == '#' || !isData(c)) {
                return false;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= length || !Character.isLowSurrogate(path.charAt(i + 1))) {
                    return false; // a lone half: the long way rejects it
                }
                i++;
            }
        }
        return true;
    }

    private static String withoutParameters(String segment) {
        int parameters = segment.indexOf(';');
        return parameters < 0 ? segment : segment.substring(0, parameters);
    }

    /**
     * One segment (path parameters already cut) in canonical form: every escape decoded as UTF-8,
     * except {@code ;}, {@code ?} and {@code #}, which stay as {@code %3B}, {@code %3F} and
     * {@code %23}. Null when it holds something {@link #normalise} rejects. Also used for the
     * literal segments of patterns.
     */
    static String canonicalSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        byte[] escaped = null; // the bytes of the run of escapes being read, decoded together
        int escapedCount = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return null;
                }
                char high = segment.charAt(i + 1);
                char low = segment.charAt(i + 2);
                if (!isAsciiHexDigit(high) || !isAsciiHexDigit(low)) {
                    return null;
                }
                if (escaped == null) {
                    escaped = new byte[segment.length() / 3];
                }
                escaped[escapedCount++] = (byte) (Character.digit(high, 16) * 16 + Character.digit(low, 16));
                i += 2;
                continue;
            }
            if (escapedCount > 0) {
                if (!appendDecoded(escaped, escapedCount, out)) {
                    return null;
                }
                escapedCount = 0;
            }
            if (!isData(c) || c == ';' || c == '?' || c == '#') {
                return null; // raw ';' '?' '#' never reach a segment of a request path
            }
            if (Character.isSurrogate(c)) {
                // Only a whole pair is a char; a lone half has no UTF-8 spelling, so no request has it.
                if (!Character.isHighSurrogate(c) || i + 1 >= segment.length()
                        || !Character.isLowSurrogate(segment.charAt(i + 1))) {
                    return null;
                }
                out.append(c);
                c = segment.charAt(++i);
            }
            out.append(c);
        }
        if (escapedCount > 0 && !appendDecoded(escaped, escapedCount, out)) {
            return null;
        }
        return out.toString();
    }

    /** Decodes a run of escaped bytes as strict UTF-8 (no overlong forms, no surrogates). */
    private static boolean appendDecoded(byte[] bytes, int count, StringBuilder out) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded;
        try {
            decoded = utf8.decode(ByteBuffer.wrap(bytes, 0, count));
        } catch (CharacterCodingException e) {
            return false;
        }
        while (decoded.hasRemaining()) {
            char c = decoded.get();
            if (c == '/' || c == '%' || !isData(c)) {
                return false; // encoded '/', '%' (double encoding), '\\', NUL or another control char
            }
            if (c == ';') {
                out.append("%3B"); // kept escaped: a raw ';' would start a path parameter
            } else if (c == '?') {
                out.append("%3F"); // a raw '?' would start the query
            } else if (c == '#') {
                out.append("%23"); // a raw '#' is rejected
            } else {
                out.append(c);
            }
        }
        return true;
    }

    /** Whether a char may stand in a segment, raw or decoded: not a backslash or a control char. */
    private static boolean isData(char c) {
        return c != '\\' && !Character.isISOControl(c);
    }

    // Not Character.digit alone: it also accepts full-width and other Unicode digits.
    private static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
