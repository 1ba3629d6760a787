package dev.primus.agent.logging;

import dev.primus.agent.control.KillSwitch;
import dev.primus.agent.masking.Masker;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.metrics.SampledTimer;
import dev.primus.bootstrap.LogMasking;
import java.util.List;
import java.util.Map;

/**
 * The masking engine behind {@link LogMasking}: hands each value to the {@link LogValueMasker},
 * and knows per thread what the bridge must not be told: whether an appender or handler is
 * writing (only then is an exception's message masked), and whether the engine itself is
 * running (logging its own work causes, say through an app object's {@code toString}, passes
 * unmasked rather than looping). Both live here, in the sealed module.
 */
public final class LoggingGuard implements LogMasking.Checker {
    /** The generation in force, or null once a reload turned masking off; read once per call. */
    private volatile LogValueMasker values;
    private final ThreadLocal<LoggingThread> threads = new ThreadLocal<LoggingThread>() {
        @Override
        protected LoggingThread initialValue() {
            return new LoggingThread();
        }
    };

    /** Null when metrics are off. */
    private final SampledTimer timer;

    public LoggingGuard(Masker masker, boolean enforce) {
        this(masker, enforce, null);
    }

    /** @param metrics where masking calls are timed, or null when metrics are off */
    public LoggingGuard(Masker masker, boolean enforce, AgentMetrics metrics) {
        this.values = new LogValueMasker(masker, enforce);
        this.timer = metrics == null ? null : metrics.decisionTimer(AgentMetrics.LOGGING);
    }

    /**
     * Puts a reloaded masking policy in force for every call that starts from now on; null
     * (a reload set {@code logging.mode: off}) lets lines pass as written.
     */
    public void apply(Masker masker, boolean enforce) {
        values = masker == null ? null : new LogValueMasker(masker, enforce);
    }

    /** One thread's state; not thread-safe. */
    private static final class LoggingThread {
        int appenders;
        boolean inside;
        /** The generation this call masks with, read once as it entered. */
        LogValueMasker masker;
        /** When this call started, if it is one of the few timed; else 0. */
        long sampleStart;
        /** Where Logback's arguments are laid out in their template; made for a thread whose layout reads them apart. */
        private TemplateLayout layout;

        TemplateLayout layout() {
            if (layout == null) {
                layout = new TemplateLayout();
            }
            return layout;
        }
    }

    /**
     * The thread's state when the engine may run now, marked as running; null when it already is,
     * the kill switch is on, or masking is off.
     */
    private LoggingThread enter() {
        LogValueMasker current = values;
        if (current == null || KillSwitch.engaged()) {
            return null; // Lines pass as the app wrote them.
        }
        return enter(threads.get(), current);
    }

    /**
     * {@link #enter()} for a call that ran the app's code first (a message's formatting): with the
     * thread's state and policy it read before; null when the thread is running the engine.
     */
    private LoggingThread enter(LoggingThread thread, LogValueMasker current) {
        if (thread.inside) {
            return null;
        }
        thread.inside = true;
        // Stored only when a reload changed it: a reference store into this long-lived object costs
        // a GC write barrier on every log call otherwise.
        if (thread.masker != current) {
            thread.masker = current;
        }
        thread.sampleStart = timer == null ? 0 : timer.startSample();
        return thread;
    }

    /**
     * Whether {@code text} is to be written as it is, answered before the thread's state is looked
     * up: masking is off, or the scan finds nothing to change (most lines). The scan calls no code
     * of the app's, so it cannot re-enter the engine, and a line it passes is one the engine would
     * pass too, run nested or not. Only the other lines pay for the thread's state and a second
     * scan. A timed sample here covers the scan of a clean line.
     */
    private boolean passes(String text) {
        LogValueMasker current = values;
        if (current == null || KillSwitch.engaged()) {
            return true;
        }
        long sampleStart = timer == null ? 0 : timer.startSample();
        boolean clean = current.passes(text);
        if (sampleStart != 0) {
            timer.endSample(sampleStart);
        }
        return clean;
    }

    private void leave(LoggingThread thread) {
        thread.inside = false;
        if (thread.sampleStart != 0) {
            timer.endSample(thread.sampleStart);
        }
    }

