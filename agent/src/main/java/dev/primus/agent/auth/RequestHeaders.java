package dev.primus.agent.auth;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request's header values by name, case-insensitively, as a servlet's {@code getHeader} gives
 * them ({@code request::getHeader}): the first value of a repeated header, null when absent.
 */
public interface RequestHeaders {
    /** The value of header {@code name}, any case, or null when the request has none. */
    String get(String name);

    /** Headers from a map whose keys are header names in any case; for callers without a request. */
    static RequestHeaders of(Map<String, String> headers) {
        final Map<String, String> byName = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return byName::get;
    }
}
