package dev.primus.agent.egress;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * URL paths as a server will read them, so a url rule's prefix cannot be escaped with dot
 * segments: {@code /v1/../admin}, {@code /v1/%2e%2e/admin}, {@code /v1/%2E%2E%2Fadmin},
 * {@code /v1/..;/admin} (path parameters, as Tomcat reads them) and {@code //admin} all become
 * {@code /admin}. The query and fragment are cut off first.
 */
final class UrlPaths {
    private UrlPaths() {
    }

    static String normalise(String rawPath) {
        String path = rawPath;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        path = collapseSlashes(stripPathParameters(decodeDotsAndSlashes(path.replace('\\', '/'))));
        return removeDotSegments(path.isEmpty() ? "/" : path);
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }

    /** Decodes only {@code %2e} and {@code %2f} (any case): the escapes that change which segment is which. */
    private static String decodeDotsAndSlashes(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && path.charAt(i + 1) == '2') {
                char kind = Character.toLowerCase(path.charAt(i + 2));
                if (kind == 'e' || kind == 'f') {
                    out.append(kind == 'e' ? '.' : '/');
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Drops {@code ;name=value} from every segment. */
    private static String stripPathParameters(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                inParameters = false;
            } else if (c == ';') {
                inParameters = true;
            }
            if (!inParameters) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String collapseSlashes(String path) {
        if (path.indexOf("//") < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4, on an absolute path. */
    private static String removeDotSegments(String path) {
        if (path.indexOf("/.") < 0) {
            return path;
        }
        Deque<String> segments = new ArrayDeque<String>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (".".equals(part)) {
                if (last) {
                    segments.addLast("");
                }
            } else if ("..".equals(part)) {
                segments.pollLast();
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(part);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