    @Override
    public String maskText(String text) {
        if (passes(text)) {
            return text;
        }
        LoggingThread thread = enter();
        if (thread == null) {
            return text;
        }
        try {
            return thread.masker.maskText(text);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskLogbackMessage(String formatted, Object event) {
        if (passes(formatted)) {
            return formatted;
        }
        LoggingThread thread = enter();
        if (thread == null) {
            return formatted;
        }
        try {
            return thread.masker.maskLogbackMessage(formatted, event);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskLogbackTemplate(String template, Object event) {
        if (passes(template)) {
            return template;
        }
        LoggingThread thread = enter();
        if (thread == null) {
            return template;
        }
        try {
            return thread.masker.maskLogbackTemplate(template, event);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskMessage(String message) {
        if (passes(message)) {
            return message;
        }
        LoggingThread thread = enter();
        if (thread == null) {
            return message;
        }
        try {
            return thread.masker.maskOwnTemplate(message);
        } finally {
            leave(thread);
        }
    }

    @Override
    public void maskLine(StringBuilder line) {
        LoggingThread thread = enter();
        if (thread == null) {
            return;
        }
        try {
            thread.masker.maskLineInPlace(line);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskValueOf(String key, String value) {
        LoggingThread thread = enter();
        if (thread == null) {
            return value;
        }
        try {
            return thread.masker.maskValueOf(key, value);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskJulFormatted(String formatted, Object record) {
        if (passes(formatted)) {
            return formatted;
        }
        LoggingThread thread = enter();
        if (thread == null) {
            return formatted;
        }
        try {
            return thread.masker.maskJulFormatted(formatted, record);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskStructuredArgument(String value, Object marker) {
        LoggingThread thread = enter();
        if (thread == null) {
            return value;
        }
        try {
            return thread.masker.maskStructuredArgument(value, marker);
        } finally {
            leave(thread);
        }
    }

    @Override
    public String maskTextWhileLogging(String text) {
        return threads.get().appenders == 0 ? text : maskText(text);
    }

    @Override
    public void enterAppender(Object appender) {
        threads.get().appenders++;
    }

    @Override
    public void exitAppender() {
        LoggingThread thread = threads.get();
        if (thread.appenders > 0) {
            thread.appenders--;
        }
    }

    @Override
    public Object[] maskArguments(Object[] arguments, Object event) {
        LoggingThread thread = enter();
        if (thread == null) {
            return arguments; // the engine itself reads them, for a message with a line break
        }
        try {
            return thread.masker.maskLogbackArguments(arguments, event, thread.layout());
        } finally {
            leave(thread);
        }
    }

    @Override
    public Map<?, ?> maskValues(Map<?, ?> map) {
        LoggingThread thread = enter();
        if (thread == null) {
            return map;
        }
        try {
            return thread.masker.maskValues(map);
        } finally {
            leave(thread);
        }
    }

    @Override
    public List<?> maskKeyValuePairs(List<?> pairs) {
        LoggingThread thread = enter();
        if (thread == null) {
            return pairs;
        }
        try {
            return thread.masker.maskKeyValuePairs(pairs);
        } finally {
            leave(thread);
        }
    }

    @Override
    public Object maskLog4jMessage(Object message) {
        LogValueMasker current = values;
        if (current == null || KillSwitch.engaged()) {
            return message;
        }
        LoggingThread thread = threads.get();
        if (thread.inside) {
            return message;
        }
        // Before the engine is entered: formatting runs the app's code, which may log a message itself.
        String formatted = current.log4jFormatted(message);
        if (enter(thread, current) == null) {
            return message;
        }
        try {
            return thread.masker.maskLog4jMessage(message, formatted);
        } finally {
            leave(thread);
        }
    }

    @Override
    public Object maskLog4jContext(Object contextData) {
        LoggingThread thread = enter();
        if (thread == null) {
            return contextData;
        }
        try {
            return thread.masker.maskLog4jContext(contextData);
        } finally {
            leave(thread);
        }
    }

    @Override
    public Object maskLog4jContextStack(Object contextStack) {
        LoggingThread thread = enter();
        if (thread == null) {
            return contextStack;
        }
        try {
            return thread.masker.maskLog4jContextStack(contextStack);
        } finally {
            leave(thread);
        }
    }

    @Override
    public void maskLog4jEvent(Object event) {
        LoggingThread thread = enter();
        if (thread == null) {
            return;
        }
        try {
            thread.masker.maskLog4jEvent(event);
        } finally {
            leave(thread);
        }
    }

    @Override
    public void maskJulRecord(Object record) {
        LogValueMasker current = values;
        if (current == null || KillSwitch.engaged()) {
            return;
        }
        LoggingThread thread = threads.get();
        if (thread.inside) {
            return;
        }
        // Before the engine is entered: formatting runs the app's code, which may log a record itself.
        String formatted = current.julFormatted(record);
        if (enter(thread, current) == null) {
            return;
        }
        try {
            thread.masker.maskJulRecord(record, formatted);
        } finally {
            leave(thread);
        }
    }
}
