package dev.primus.agent.servlet;

/**
 * The proof, kept on the container's request under a request attribute, that the agent judged it
 * at its {@code REQUEST} dispatch and let it through: only then does a later dispatch of it
 * (async, error, forward, include) pass unjudged. The dispatch type alone proves nothing, since a
 * wrapper the app hands on can claim any ({@code getDispatcherType() == FORWARD} on a request never
 * judged). The mark names the request it was made for, and its class is the sealed agent's own, so
 * code in the app can neither make one nor move one from a judged request onto another.
 */
final class JudgedMark {
    static final String ATTRIBUTE = "dev.primus.agent.judged";

    private final Object request;

    private JudgedMark(Object request) {
        this.request = request;
    }

    /** Marks {@code innermost}, the container's request under every wrapper, as judged and let through. */
    static void set(ServletApi api, Object innermost) {
        api.setAttribute(innermost, ATTRIBUTE, new JudgedMark(innermost));
    }

    /** Whether {@code innermost} carries the mark made for it. */
    static boolean isOn(ServletApi api, Object innermost) {
        Object mark = api.attribute(innermost, ATTRIBUTE);
        return mark instanceof JudgedMark && ((JudgedMark) mark).request == innermost;
    }
}
