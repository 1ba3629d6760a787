package dev.primus.agent.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code path}, matched segment by segment against a canonical path from
 * {@link RequestPaths}: {@code /health} (exactly that), {@code /api/*} (exactly one segment
 * below {@code /api}), {@code /orders/{id}} (the same, with a name for the reader),
 * {@code /api/**} (any depth below {@code /api}, and {@code /api} itself).
 *
 * <p>{@code /api/**} matches {@code /api} because a rule written to protect a subtree must not
 * leave its root open: {@code /api} usually routes to the same controller as {@code /api/}.
 * For one segment only, write {@code /api/*}.
 *
 * <p>A literal segment is made canonical as a request path segment is ({@link RequestPaths}:
 * escapes decoded as UTF-8), so it may be written raw or escaped and matches both spellings of a
 * request: {@code /users/a@b.com} and {@code /users/a%40b.com} are the same pattern, and match
 * {@code /users/a%40b.com} as well as {@code /users/a@b.com}; {@code /café/**} matches the
 * {@code /caf%C3%A9/menu} every client sends. {@code ;}, {@code ?} and {@code #} are data only
 * when escaped ({@code %3B}, {@code %3F}, {@code %23}), so a pattern writes them so too.
 *
 * <p>Literal segments are compared ignoring case, so a rule also covers the spellings an app
 * that matches routes case-insensitively (Spring with {@code setCaseSensitive(false)}, a
 * Windows file system) would send to the same handler; {@link #matchesExactly} compares them as
 * written, as a case-sensitive router does ({@link AuthRules#decideExactly}: a request is held to
 * both rules where they differ). A wildcard is a whole segment, and {@code **} only the last one:
 * patterns that cannot be misread.
 */
public final class PathPattern {
    private static final String ANY_SEGMENT = "*";
    private static final String ANY_DEPTH = "**";
    /** A wildcard in {@link #segments}: null, not {@code "*"}, which a literal {@code %2A} decodes to. */
    private static final String WILDCARD = null;

    private final String text;
    /**
     * Literal segments in canonical form, {@link #WILDCARD} for {@code *} and {@code {name}}. An
     * array, walked by index: matching runs on every request and creates no iterator.
     */
    private final String[] segments;
    private final boolean anyDepthBelow;

    private PathPattern(String text, String[] segments, boolean anyDepthBelow) {
        this.text = text;
        this.segments = segments;
        this.anyDepthBelow = anyDepthBelow;
    }

    /**
     * Parses a pattern as written in {@code auth.rules[].match.path}.
     *
     * @throws IllegalArgumentException naming the pattern and what to write instead
     */
    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw invalid(pattern, "a path pattern starts with '/'");
        }
        if (pattern.contains("//")) {
            throw invalid(pattern, "'//' never reaches a rule; write a single '/'");
        }
        String body = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        List<String> segments = new ArrayList<String>();
        boolean anyDepthBelow = false;
        String[] written = body.equals("/") ? new String[0] : body.substring(1).split("/", -1);
        for (int i = 0; i < written.length; i++) {
            String segment = written[i];
            if (segment.equals(ANY_DEPTH)) {
                if (i != written.length - 1) {
                    throw invalid(pattern, "'**' must be the last segment");
                }
                anyDepthBelow = true;
            } else if (segment.equals(ANY_SEGMENT) || isNamedSegment(segment)) {
                segments.add(WILDCARD);
            } else {
                segments.add(literal(pattern, segment));
            }
        }
        return new PathPattern(pattern, segments.toArray(new String[0]), anyDepthBelow);
    }

    private static String literal(String pattern, String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw invalid(pattern, "empty, '.' and '..' segments never reach a rule; write the path they resolve to");
        }
        if (segment.indexOf('*') >= 0 || segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
            throw invalid(pattern, "'*', '**' and '{name}' must be a whole segment");
        }
        if (segment.indexOf(';') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('#') >= 0) {
            throw invalid(pattern, "';', '?' and '#' are data only when escaped; write %3B, %3F or %23");
        }
        String canonical = RequestPaths.canonicalSegment(segment);
        if (canonical == null || canonical.equals(".") || canonical.equals("..")) {
            throw invalid(pattern, "segment '" + segment + "' is a path every request with it is rejected for");
        }
        return canonical;
    }

    private static boolean isNamedSegment(String segment) {
        if (segment.length() < 3 || segment.charAt(0) != '{' || segment.charAt(segment.length() - 1) != '}') {
            return false;
        }
        for (int i = 1; i < segment.length() - 1; i++) {
            char c = segment.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String pattern, String why) {
        return new IllegalArgumentException("path pattern \"" + pattern + "\": " + why);
    }

    /** True when {@code canonicalPath} (from {@link RequestPaths#normalise}) is one this pattern names. */
    public boolean matches(String canonicalPath) {
        return matches(canonicalPath, true);
    }

    /** The same with literal segments compared as written: what a case-sensitive router sends here. */
    public boolean matchesExactly(String canonicalPath) {
        return matches(canonicalPath, false);
    }

    private boolean matches(String canonicalPath, boolean ignoringCase) {
        if (canonicalPath == null || !canonicalPath.startsWith("/")) {
            return false;
        }
        int length = canonicalPath.length();
        boolean pathUsedUp = length == 1; // "/" has no segments
        int start = 1;
        for (String expected : segments) {
            if (pathUsedUp) {
                return false;
            }
            int end = canonicalPath.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (end == start || !segmentMatches(expected, canonicalPath, start, end, ignoringCase)) {
                return false;
            }
            pathUsedUp = end == length;
            start = end + 1;
        }
        return pathUsedUp || anyDepthBelow;
    }

    private static boolean segmentMatches(String expected, String path, int start, int end, boolean ignoringCase) {
        if (expected == WILDCARD) {
            return true;
        }
        if (end - start != expected.length()) {
            return false;
        }
        // ASCII letters only ignore case: String.regionMatches(true, ...) also folds the dotless i
        // and the Kelvin sign, so /adm\u0131n (a path the app may route elsewhere) would match /admin.
        for (int i = 0; i < expected.length(); i++) {
            char a = path.charAt(start + i);
            char b = expected.charAt(i);
            if (a != b && (!ignoringCase || a >= 128 || b >= 128
                    || Character.toLowerCase(a) != Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    /** The pattern as written; the {@code route} of audit events. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
