package dev.primus.agent.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a rule demands of a request: nothing ({@code public}), a credential of one of the named
 * kinds carrying every named scope ({@code any_of} with {@code scopes}), a valid webhook
 * signature ({@code webhook: ID}), or that it be refused ({@link #denied()}, what
 * {@code auth.default: deny} gives).
 */
public final class Requirement {
    /** What kind of demand; the fields that apply to it are documented on each accessor. */
    public enum Kind { PUBLIC, CREDENTIAL, WEBHOOK, DENIED }

    private static final Requirement PUBLIC = new Requirement(Kind.PUBLIC, Collections.<CredentialKind>emptySet(),
            Collections.<String>emptyList(), null);
    private static final Requirement DENIED = new Requirement(Kind.DENIED, Collections.<CredentialKind>emptySet(),
            Collections.<String>emptyList(), null);

    private final Kind kind;
    private final Set<CredentialKind> accepted;
    private final List<String> scopes;
    private final String webhookId;
    // The same as arrays, walked by index on every request: no iterator.
    private final CredentialKind[] acceptedKinds;
    private final String[] requiredScopes;

    private Requirement(Kind kind, Set<CredentialKind> accepted, List<String> scopes, String webhookId) {
        this.kind = kind;
        this.accepted = accepted;
        this.scopes = scopes;
        this.webhookId = webhookId;
        this.acceptedKinds = accepted.toArray(new CredentialKind[0]);
        this.requiredScopes = scopes.toArray(new String[0]);
    }

    public static Requirement publicAccess() {
        return PUBLIC;
    }

    public static Requirement denied() {
        return DENIED;
    }

    /**
     * A credential of any of {@code accepted} that carries every scope in {@code scopes}.
     *
     * @throws IllegalArgumentException when {@code accepted} is empty or names webhook, or a
     *     scope is not an RFC 6749 scope token (no spaces, quotes or backslashes)
     */
    public static Requirement anyOf(Collection<CredentialKind> accepted, Collection<String> scopes) {
        if (accepted == null || accepted.isEmpty()) {
            throw new IllegalArgumentException("any_of names no credential; use [jwt], [api_key] or [jwt, api_key]");
        }
        if (accepted.contains(CredentialKind.WEBHOOK)) {
            throw new IllegalArgumentException("webhook cannot be in any_of; write require: { webhook: ID }");
        }
        Set<String> required = new LinkedHashSet<String>();
        if (scopes != null) {
            for (String scope : scopes) {
                if (!isScopeToken(scope)) {
                    throw new IllegalArgumentException("scope \"" + scope
                            + "\" is not a scope token; a scope has no spaces, quotes or backslashes");
                }
                required.add(scope);
            }
        }
        return new Requirement(Kind.CREDENTIAL, Collections.unmodifiableSet(EnumSet.copyOf(accepted)),
                Collections.unmodifiableList(new ArrayList<String>(required)), null);
    }

    /** A delivery signed for the webhook {@code id} of {@code auth.webhooks}. */
    public static Requirement webhook(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("require: { webhook: ID } needs the id of an auth.webhooks entry");
        }
        return new Requirement(Kind.WEBHOOK, Collections.<CredentialKind>emptySet(), Collections.<String>emptyList(), id);
    }

    /** RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    static boolean isScopeToken(String scope) {
        if (scope == null || scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#CREDENTIAL}: the kinds of credential that may satisfy it; else empty. */
    public Set<CredentialKind> accepted() {
        return accepted;
    }

    /** {@link #accepted()} in the same order, for the request path; the caller must not change it. */
    CredentialKind[] acceptedKinds() {
        return acceptedKinds;
    }

    /** For {@link Kind#CREDENTIAL}: every scope the credential must carry, in config order; else empty. */
    public List<String> scopes() {
        return scopes;
    }

    /** For {@link Kind#WEBHOOK}: the id of the webhook whose signature is required; else null. */
    public String webhookId() {
        return webhookId;
    }

    /** True when {@code granted} holds every required scope (scopes compare case-sensitively, RFC 6749). */
    public boolean isGrantedBy(Collection<String> granted) {
        if (granted == null) {
            return false;
        }
        for (String scope : requiredScopes) {
            if (!granted.contains(scope)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        switch (kind) {
            case CREDENTIAL:
                return "any_of " + accepted + (scopes.isEmpty() ? "" : " with scopes " + scopes);
            case WEBHOOK:
                return "webhook " + webhookId;
            default:
                return kind.name().toLowerCase(Locale.ROOT);
        }
    }
}
