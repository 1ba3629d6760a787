package dev.primus.agent.servlet;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditValues;
import dev.primus.agent.audit.RequestContext;
import dev.primus.agent.auth.AuthAnswer;
import dev.primus.agent.auth.AuthDecision;
import dev.primus.agent.auth.Authenticated;
import dev.primus.agent.auth.ProblemResponses;
import dev.primus.agent.auth.RequestAuthenticator;
import dev.primus.agent.control.KillSwitch;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.metrics.SampledTimer;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.AuthGate;
import dev.primus.config.Mode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auth engine at a servlet container's request entry: adapts the request, lets the
 * {@link RequestAuthenticator} decide, audits, and either answers the request itself or lets it
 * through carrying who it is (request attributes, MDC). In monitor mode a refusal is audited as
 * {@code would_deny} and the request goes on.
 */
public final class AuthGuard implements AuthGate.Checker {
    static final String PRINCIPAL_ATTRIBUTE = "primus.principal";
    static final String TENANT_ATTRIBUTE = "primus.tenant";
    static final String SCOPES_ATTRIBUTE = "primus.scopes";
    private static final long BACKEND_ERROR_AUDIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The generation in force; each request reads it once, so a reload never splits a decision. */
    private volatile AuthPolicy policy;
    private final AuditPipeline audit;
    /** Null when metrics are off. */
    private final AgentMetrics metrics;
    private final SampledTimer timer;
    private final RequestMdc mdc = new RequestMdc();
    private final AppSpans spans = new AppSpans();
    /** When a rate limit's backend failure was last audited: an outage is one event per interval, not one per request. */
    private final AtomicLong lastBackendErrorAudit = new AtomicLong();
    /**
     * Each thread's entries under way (which request each carries, whether it set MDC keys) and
     * the objects it judges and serves requests with: made on a thread's first request, reused
     * by every later one.
     */
    private final ThreadLocal<RequestThread> threads = new ThreadLocal<RequestThread>() {
        @Override
        protected RequestThread initialValue() {
            return new RequestThread(spans, mdc);
        }
    };

    public AuthGuard(RequestAuthenticator authenticator, Mode mode, boolean auditSuccess, int maxBodyBytes,
                     AuditPipeline audit) {
        this(new AuthPolicy(authenticator, mode, auditSuccess, maxBodyBytes), audit, null);
    }

    /** @param metrics where decisions are counted and timed, or null when metrics are off */
    public AuthGuard(AuthPolicy policy, AuditPipeline audit, AgentMetrics metrics) {
        this.policy = policy;
        this.audit = audit;
        this.metrics = metrics;
        this.timer = metrics == null ? null : metrics.decisionTimer(AgentMetrics.AUTH);
    }

    /** Puts a reloaded policy in force for every request that enters from now on. */
    public void apply(AuthPolicy next) {
        policy = next;
    }

    /** The policy to judge by, or null when the guard stands aside: the kill file exists, or auth is off. */
    private AuthPolicy inForce() {
        AuthPolicy current = policy;
        return KillSwitch.engaged() || current.mode == Mode.OFF ? null : current;
    }

    @Override
    public Object admit(Object request, Object response) {
        ServletApi api = ServletApi.of(request);
        RequestThread thread = threads.get();
        // The frame exists from here on, whatever follows, so that leave() pairs with it.
        Object innermost = api == null ? request : api.innermost(request);
        if (thread.frames.push(innermost, api)) {
            return request; // Judged at an outer entry: the filter chain re-entered, or a forward.
        }
        dropLeftovers(thread, api, request, innermost);
        Object admitted = judge(thread, api, request, innermost, response);
        if (admitted == null) {
            thread.frames.pop(); // Answered: the woven method returns at once, and no leave() follows.
        }
        return admitted;
    }

    /**
     * Async, error, forward and include dispatches pass as the request they belong to, which was
     * judged: where its mark shows so ({@link JudgedMark}). A dispatch type a wrapper claims for a
     * request never judged is judged as the request it is. What is judged is read from the
     * container's own request, under any wrapper that code in the app put in its place (Tomcat's
     * public {@code Request.setRequest}), whose method and path could be any.
     *
     * @param innermost the container's request under any wrappers
     */
    private Object judge(RequestThread thread, ServletApi api, Object request, Object innermost, Object response) {
        AuthPolicy policy = inForce();
        if (policy == null || api == null) {
            return request;
        }
        if (!api.isRequestDispatch(request) && JudgedMark.isOn(api, innermost)) {
            return request;
        }
        ServletAuthRequest view = thread.view(api, innermost, policy.maxBodyBytes);
        Object admitted;
        try {
            long started = timer == null ? 0 : timer.startSample();
            AuthDecision decision = policy.authenticator.decide(view);
            if (started != 0) {
                timer.endSample(started);
            }
            admitted = act(thread, policy, decision, view, api, response, true);
        } finally {
            thread.release(view);
        }
        if (admitted == null) {
            return null;
        }
        JudgedMark.set(api, innermost);
        thread.judged = innermost;
        // The wrapper the container was handed goes on, unless the body was read and is replayed.
        return admitted == innermost ? request : admitted;
    }

