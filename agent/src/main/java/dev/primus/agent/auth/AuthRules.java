package dev.primus.agent.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code auth.rules} and {@code auth.default}: the first rule that names a request decides what
 * it must show; a request no rule names gets the default, a public or a denied requirement under
 * the id {@code auth.default}.
 */
public final class AuthRules {
    /** The id audit events carry when no rule named the request. */
    public static final String DEFAULT_ID = "auth.default";

    private final List<AuthRule> rules;
    /** {@link #rules} as an array, walked by index: every request is matched, and creates no iterator. */
    private final AuthRule[] inOrder;
    private final AuthRule fallback;
    private final boolean handlerRules;

    /**
     * @param rules in config order
     * @param defaultAllows {@code auth.default}: true for allow, false for deny
     */
    public AuthRules(List<AuthRule> rules, boolean defaultAllows) {
        this.rules = Collections.unmodifiableList(new ArrayList<AuthRule>(rules));
        this.inOrder = this.rules.toArray(new AuthRule[0]);
        this.fallback = new AuthRule(DEFAULT_ID, null, null, null,
                defaultAllows ? Requirement.publicAccess() : Requirement.denied());
        boolean anyHandler = false;
        for (AuthRule rule : rules) {
            anyHandler |= rule.handler() != null;
        }
        this.handlerRules = anyHandler;
    }

    /**
     * The rule that decides the request: the first that matches, else the default. Never null.
     *
     * @param method the request method, any case
     * @param canonicalPath from {@link RequestPaths#normalise}; a rejected (null) path must be
     *     answered 400 by the caller before it gets here
     * @param handler {@code com.acme.OrderController#refund}, or null when not known
     */
    public AuthRule decide(String method, String canonicalPath, String handler) {
        for (AuthRule rule : inOrder) {
            if (rule.matches(method, canonicalPath, handler)) {
                return rule;
            }
        }
        return fallback;
    }

    /**
     * The rule a case-sensitive router's request meets, where it differs from {@code decided}
     * (what {@link #decide} gave, comparing literal segments ignoring case); null where it is the
     * same. {@code /files/PUBLIC} meets a public {@code /files/public} ignoring case, while Spring
     * runs the {@code /files/{name}} handler, which {@code /files/*} protects: the caller applies
     * both rules, so that neither way of routing is weaker than its own rule. Costs one exact
     * match of {@code decided} for a request whose case fits it, as nearly every one does.
     */
    public AuthRule decideExactly(String method, String canonicalPath, String handler, AuthRule decided) {
        if (decided == fallback || decided.matchesExactly(method, canonicalPath, handler)) {
            return null;
        }
        boolean after = false;
        for (AuthRule rule : inOrder) {
            if (rule == decided) {
                after = true; // no rule before it matched ignoring case, so none matches exactly
            } else if (after && rule.matchesExactly(method, canonicalPath, handler)) {
                return rule;
            }
        }
        return fallback;
    }

    /**
     * The first rule naming {@code handler} that matches the request, wherever it stands among the
     * path rules: a handler rule adds its requirement to what they let through, so a path rule
     * before it that matches the same request does not hide it. Null when no such rule matches.
     */
    public AuthRule decideHandler(String method, String canonicalPath, String handler) {
        for (AuthRule rule : inOrder) {
            if (rule.handler() != null && rule.matches(method, canonicalPath, handler)) {
                return rule;
            }
        }
        return null;
    }

    /** Whether any rule names a handler, so the handler hook has anything to check. */
    public boolean hasHandlerRules() {
        return handlerRules;
    }

    public List<AuthRule> rules() {
        return rules;
    }
}
