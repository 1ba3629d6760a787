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
 * and a forward or include starts a nested chain on the same thread: only the outermost call of
 * a thread ({@link CallDepth#AUTH} at 0) is judged, and only it cleans up in {@link #exitRequest}.
 */
public final class AuthGate {
    /** The engine side of the gate, implemented in the agent. */
    public interface Checker {
        /**
         * Judges a request at the outermost entry of its thread.
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

        /** The outermost entry returned (or threw): undo what {@link #admit} set on the thread. */
        void leave();
    }

    private static volatile Checker checker;

    private AuthGate() {
    }

    public static void install(Checker engine) {
        checker = engine;
    }

    /**
     * Woven at the start of the container's entry method: null makes the method return at once.
     * Never throws; a failure inside the engine is counted and the request goes on untouched.
     */
    public static Object enterRequest(Object request, Object response) {
        return enter(request, response);
    }

    /** Woven at the start of Undertow's filter and servlet handlers: as {@link #enterRequest}. */
    public static Object enterExchange(Object exchange) {
        return enter(exchange, null);
    }

    /** {@code response} null: {@code subject} is an exchange carrying both. */
    private static Object enter(Object subject, Object response) {
        if (CallDepth.enter(CallDepth.AUTH) > 0) {
            return subject;
        }
        Checker engine = checker;
        if (engine == null) {
            return subject;
        }
        Object admitted;
        try {
            admitted = response == null ? engine.admitExchange(subject) : engine.admit(subject, response);
        } catch (Throwable failure) {
            AgentFailures.record("auth check", failure);
            admitted = subject;
        }
        if (admitted == null) {
            // The woven method returns without reaching its exit call, so the depth is undone here.
            CallDepth.exit(CallDepth.AUTH);
        }
        return admitted;
    }

    /**
     * Woven at the start of Spring MVC's handler adapter: null makes it return at once (no model
     * and view: the response is written). Never throws.
     */
    public static Object enterHandler(Object handler, Object request, Object response) {
        Checker engine = checker;
        if (engine == null) {
            return handler;
        }
        try {
            return engine.admitHandler(handler, request, response);
        } catch (Throwable failure) {
            AgentFailures.record("auth handler check", failure);
            return handler;
        }
    }

    /** Woven on every way out of the entry method, once {@link #enterRequest} let it run. */
    public static void exitRequest() {
        if (CallDepth.depth(CallDepth.AUTH) == 1) {
            Checker engine = checker;
            if (engine != null) {
                try {
                    engine.leave();
                } catch (Throwable failure) {
                    AgentFailures.record("auth cleanup", failure);
                }
            }
        }
        CallDepth.exit(CallDepth.AUTH);
    }
}