    /**
     * Audits and carries out a decision: the request to go on with, or null once answered. A
     * refusal is answered before the app's request (which may replay a body) is built, so nothing
     * that building could fail on stands between a refused request and its answer.
     *
     * @param replayBody whether the request to go on with may be a new one replaying what was read of its body
     */
    private Object act(RequestThread thread, AuthPolicy policy, AuthDecision decision, ServletAuthRequest view,
                       ServletApi api, Object response, boolean replayBody) {
        if (decision.rateLimitError() != null) {
            auditBackendError(policy, decision, view);
        }
        if (!decision.isAllowed() && policy.mode == Mode.ENFORCE) {
            try {
                count(policy, decision, "denied");
                audit(policy, decision, view, "denied");
            } catch (Throwable failure) {
                // The refusal stands whatever recording it met: a failure here must not let the request through.
                AgentFailures.record("auth audit of a refusal", failure);
            }
            try {
                answer(api, response, ProblemResponses.negotiated(decision.refusal(), view.get("Accept")));
            } catch (RuntimeException failure) {
                AgentFailures.record("auth answer of a refusal", failure); // unanswered, but still refused
            }
            return null;
        }
        Object admitted = replayBody ? view.requestForApp() : view.request();
        if (decision.isAllowed()) {
            count(policy, decision, "allowed");
            if (policy.auditSuccess) {
                audit(policy, decision, view, "allowed");
            }
            carry(thread, api, admitted, decision.authenticated());
            correlate(thread, decision, view);
            return admitted;
        }
        count(policy, decision, "would_deny");
        audit(policy, decision, view, "would_deny");
        correlate(thread, decision, view);
        return admitted;
    }

    /** Counts a decision by its kind and rule, and a refusal by its reason code or its rate limit. */
    private void count(AuthPolicy policy, AuthDecision decision, String outcome) {
        if (metrics == null) {
            return;
        }
        metrics.decision(decision.kind().eventType(), outcome, decision.rule());
        if (decision.isAllowed()) {
            return;
        }
        if (decision.kind() == AuthDecision.Kind.RATE_LIMIT) {
            metrics.rateLimitRejection(decision.rateLimit(), policy.authenticator.rateLimitKey(decision.rateLimit()));
        } else {
            metrics.authFailure(decision.failureCode(), decision.rule());
        }
    }

    @Override
    public Object admitExchange(Object exchange) {
        Object context = UndertowExchanges.context(exchange);
        Object request = context == null ? null : UndertowExchanges.request(context);
        ServletApi api = request == null ? null : ServletApi.of(request);
        RequestThread thread = threads.get();
        Object innermost = api == null ? exchange : api.innermost(request);
        if (thread.frames.push(innermost, api)) {
            return exchange;
        }
        if (request == null) {
            return exchange;
        }
        dropLeftovers(thread, api, request, innermost);
        Object admitted = judge(thread, api, request, innermost, UndertowExchanges.response(context));
        if (admitted == null) {
            thread.frames.pop();
            return null;
        }
        if (admitted != request) {
            UndertowExchanges.setRequest(context, admitted);
        }
        return exchange;
    }

    @Override
    public Object admitHandler(Object handler, Object request, Object response) {
        ServletApi api = ServletApi.of(request);
        AuthPolicy policy = inForce();
        // Most apps name no handler in their rules: then this hook, on every Spring MVC request, reads nothing.
        if (api == null || policy == null || !policy.authenticator.hasHandlerRules()) {
            return handler;
        }
        String name = HandlerNames.of(handler);
        RequestThread thread = threads.get();
        // A dispatch of a request judged earlier, on another thread or after its REQUEST dispatch ended,
        // was judged with its handler then. Within the REQUEST dispatch this thread judged, a wrapper's
        // claim of another dispatch type changes nothing: the handler runs for that request.
        if (name == null || !api.isRequestDispatch(request) && thread.judged != api.innermost(request)) {
            return handler;
        }
        ServletAuthRequest view = thread.view(api, request, policy.maxBodyBytes);
        try {
            AuthDecision decision = policy.authenticator.decideHandler(view, name);
            if (decision == null) {
                return handler;
            }
            // The handler's request is the one the container already passed on: it cannot be swapped here.
            return act(thread, policy, decision, view, api, response, false) == null ? null : handler;
        } finally {
            thread.release(view);
        }
    }

