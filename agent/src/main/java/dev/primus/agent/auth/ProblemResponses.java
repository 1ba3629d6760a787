package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refusals the client sees: an RFC 6750 challenge in {@code WWW-Authenticate} where one
 * applies, and an RFC 9457 {@code application/problem+json} body with {@code type},
 * {@code title}, {@code status} and, for token errors, the RFC 6750 {@code error} code.
 *
 * <p>The client never learns why a credential failed (expired, wrong audience, unknown key):
 * that would tell an attacker which part of a forgery to fix. The reason goes to the audit
 * event only. The {@code type} is {@code about:blank}: the status and the error code say all
 * there is to say, so there is no problem type to document.
 *
 * <p>A request with no credential at all gets a bare challenge, {@code Bearer realm="..."}:
 * RFC 6750 section 3.1 says a resource server SHOULD NOT send an error code when the request
 * had no authentication information, and a client reads {@code invalid_token} as "refresh your
 * token", which it does not have. A presented but refused credential (JWT or API key) gets
 * {@code error="invalid_token"}.
 *
 * <p>All answers carry {@code Cache-Control: no-store}: a refusal is about this request's
 * credentials, and a shared cache must not serve it to the next caller.
 */
public final class ProblemResponses {
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** 401 for a request that presented no credential: {@code WWW-Authenticate: Bearer realm="..."}. */
    public static AuthAnswer missingCredential(String realm) {
        return answer(401, "Unauthorized", "Bearer realm=" + quoted(realm), null);
    }

    /** 401 for a credential that was presented and refused, whatever the reason. */
    public static AuthAnswer invalidToken(String realm) {
        return answer(401, "Unauthorized", "Bearer realm=" + quoted(realm) + ", error=\"invalid_token\"", "invalid_token");
    }

    /** 403 for a valid credential that lacks a required scope; names every scope the rule requires. */
    public static AuthAnswer insufficientScope(String realm, Collection<String> requiredScopes) {
        StringBuilder scope = new StringBuilder();
        for (String required : requiredScopes) {
            if (Requirement.isScopeToken(required)) { // anything else could break out of the quoted string
                scope.append(scope.length() == 0 ? "" : " ").append(required);
            }
        }
        return answer(403, "Forbidden", "Bearer realm=" + quoted(realm) + ", error=\"insufficient_scope\", scope=\""
                + scope + "\"", "insufficient_scope");
    }

    /** 403 for a request no credential can open: a denied rule, or {@code auth.default: deny}. */
    public static AuthAnswer forbidden() {
        return answer(403, "Forbidden", null, null);
    }

    /** 400 for a path {@link RequestPaths} rejects, or a webhook delivery whose signature does not verify. */
    public static AuthAnswer badRequest() {
        return answer(400, "Bad Request", null, null);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up and at least 1. */
    public static AuthAnswer tooManyRequests(Duration retryAfter) {
        long millis = retryAfter == null || retryAfter.isNegative() ? 0 : retryAfter.toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        AuthAnswer answer = answer(429, "Too Many Requests", null, null);
        Map<String, String> headers = new LinkedHashMap<String, String>(answer.headers());
        headers.put("Retry-After", Long.toString(seconds));
        return new AuthAnswer(429, headers, answer.body());
    }

    private static AuthAnswer answer(int status, String title, String challenge, String error) {
        Map<String, String> headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", PROBLEM_JSON);
        headers.put("Cache-Control", "no-store");
        if (challenge != null) {
            headers.put("WWW-Authenticate", challenge);
        }
        // Every value here is a constant of this class, so no JSON escaping is needed.
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}";
        return new AuthAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code answer} as the client asked for it: a minimal HTML page, same status and headers,
     * when its {@code Accept} header is a browser's (it names {@code application/xhtml+xml} and
     * prefers {@code text/html} to JSON), else the
     * problem+json as it is (an API client, or no preference). The page says no more than the
     * JSON does.
     */
    public static AuthAnswer negotiated(AuthAnswer answer, String accept) {
        // Browsers name application/xhtml+xml beside text/html; HttpURLConnection's default Accept
        // ("text/html, image/gif, ...") prefers HTML too but comes from API clients, which get JSON.
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("application/xhtml+xml")
                || quality(accept, "text", "html") <= Math.max(quality(accept, "application", "json"),
                quality(accept, "application", "problem+json"))) {
            return answer;
        }
        String title = answer.status() + " " + titleOf(answer.status());
        Map<String, String> headers = new LinkedHashMap<String, String>(answer.headers());
        headers.put("Content-Type", "text/html; charset=utf-8");
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1></body></html>\n";
        return new AuthAnswer(answer.status(), headers, page.getBytes(StandardCharsets.UTF_8));
    }

    private static String titleOf(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 429:
                return "Too Many Requests";
            default:
                return "Refused";
        }
    }

    /**
     * The q-value RFC 9110 gives {@code type/subtype} in {@code accept}: from the most specific
     * range that matches it ({@code text/html}, then {@code text/*}, then {@code *}{@code /*}); 0 when none does.
     */
    static double quality(String accept, String type, String subtype) {
        double exact = -1;
        double anySubtype = -1;
        double any = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String media = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException malformed) {
                        q = 0;
                    }
                }
            }
            if (media.equals(type + "/" + subtype)) {
                exact = Math.max(exact, q);
            } else if (media.equals(type + "/*")) {
                anySubtype = Math.max(anySubtype, q);
            } else if (media.equals("*/*")) {
                any = Math.max(any, q);
            }
        }
        return exact >= 0 ? exact : anySubtype >= 0 ? anySubtype : Math.max(any, 0);
    }

    /** An RFC 9110 quoted-string of the printable ASCII in {@code text}; the realm comes from config. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        String value = text == null || text.isEmpty() ? "primus" : text;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
