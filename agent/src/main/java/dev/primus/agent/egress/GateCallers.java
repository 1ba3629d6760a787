package dev.primus.agent.egress;

/**
 * Who called the egress gate's {@code resolved} methods: the woven JDK or Netty method whose
 * answer they carry, or code of the app's that calls the public bridge to vouch for a name on an
 * address of its choice. Read off the stack: the first frame below the gate's own. The JDK's
 * class is in {@code java.net}, where no other loader can define a class, so its name on the stack
 * is proof; Netty's is a library class, so its name only keeps a one-line forgery out.
 *
 * <p>Walks the stack, so it is asked only before a name or address is first recorded, not for
 * the same answer again: a cached lookup costs nothing more.
 */
final class GateCallers {
    private static final String GATE = "dev.primus.bootstrap.EgressGate";
    private static final String JDK_LOOKUP = "java.net.InetAddress";
    private static final String[] NETTY_RESOLVER = {"io.netty.resolver.dns.DnsAddressDecoder",
        "io.netty.resolver.dns.DnsNameResolver"};

    /**
     * Whether the answer being recorded comes from a woven resolver, and which, and whether the
     * JDK's lookups are its own: what {@link ResolvedNames} asks before it believes an answer.
     */
    interface Check {
        boolean fromJdkLookup();

        boolean fromNettyResolver();

        /**
         * The services file of a name resolver the app supplies ({@code InetAddressResolverProvider},
         * JDK 18+), which the JDK then asks instead of resolving names itself; null when there is none.
         */
        java.net.URL appResolverProvider();
    }

    static final Check STACK = new Check() {
        @Override
        public boolean fromJdkLookup() {
            return JDK_LOOKUP.equals(callerOfGate());
        }

        @Override
        public boolean fromNettyResolver() {
            String caller = callerOfGate();
            for (String resolver : NETTY_RESOLVER) {
                if (caller != null && NettyTypes.isNamed(caller, resolver)) { // or a jar's shaded copy of it
                    return true;
                }
            }
            return false;
        }

        @Override
        public java.net.URL appResolverProvider() {
            return ResolvedNames.appResolverProvider();
        }
    };

    private GateCallers() {
    }

    /** The class of the first frame below the gate's, or null when the gate is not on the stack. */
    static String callerOfGate() {
        boolean inGate = false;
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            if (frame.getClassName().equals(GATE)) {
                inGate = true;
            } else if (inGate) {
                return frame.getClassName();
            }
        }
        return null;
    }
}
