package dev.primus.agent.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of {@code auth.rules}: which requests it names ({@code match}) and what it demands of
 * them ({@code require}). Every part of {@code match} that is given must match; a part not given
 * matches anything.
 *
 * <p>A rule naming GET also names HEAD: a servlet container answers HEAD by running the GET
 * handler ({@code HttpServlet.doHead}), so a GET-only rule would otherwise let HEAD run the
 * protected code unchecked.
 *
 * <p>A rule with a {@code handler} matches only when the hook knows the handler (Spring resolves
 * it after the servlet is entered), so at servlet entry such a rule is skipped, and is judged
 * again when the handler is known.
 */
public final class AuthRule {
    private final String id;
    private final PathPattern path;
    private final Set<String> methods;
    private final String handler;
    private final Requirement requirement;
    private final String rateLimit;
    /** For a public rule, what every request it lets through gets: nothing of the request is in it, so it is made once. */
    private final AuthDecision publicDecision;

    /**
     * @param id where the rule is written, for audit: {@code auth.rules[3]}
     * @param path the path pattern, or null for any path
     * @param methods HTTP methods in any case, or empty (or null) for any method
     * @param handler {@code com.acme.OrderController#refund}, or null for any handler
     * @param requirement what a matched request must show
     */
    public AuthRule(String id, PathPattern path, Collection<String> methods, String handler, Requirement requirement) {
        this(id, path, methods, handler, requirement, null);
    }

    /** @param rateLimit the id of the {@code auth.rate_limits} entry an allowed request is counted against, or null */
    public AuthRule(String id, PathPattern path, Collection<String> methods, String handler, Requirement requirement,
                    String rateLimit) {
        if (id == null || requirement == null) {
            throw new IllegalArgumentException("a rule needs an id and a requirement");
        }
        if (handler != null && handler.indexOf('#') <= 0) {
            throw new IllegalArgumentException(id + ".match.handler \"" + handler
                    + "\": write the class and method as com.acme.OrderController#refund");
        }
        this.id = id;
        this.path = path;
        this.methods = upperCase(methods);
        this.handler = handler;
        this.requirement = requirement;
        this.rateLimit = rateLimit;
        this.publicDecision = requirement.kind() == Requirement.Kind.PUBLIC ? AuthDecision.publicAccess(id, rateLimit) : null;
    }

    private static Set<String> upperCase(Collection<String> methods) {
        Set<String> upper = new LinkedHashSet<String>();
        if (methods != null) {
            for (String method : methods) {
                upper.add(method.toUpperCase(Locale.ROOT));
            }
        }
        if (upper.contains("GET")) {
            upper.add("HEAD");
        }
        return Collections.unmodifiableSet(upper);
    }

    /**
     * True when the request is one this rule names.
     *
     * @param method the request method as sent, any case
     * @param canonicalPath from {@link RequestPaths#normalise}
     * @param handler the resolved handler, {@code com.acme.OrderController#refund}, or null when
     *     not known (yet)
     */
    public boolean matches(String method, String canonicalPath, String handler) {
        return matches(method, canonicalPath, handler, true);
    }

    /** The same with the path's literal segments compared as written ({@link PathPattern#matchesExactly}). */
    public boolean matchesExactly(String method, String canonicalPath, String handler) {
        return matches(method, canonicalPath, handler, false);
    }

    private boolean matches(String method, String canonicalPath, String handler, boolean ignoringCase) {
        // Clients send methods upper case; only another spelling pays for the conversion.
        if (!methods.isEmpty() && (method == null
                || !(methods.contains(method) || methods.contains(method.toUpperCase(Locale.ROOT))))) {
            return false;
        }
        if (this.handler != null && !this.handler.equals(handler)) {
            return false;
        }
        return path == null || (ignoringCase ? path.matches(canonicalPath) : path.matchesExactly(canonicalPath));
    }

    /** Where the rule is written: {@code auth.rules[3]}, or {@code auth.default}. */
    public String id() {
        return id;
    }

    /** The path pattern, or null when the rule names any path. */
    public PathPattern path() {
        return path;
    }

    /** Upper-case methods (HEAD added where GET is named), empty for any. */
    public Set<String> methods() {
        return methods;
    }

    /** The handler the rule names, or null. */
    public String handler() {
        return handler;
    }

    /** The {@code auth.rate_limits} id an allowed request is counted against, or null. */
    public String rateLimit() {
        return rateLimit;
    }

    public Requirement requirement() {
        return requirement;
    }

    /** The decision of a request this rule lets through as public; null unless the rule is public. */
    AuthDecision publicDecision() {
        return publicDecision;
    }

    @Override
    public String toString() {
        return id + " (" + requirement + ")";
    }
}
