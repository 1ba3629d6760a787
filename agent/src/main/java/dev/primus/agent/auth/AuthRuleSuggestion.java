package dev.primus.agent.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the auth events of an audit trail (written in monitor mode, with {@code audit_success}
 * or under {@code auth.default: deny}) into an {@code auth.rules} block to start from: a rule per
 * route seen, ids in paths (numbers, UUIDs, long hex) folded into {@code *}, with the methods
 * seen. Health checks are public; every other route asks for a JWT or an API key, with a
 * comment saying how often a caller was authenticated there, and where webhook events were seen.
 * A starting point to review, as the events cannot say which credential a route should take.
 */
public final class AuthRuleSuggestion {
    private static final Pattern AUTH_EVENT = Pattern.compile("\"type\":\"(auth|authz|webhook)\",\"outcome\":\"(allowed|would_deny|denied)\"");
    private static final Pattern METHOD = Pattern.compile("\"method\":\"([A-Za-z]+)\"");
    private static final Pattern ROUTE = Pattern.compile("\"route\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PRINCIPAL = Pattern.compile("\"principal\":\"");
    private static final Pattern ID_SEGMENT = Pattern.compile("[0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}");
    private static final Pattern HEALTH = Pattern.compile("/(health|healthz|ready|readyz|live|livez|ping|actuator/health(/.*)?"
            + "|actuator/info)");
    /** A path as auth rules write it: no quote, backslash or control character to escape in YAML. */
    private static final Pattern WRITABLE_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    /** What was seen on one route. */
    private static final class Route {
        final Set<String> methods = new TreeSet<String>();
        int requests;
        int withCaller;
        boolean webhook;
    }

    private final Map<String, Route> routes = new TreeMap<String, Route>();
    private int events;

    /** Reads one audit line; lines that are not auth events with a route are skipped. */
    public void add(String auditLine) {
        Matcher event = AUTH_EVENT.matcher(auditLine);
        Matcher route = ROUTE.matcher(auditLine);
        if (!event.find() || !route.find()) {
            return;
        }
        String path = template(route.group(1));
        if (path == null) {
            return;
        }
        events++;
        Route seen = routes.get(path);
        if (seen == null) {
            seen = new Route();
            routes.put(path, seen);
        }
        Matcher method = METHOD.matcher(auditLine);
        if (method.find()) {
            seen.methods.add(method.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        seen.requests++;
        seen.withCaller += PRINCIPAL.matcher(auditLine).find() ? 1 : 0;
        seen.webhook |= "webhook".equals(event.group(1));
    }

    /** The path with id segments as {@code *}; null for one a rule could not name. */
    static String template(String path) {
        if (!WRITABLE_PATH.matcher(path).matches()) {
            return null;
        }
        StringBuilder templated = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            templated.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "*" : segment);
        }
        return templated.toString();
    }

    public int events() {
        return events;
    }

    public int routes() {
        return routes.size();
    }

    /** The YAML block: literal routes before those with a {@code *}, as the first rule that matches decides. */
    public String toYaml() {
        List<String> paths = new ArrayList<String>(routes.keySet());
        Collections.sort(paths, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                int wildcards = Integer.compare(count(a), count(b));
                return wildcards != 0 ? wildcards : a.compareTo(b);
            }
        });
        StringBuilder yaml = new StringBuilder("auth:\n  default: deny\n  rules:\n");
        if (paths.isEmpty()) {
            return "auth:\n  default: deny\n  rules: []\n";
        }
        for (String path : paths) {
            Route route = routes.get(path);
            yaml.append("    - match: { path: \"").append(path).append('"');
            if (!route.methods.isEmpty()) {
                yaml.append(", methods: ").append(route.methods.toString());
            }
            yaml.append(" }\n");
            if (HEALTH.matcher(path).matches()) {
                yaml.append("      require: public   # a health check\n");
            } else {
                yaml.append("      require: { any_of: [jwt, api_key] }   # ").append(route.requests)
                        .append(route.requests == 1 ? " request, " : " requests, ").append(route.withCaller)
                        .append(" with an authenticated caller")
                        .append(route.webhook ? "; webhook events: use { webhook: ID } of its auth.webhooks entry" : "")
                        .append('\n');
            }
        }
        return yaml.toString();
    }

    private static int count(String path) {
        int wildcards = 0;
        for (int i = 0; i < path.length(); i++) {
            wildcards += path.charAt(i) == '*' ? 1 : 0;
        }
        return wildcards;
    }
}
