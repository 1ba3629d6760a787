package dev.primus.instrumentation;

import dev.primus.bootstrap.AgentFailures;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * Builds advice that can never break the host: every advice method declares
 * {@code suppress = Throwable.class}, and what it suppresses is handed to
 * {@link AgentFailures#record(Throwable)} (counted, logged once) instead of being dropped.
 *
 * <p>A denial is not thrown from advice (it would be suppressed too): the enter advice returns
 * it, and the exit advice sets it as the method's {@code @Advice.Thrown}.
 */
public final class SafeAdvice {
    private static final MethodDescription.InDefinedShape RECORD;

    static {
        try {
            RECORD = new MethodDescription.ForLoadedMethod(AgentFailures.class.getMethod("record", Throwable.class));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SafeAdvice() {
    }

    /** The advice in {@code adviceClass}, with suppressed throwables reported to {@link AgentFailures}. */
    public static Advice to(Class<?> adviceClass) {
        return Advice.withCustomMapping()
                .to(adviceClass)
                .withExceptionHandler(new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(RECORD)));
    }
}
