package dev.primus.agent.egress;

import dev.primus.bootstrap.PrimusLog;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which addresses the resolvers the agent watches gave for each name: the JDK's own
 * ({@code InetAddress.getAllByName}) and Netty's ({@code DnsNameResolver}, its DNS answers and
 * hosts file). A socket that carries a name is judged by that name only when its address is one
 * of these; otherwise the name is someone's say-so ({@code InetAddress.getByAddress("allowed.example",
 * ip)}, a client's own DNS, a resolver the app supplies) and the socket is judged by its address
 * alone.
 *
 * <p>The latest answer per name is kept, with the addresses of earlier answers still vouched for
 * while they last, since a pool may connect to an address resolved a while ago. Bounded: past
 * {@value #MAX_NAMES} names, new ones are not recorded (said once), and their sockets are judged
 * by address.
 */
final class ResolvedNames {
    static final int MAX_NAMES = 65536;
    /** Addresses kept per name, newest first: round-robin answers and their predecessors. */
    static final int MAX_ADDRESSES = 32;
    private static final String RESOLVER_SPI = "java.net.spi.InetAddressResolverProvider";
    private static final String RESOLVER_PROVIDER = "META-INF/services/" + RESOLVER_SPI;

    private final ConcurrentHashMap<String, byte[][]> byName = new ConcurrentHashMap<String, byte[][]>();
    /**
     * Every address an answer ever gave, as a Bloom filter of one hash over 65,536 bits (8 KB):
     * a bit is set before its address is recorded and never cleared, so a clear bit means no name
     * vouches for the address. Set bits only ever cost a thread the literal it would have reused
     * ({@link SocketAddressReader}).
     */
    private final AtomicLongArray everRecorded = new AtomicLongArray(1024);
    /** Null until the first JDK answer: whether the JDK resolves names itself, not through a provider of the app's. */
    private volatile Boolean jdkResolvesItself;
    private volatile boolean fullSaid;
    private volatile boolean forgerySaid;
    /** Set once the JDK was seen taking a resolver the app supplies ({@link #resolverInUse}): for good. */
    private volatile boolean appResolverInUse;
    private final GateCallers.Check callers;

    ResolvedNames() {
        this(GateCallers.STACK);
    }

    /** {@code callers}: who handed the answer over; tests that record directly pass their own. */
    ResolvedNames(GateCallers.Check callers) {
        this.callers = callers;
    }

    /** An answer of {@code InetAddress.getAllByName(host)}. */
    void recordJdk(String host, InetAddress[] answer) {
        if (answer != null && host != null && IpLiteral.parse(host) == null && jdkResolvesItself()) {
            String name = HostNames.normalise(host);
            boolean checked = false;
            for (InetAddress address : answer) {
                if (address == null || isKnown(name, address)) {
                    continue; // the same answer again: nothing to write, nothing to check
                }
                if (!checked && !trusted(callers.fromJdkLookup(), host)) {
                    return;
                }
                checked = true;
                record(name, address);
            }
        }
    }

    /** An address Netty's resolver made for a name: the name is the one it carries. */
    void recordNetty(InetAddress address) {
        if (address != null) {
            String text = address.toString(); // "name/literal": reads the name as set, never looks one up
            int slash = text.indexOf('/');
            if (slash > 0) {
                String name = HostNames.normalise(text.substring(0, slash));
                if (!isKnown(name, address) && trusted(callers.fromNettyResolver(), name)) {
                    record(name, address);
                }
            }
        }
    }

    private boolean isKnown(String name, InetAddress address) {
        return knows(name, address.getAddress());
    }

    /** {@code fromResolver}, said once when false: code other than a watched resolver's handed over an answer. */
    private boolean trusted(boolean fromResolver, String name) {
        if (!fromResolver && !forgerySaid) {
            forgerySaid = true;
            PrimusLog.warn("egress: code other than the JDK's or Netty's resolver handed the egress gate an answer for "
                    + name + " (" + GateCallers.callerOfGate() + "); it is not believed, and sockets to the addresses "
                    + "it named are judged by their address");
        }
        return fromResolver;
    }

    /** Whether a resolver the agent watches gave {@code address} for {@code host}. */
    boolean vouches(String host, byte[] address) {
        return knows(HostNames.normalise(host), address);
    }

    /** Whether {@code name}, normalised, has {@code address} among its recorded answers. */
    private boolean knows(String name, byte[] address) {
        byte[][] known = name == null ? null : byName.get(name);
        if (known != null) {
            for (byte[] candidate : known) {
                if (Arrays.equals(candidate, address)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether some name may be vouched for with {@code address}: false only when no answer ever
     * gave it. Costs one read, for every connect.
     */
    boolean mayVouchFor(byte[] address) {
        int bit = bitOf(address);
        return (everRecorded.get(bit >>> 6) & (1L << bit)) != 0;
    }

    private void noteRecorded(byte[] address) {
        int bit = bitOf(address);
        long mask = 1L << bit;
        long word;
        do {
            word = everRecorded.get(bit >>> 6);
        } while ((word & mask) == 0 && !everRecorded.compareAndSet(bit >>> 6, word, word | mask));
    }

    /** The filter's bit for an address: its hash, mixed so that neighbouring addresses spread. */
    private static int bitOf(byte[] address) {
        int hash = Arrays.hashCode(address) * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & 0xFFFF;
    }

    private void record(String name, InetAddress address) {
        if (name == null) {
            return;
        }
        byte[] bytes = address.getAddress();
        byte[][] known = byName.get(name);
        if (known == null && byName.size() >= MAX_NAMES) {
            if (!fullSaid) {
                fullSaid = true;
                PrimusLog.warn("egress: more than " + MAX_NAMES + " resolved names; sockets to names resolved from now "
                        + "on are judged by their address alone");
            }
            return;
        }
        // Before any name vouches for it: a thread that finds the bit clear may trust what it read before.
        noteRecorded(bytes);
        // Racing writers may drop each other's newest address; the next answer records it again.
        byte[][] next = new byte[known == null ? 1 : Math.min(known.length + 1, MAX_ADDRESSES)][];
        next[0] = bytes;
        if (known != null) {
            System.arraycopy(known, 0, next, 1, next.length - 1);
        }
        byName.put(name, next);
    }

    /**
     * False when the app supplies an {@code InetAddressResolverProvider} (JDK 18+), which the JDK
     * then asks instead of resolving itself: its answers vouch for nothing. Decided once, at the
     * first answer, right after the lookup that made the JDK choose its resolver: by the SPI's
     * presence in the boot loader (not the {@code java.specification.version} property, which app
     * code can set), and by a services file the system loader or this thread's context loader sees,
     * as the JDK's {@code ServiceLoader} looks (a Spring Boot fat jar's libraries are seen by the
     * context loader only).
     */
    private boolean jdkResolvesItself() {
        if (appResolverInUse) {
            return false;
        }
        Boolean known = jdkResolvesItself;
        if (known == null) {
            java.net.URL provider = callers.appResolverProvider();
            known = provider == null;
            if (!known) {
                PrimusLog.warn("egress: the app supplies its own name resolver (" + provider + "); the names it answers "
                        + "are not trusted, and sockets are judged by their address: allow addresses with cidr rules");
            }
            jdkResolvesItself = known;
        }
        return known;
    }

    /**
     * The resolver the JDK (18+) took for a lookup, seen as it hands it over: one the boot loader did
     * not define is the app's. Caught however the JDK came to take it (on another thread, under a
     * context loader since set back, by {@code getLocalHost}, which records no answer), where the
     * services file {@link #jdkResolvesItself} looks for at the first answer may be out of sight.
     */
    void resolverInUse(Object resolver) {
        if (resolver != null && !appResolverInUse && resolver.getClass().getClassLoader() != null) {
            appResolverInUse = true;
            PrimusLog.warn("egress: the app supplies its own name resolver (" + resolver.getClass().getName() + "); the "
                    + "names it answers are not trusted, and sockets are judged by their address: allow addresses with "
                    + "cidr rules");
        }
    }

    /** The services file of the app's resolver provider that this JVM's lookups ask, or null: see {@link #jdkResolvesItself}. */
    static java.net.URL appResolverProvider() {
        return hasResolverSpi() ? providerFile() : null;
    }

    /** Whether this JDK has the resolver SPI (18+): asked of the boot loader, where no app class can be defined. */
    private static boolean hasResolverSpi() {
        try {
            Class.forName(RESOLVER_SPI, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError before18) {
            return false;
        }
    }

    private static java.net.URL providerFile() {
        java.net.URL provider = ClassLoader.getSystemResource(RESOLVER_PROVIDER);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return provider != null || context == null ? provider : context.getResource(RESOLVER_PROVIDER);
    }
}