    /**
     * A request the thread starts serving while frames of others stand below it: those were left
     * behind (code in the app entered the public gate and never left), and what they set up for
     * events (the served request, MDC keys) is an earlier request's. Dropped, as their leaving
     * would have, so that nothing this request raises reads a request the container recycled.
     */
    private void dropLeftovers(RequestThread thread, ServletApi api, Object request, Object innermost) {
        if (api == null || !thread.frames.hasFramesBelow()
                || !api.isRequestDispatch(request) && JudgedMark.isOn(api, innermost)) {
            return;
        }
        thread.judged = null;
        if (thread.frames.dropAllButInnermost(innermost, api)) {
            mdc.clear();
        }
        RequestContext.leave();
        thread.served.clear();
    }

    @Override
    public void leave() {
        RequestThread thread = threads.get();
        if (thread.frames.pop()) {
            mdc.clear();
        }
        if (thread.frames.isEmpty()) {
            RequestContext.leave();
            thread.served.clear();
            thread.judged = null;
        }
    }

    /**
     * What the events raised while this request runs carry ({@link ServedRequest}): this
     * thread's own object, refilled, so a request let through creates none.
     */
    private static void correlate(RequestThread thread, AuthDecision decision, ServletAuthRequest view) {
        thread.served.serve(view.api(), view.request(), view.method(), view.rawPath(), decision.authenticated());
        RequestContext.enter(thread.served);
    }

    /** Who the request is, for the app: request attributes and, while it runs, MDC keys. */
    private void carry(RequestThread thread, ServletApi api, Object request, Authenticated who) {
        if (who == null) {
            return;
        }
        api.setAttribute(request, PRINCIPAL_ATTRIBUTE, who.principal());
        if (who.tenant() != null) {
            api.setAttribute(request, TENANT_ATTRIBUTE, who.tenant());
        }
        api.setAttribute(request, SCOPES_ATTRIBUTE, who.sortedScopes());
        try {
            if (mdc.put(who.tenant(), who.principal())) {
                thread.frames.markMdcSet();
            }
        } catch (RuntimeException failure) {
            AgentFailures.record("auth MDC", failure);
        }
    }

    private static void answer(ServletApi api, Object response, AuthAnswer answer) {
        api.setStatus(response, answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            api.setHeader(response, header.getKey(), header.getValue());
        }
        api.setHeader(response, "Content-Length", Integer.toString(answer.body().length));
        try {
            OutputStream body = api.outputStream(response);
            body.write(answer.body());
            body.flush();
        } catch (IOException e) {
            // The client went away; the status line may still have reached it. Nothing else to do.
        }
    }

    private void auditBackendError(AuthPolicy policy, AuthDecision decision, ServletAuthRequest view) {
        long now = System.nanoTime();
        long last = lastBackendErrorAudit.get();
        if (last != 0 && now - last < BACKEND_ERROR_AUDIT_NANOS || !lastBackendErrorAudit.compareAndSet(last, now)) {
            return;
        }
        audit.offer(AuditEvent.of("rate_limit", "error")
                .mode(policy.mode.word())
                .rule(decision.rule())
                .reason(decision.rateLimitError() + "; requests go through unlimited while it fails")
                .context("method", view.method())
                .context("route", AuditValues.withoutSecrets(view.route()))
                .build());
    }

    private void audit(AuthPolicy policy, AuthDecision decision, ServletAuthRequest view, String outcome) {
        Authenticated who = decision.authenticated();
        audit.offer(AuditEvent.of(decision.kind().eventType(), outcome)
                .mode(policy.mode.word())
                .rule(decision.rule())
                .reason(decision.reason())
                .context("trace_id", TraceParent.traceId(view.get("traceparent")))
                .context("span_id", TraceParent.spanId(view.get("traceparent")))
                .context("tenant", who == null ? null : who.tenant())
                .context("principal", who == null ? null : who.principal())
                .context("client_ip", view.clientIp())
                .context("method", view.method())
                .context("route", AuditValues.withoutSecrets(view.route()))
                .build());
    }
}
