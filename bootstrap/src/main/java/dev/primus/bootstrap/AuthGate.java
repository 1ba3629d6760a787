package dev.primus.bootstrap;

/**
 * Where a servlet container's woven entry point asks whether a request may reach the app. The
 * hook sits on the container method that runs a request's whole filter chain (Tomcat's
 * {@code ApplicationFilterChain.doFilter}, Jetty's {@code MappedServlet.handle}), so the decision
 * comes before the app's first filter (Undertow's filter and servlet handlers, which take the
 * exchange). Until the agent installs its {@link Checker}, and when
 * auth is off, every request goes through untouched.
 *
 * <p>Request and response are passed as {@code Object}: they are {@code javax.servlet} or
 * {@code jakarta.servlet} types of the app's class loader, which this boot-loader class cannot
 * name; the agent reads them through one adapter for both.
 *
 * <p>A filter chain calls its own entry method again for every filter ({@code chain.doFilter}),
 * and a forward or include starts a nested chain on the same thread: the engine judges a request
 * once, at the outermost entry that carries it, and cleans up when that entry returns. It tells
 * which entries belong to which request itself, from the requests: nothing here can mark a
 * request as judged, so a call from the app can only cause a judgement.
 */
public final class AuthGate {
    /** The engine side of the gate, implemented in the agent. */
    public interface Checker {
        /**
         * Judges a request at the outermost entry that carries it; an entry nested in one for the
         * same request gets it back as it came.
         *
         * @return the request the app should get (the same one, or one that replays a body the
         *     agent read), or null when the agent has answered it and the app must not run
         */
        Object admit(Object request, Object response);

        /**
         * The same for a container that hands its entry an exchange rather than the request and
         * response (Undertow's {@code HttpServerExchange}): the engine finds them on it, and puts
         * a replacement request back.
         *
         * @return the exchange to go on with, or null when the agent has answered the request
         */
        Object admitExchange(Object exchange);

        /**
         * Judges the handler a framework resolved for the request (Spring MVC's handler method),
         * before its arguments are bound.
         *
         * @return the handler to run, or null when the agent has answered the request
         */
        Object admitHandler(Object handler, Object request, Object response);

        /**
         * An entry that {@link #admit} or {@link #admitExchange} let run returned (or threw): the
         * engine undoes what it set for the request when this was the request's outermost entry.
         */
        void leave();
    }

    /** Set once, by the class initializer, from {@link GateInstallation}: see there. */
    private static final Checker ENGINE = GateInstallation.auth();

    private AuthGate() {
    }

    static Checker engine() {
        return ENGINE;
    }

    /**
     * Woven at the start of the container's entry method: null makes the method return at once.
     * A failure inside the engine is counted and the request goes on untouched; but a check the JVM
     * could not run (its stack or the heap ran out: a token nested deep enough to overflow a parser)
     * throws that error on, so no request is let through unjudged.
     */
    public static Object enterRequest(Object request, Object response) {
        Checker engine = ENGINE;
        if (engine == null) {
            return request;
        }
        try {
            return engine.admit(request, response);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("auth check", failure);
            return request;
        }
    }

    /** Woven at the start of Undertow's filter and servlet handlers: as {@link #enterRequest}. */
    public static Object enterExchange(Object exchange) {
        Checker engine = ENGINE;
        if (engine == null) {
            return exchange;
        }
        try {
            return engine.admitExchange(exchange);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("auth check", failure);
            return exchange;
        }
    }

    /**
     * Woven at the start of Spring MVC's handler adapter: null makes it return at once (no model
     * and view: the response is written). Throws only an error saying the check could not run, as
     * {@link #enterRequest} does.
     */
    public static Object enterHandler(Object handler, Object request, Object response) {
        Checker engine = ENGINE;
        if (engine == null) {
            return handler;
        }
        try {
            return engine.admitHandler(handler, request, response);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("auth handler check", failure);
            return handler;
        }
    }

    /** Woven on every way out of the entry method, once {@link #enterRequest} let it run. */
    public static void exitRequest() {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        try {
            engine.leave();
        } catch (Throwable failure) {
            AgentFailures.record("auth cleanup", failure);
        }
    }
}
