package dev.primus.agent.auth;

import dev.primus.agent.audit.AuditValues;
import dev.primus.agent.ratelimit.RateLimitDecision;
import dev.primus.agent.ratelimit.RateLimiter;
import java.util.Map;

/**
 * Decides one request from the bound config, in the order the package description writes down:
 * path, rule, then what the rule requires. Plain Java over an {@link AuthRequest}; the servlet
 * hook only adapts the request and carries the answer out.
 */
public final class RequestAuthenticator {
    /** The headers that name a method a POST stands for, where an app's filter honours them. */
    private static final String[] METHOD_OVERRIDES = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};
    /** The rule id of a refusal that comes before any rule: a path the normaliser rejects. */
    public static final String PATH_RULE = "auth.path";

    private final AuthSetup setup;
    private final Map<String, RateLimiter> rateLimits;
    private final String realm;

    /** @param realm the {@code WWW-Authenticate} realm: the service name */
    public RequestAuthenticator(AuthSetup setup, String realm) {
        this.setup = setup;
        this.rateLimits = setup.rateLimits();
        this.realm = realm;
    }

    /** What the limit {@code id} counts by ({@code tenant}, {@code client_ip}...), or null when there is none by that id. */
    public String rateLimitKey(String id) {
        RateLimiter limiter = rateLimits.get(id);
        return limiter == null ? null : limiter.limit().key().word();
    }

    /**
     * Never throws for anything the client sends. An allowed request of a rule that names a rate
     * limit is then counted against it.
     */
    public AuthDecision decide(AuthRequest request) {
        return limited(authenticate(request), request);
    }

    private AuthDecision limited(AuthDecision decision, AuthRequest request) {
        RateLimiter limiter = decision.rateLimit() == null ? null : rateLimits.get(decision.rateLimit());
        return limiter == null ? decision : rateLimited(decision, limiter, request);
    }

    /**
     * The limit's key comes from who the request proved to be; a caller who proved nothing (a
     * public route) is counted by client address, so anonymous traffic is limited too.
     */
    private AuthDecision rateLimited(AuthDecision allowed, RateLimiter limiter, AuthRequest request) {
        Authenticated who = allowed.authenticated();
        String bucket = who == null ? null : who.rateLimitBucket(limiter.limit().key());
        String counted = bucket != null ? bucket : "client_ip:" + request.clientIp();
        RateLimitDecision limited = limiter.decide(counted);
        if (limited.outcome() == RateLimitDecision.Outcome.BACKEND_ERROR) {
            return allowed.withRateLimitError(limiter.limit().id() + ": " + limited.reason());
        }
        if (limited.allows()) {
            return allowed;
        }
        return AuthDecision.rateLimited(allowed.rule(), who,
                ProblemResponses.tooManyRequests(java.time.Duration.ofSeconds(limited.retryAfterSeconds())),
                limiter.limit().id() + ": " + limited.reason(), limiter.limit().id());
    }

    /** Whether any rule names a handler, so {@link #decideHandler} has anything to decide. */
    public boolean hasHandlerRules() {
        return setup.rules().hasHandlerRules();
    }

    /**
     * The request again once its handler is known ({@code com.acme.OrderController#refund}): the
     * decision of the first rule naming that handler that matches, wherever it stands among the
     * path rules ({@link AuthRules#decideHandler}); null when none does. So a handler rule adds its
     * requirement to what the path rules let through.
     */
    public AuthDecision decideHandler(AuthRequest request, String handler) {
        if (!setup.rules().hasHandlerRules()) {
            return null;
        }
        String path = RequestPaths.normalise(request.rawPath());
        AuthRule rule = path == null ? null : setup.rules().decideHandler(request.method(), path, handler);
        if (rule == null) {
            return null;
        }
        return limited(judge(rule, request, path), request);
    }

    private AuthDecision authenticate(AuthRequest request) {
        String path = RequestPaths.normalise(request.rawPath());
        if (path == null) {
            return AuthDecision.refused(AuthDecision.Kind.AUTH, PATH_RULE, ProblemResponses.badRequest(),
                    "path rejected: an encoding or segment containers read differently");
        }
        AuthRule rule = setup.rules().decide(request.method(), path, null);
        AuthRule exact = setup.rules().decideExactly(request.method(), path, null, rule);
        if (exact != null) {
            AuthDecision byExactCase = judge(exact, request, path);
            if (!byExactCase.isAllowed()) {
                return byExactCase;
            }
        }
        String overriding = overridingMethod(request);
        if (overriding != null) {
            AuthRule asOverridden = setup.rules().decide(overriding, path, null);
            if (asOverridden != rule) {
                AuthDecision byOverride = judge(asOverridden, request, path);
                if (!byOverride.isAllowed()) {
                    return byOverride;
                }
            }
        }
        return judge(rule, request, path);
    }

    /**
     * The method a POST asks the app to run instead, by the headers filters honour (JAX-RS's
     * {@code HttpMethodOverrideFilter}, Spring's and others' override filters): such a request is held
     * to the rule of that method too, since the app runs that method's handler. Null when none is
     * named. Spring's {@code _method} form field is in a body the agent does not read: not seen.
     */
    private static String overridingMethod(AuthRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return null;
        }
        for (String header : METHOD_OVERRIDES) {
            String value = request.get(header);
            if (value != null && !value.trim().isEmpty() && !"POST".equalsIgnoreCase(value.trim())) {
                return value.trim().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private AuthDecision judge(AuthRule rule, AuthRequest request, String path) {
        Requirement requirement = rule.requirement();
        switch (requirement.kind()) {
            case PUBLIC:
                return rule.publicDecision();
            case DENIED:
                // Say which setting decided: an operator reads "auth.default: deny" and knows what to change.
                return AuthDecision.refused(AuthDecision.Kind.AUTHZ, rule.id(), ProblemResponses.forbidden(),
                        AuthRules.DEFAULT_ID.equals(rule.id()) ? "no auth rule matches " + request.method() + " "
                                + AuditValues.withoutSecrets(path) // as the event's route is: a path may hold a token
                                + "; auth.default: deny refuses it" : rule.id() + " denies every request");
            case WEBHOOK:
                return webhook(rule, requirement.webhookId(), request);
            default:
                return credential(rule, requirement, request);
        }
    }

    private AuthDecision webhook(AuthRule rule, String id, AuthRequest request) {
        WebhookVerifier verifier = setup.webhooks().get(id);
        String signature = request.get(verifier.header());
        byte[] body = signature == null ? null : request.body();
        Verification verification = signature == null ? Verification.missing("no " + verifier.header() + " header")
                : body == null ? Verification.invalid("body over auth.max_body_bytes or unreadable")
                : verifier.verify(request, body);
        if (verification.isAccepted()) {
            return AuthDecision.allowed(AuthDecision.Kind.WEBHOOK, rule, verification.authenticated(),
                    verification.reason());
        }
        return AuthDecision.refused(AuthDecision.Kind.WEBHOOK, rule.id(), ProblemResponses.badRequest(),
                verification.reason());
    }

    /**
     * Every accepted kind the request presents is verified; one refused is enough to refuse the
     * request, so a forged token never rides along beside a good key.
     */
    private AuthDecision credential(AuthRule rule, Requirement requirement, AuthRequest request) {
        Verification accepted = null;
        for (CredentialKind kind : requirement.acceptedKinds()) {
            Verification verification = verify(kind, request);
            if (verification == null) {
                continue;
            }
            if (!verification.isAccepted()) {
                return AuthDecision.refused(AuthDecision.Kind.AUTH, rule.id(), ProblemResponses.invalidToken(realm),
                        kind.word() + ": " + verification.reason());
            }
            if (accepted == null) {
                accepted = verification;
            }
        }
        if (accepted == null) {
            return AuthDecision.refused(AuthDecision.Kind.AUTH, rule.id(), ProblemResponses.missingCredential(realm),
                    "no credential presented (" + lookedFor(requirement) + ")");
        }
        Authenticated who = accepted.authenticated();
        if (!requirement.isGrantedBy(who.scopes())) {
            return AuthDecision.refused(AuthDecision.Kind.AUTHZ, rule.id(), who,
                    ProblemResponses.insufficientScope(realm, requirement.scopes()),
                    "scopes " + who.scopes() + " lack one of " + requirement.scopes());
        }
        return AuthDecision.verified(rule, who);
    }

    /** Where the accepted credentials were looked for, for the audit reason of a request that had none. */
    private String lookedFor(Requirement requirement) {
        StringBuilder places = new StringBuilder();
        for (CredentialKind kind : requirement.acceptedKinds()) {
            String place = kind == CredentialKind.JWT && setup.jwt() != null ? "Authorization: Bearer"
                    : kind == CredentialKind.API_KEY && setup.apiKeys() != null ? setup.apiKeys().header() : null;
            if (place != null) {
                places.append(places.length() == 0 ? "" : ", ").append(place);
            }
        }
        return places.toString();
    }

    /** The verification of one kind, or null when the request does not present it. */
    private Verification verify(CredentialKind kind, AuthRequest request) {
        if (kind == CredentialKind.JWT && setup.jwt() != null) {
            return setup.jwt().verifyAuthorization(request.get("Authorization"));
        }
        if (kind == CredentialKind.API_KEY && setup.apiKeys() != null) {
            ApiKeyVerifier keys = setup.apiKeys();
            String key = request.get(keys.header());
            // An empty header presents nothing (a client or proxy that always sends it): a token beside it decides.
            return key == null || key.trim().isEmpty() ? null : keys.verify(key);
        }
        return null;
    }
}
