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

    /** Whether any rule names a handler, so the handler hook has anything to check. */
    public boolean hasHandlerRules() {
        return handlerRules;
    }

    public List<AuthRule> rules() {
        return rules;
    }
}
