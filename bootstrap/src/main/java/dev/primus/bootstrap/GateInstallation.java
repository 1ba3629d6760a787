package dev.primus.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands each gate its engine, once, in premain (or at attach) before any woven code runs.
 *
 * <p>Each gate holds its engine in a {@code static final} field that its class initializer reads
 * from here; {@link #install} forces that initialization, so from then on the engine can never be
 * replaced or cleared: not by a call, nor by reflection, {@code setAccessible} or a method handle,
 * none of which can write a static final field. What is offered here afterwards is never read
 * again. A gate whose class some other code initialized first holds no engine, and {@link
 * #install} says so rather than claiming a guard it does not have.
 */
public final class GateInstallation {
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();

    // The offer, read once by each gate's class initializer; cleared once read.
    private static EgressGate.Checker offeredEgress;
    private static LogMasking.Checker offeredMasking;
    private static AuthGate.Checker offeredAuth;

    private GateInstallation() {
    }

    /** True for the first caller only: a second {@code -javaagent} or attach installs nothing. */
    public static boolean tryClaim() {
        return CLAIMED.compareAndSet(false, true);
    }

    /**
     * Gives each gate its engine (null: the guard is off, and its gate lets every call through for
     * the life of the JVM).
     *
     * @throws IllegalStateException naming each gate that does not hold the engine offered: one that
     *     holds an earlier installation's, or one initialized before this call, which holds none
     */
    public static synchronized void install(EgressGate.Checker egress, LogMasking.Checker masking, AuthGate.Checker auth) {
        offeredEgress = egress;
        offeredMasking = masking;
        offeredAuth = auth;
        // Each call initializes its gate, which takes its engine from the offer.
        String egressHeld = held("egress", EgressGate.engine(), egress);
        String maskingHeld = held("masking", LogMasking.engine(), masking);
        String authHeld = held("auth", AuthGate.engine(), auth);
        offeredEgress = null;
        offeredMasking = null;
        offeredAuth = null;
        String refused = egressHeld + maskingHeld + authHeld;
        if (!refused.isEmpty()) {
            throw new IllegalStateException("nothing changed:" + refused);
        }
    }

    /** Why a gate does not hold the engine offered to it, or "" when it does. */
    private static String held(String gate, Object holds, Object offered) {
        if (holds == offered) {
            return "";
        }
        return holds != null ? " the " + gate + " gate already holds the engine of an earlier installation;"
                : " the " + gate + " gate was initialized before the agent could install its engine, so it guards nothing;";
    }

    static EgressGate.Checker egress() {
        return offeredEgress;
    }

    static LogMasking.Checker masking() {
        return offeredMasking;
    }

    static AuthGate.Checker auth() {
        return offeredAuth;
    }
}
