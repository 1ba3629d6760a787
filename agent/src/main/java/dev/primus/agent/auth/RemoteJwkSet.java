package dev.primus.agent.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An issuer's JWK set fetched over HTTP, from its {@code jwks_uri} or from the one its OpenID
 * discovery document names ({@link OidcDiscovery}), and kept fresh on the agent thread
 * {@code primus-jwks} ({@link JwksThread}).
 *
 * <p><b>Request threads never touch the network.</b> They read the last good set from a
 * volatile field and pick keys from it with nimbus's {@link JWKSelector}. Only when the set has
 * no key for a token (an unknown {@code kid}, or no set loaded yet) does a request thread ask the
 * agent thread for a fetch, and it waits for it at most {@link #WAIT}. This is why the set is not
 * nimbus's {@code JWKSourceBuilder}: its cache fetches on the thread that finds it stale or
 * missing a key, so during an outage every request would spend a connect timeout on the IdP.
 *
 * <p><b>Fetching starts late</b>, on {@link #start} or on the first token, never when the config
 * is bound: in premain the egress gate and the weaving of {@code HttpURLConnection} are not in
 * place yet, and a fetch then would not be judged by the egress policy. It never blocks start-up.
 *
 * <p><b>An outage keeps the old keys.</b> A fetch that fails (network, HTTP status, a response
 * over the size limit, not a JWK set, a discovery document naming another issuer) leaves the last
 * good set in place, is logged once until a fetch succeeds again, and is retried after 10 s,
 * 20 s, 40 s... up to the refresh interval. Keys are only ever replaced by a set that parsed and
 * holds at least one public key.
 *
 * <p><b>Refresh</b>: every {@code Cache-Control: max-age} of the JWKS response, held between
 * 1 min and 1 h so neither a {@code max-age=0} nor a week-long one is obeyed; 5 min when the
 * response names none. A rotated key is usually found sooner, by the unknown-{@code kid} fetch.
 *
 * <p><b>An unknown kid</b> asks for a fetch at most {@link #REFRESHES_PER_WINDOW} times per
 * {@link #REFRESH_WINDOW} per issuer ({@link RefreshBudget}), so tokens naming made-up kids
 * cannot turn into a stream of requests to the IdP; past that, the token is refused with no key.
 * While a fetch is already queued or running, a request waits for it without spending the budget.
 *
 * <p>A discovered {@code jwks_uri} is kept until a fetch from it fails; the next attempt
 * discovers it again, so an IdP that moves its keys is followed.
 */
public final class RemoteJwkSet implements JWKSource<SecurityContext>, Closeable {
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    static final Duration MAX_REFRESH = Duration.ofHours(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    /** How long a request waits for a fetch it asked for: the connect timeout, not the whole fetch. */
    static final Duration WAIT = Duration.ofSeconds(2);
    static final int REFRESHES_PER_WINDOW = 3;
    static final Duration REFRESH_WINDOW = Duration.ofSeconds(30);
    /** A JWK set is 3 deep ({@code keys}, a key, its {@code x5c}); 10 leaves room and stops a recursion bomb. */
    static final int MAX_JSON_DEPTH = 10;

    private final String id;
    /** The id and where keys come from, as configured: a reload that leaves both keeps this set and its keys. */
    private final String source;
    /** The issuer to discover keys for, or null when {@code jwks_uri} was configured. */
    private final String discoveryIssuer;
    private final IdpDocumentFetcher fetcher = new IdpDocumentFetcher();
    private final RefreshBudget budget;
    private final Runnable queuedFetch = new Runnable() {
        @Override
        public void run() {
            fetch(true);
        }
    };
    private final Runnable scheduledFetch = new Runnable() {
        @Override
        public void run() {
            fetch(false);
        }
    };

    /** The last good set, null until one is fetched. Volatile: read by request threads without a lock. */
    private volatile JWKSet keys;
    /** Where the keys are fetched from; null until discovered. Only fetches, holding {@link #fetching}, touch it. */
    private URL jwksUrl;

    /** Guards the fields below; request threads wait on it for a fetch to finish. */
    private final Object state = new Object();
    private ScheduledExecutorService scheduler;
    private boolean started;
    private boolean closed;
    /** A fetch was handed to the scheduler and has not started yet. */
    private boolean queued;
    private long fetchesStarted;
    private long fetchesFinished;
    private int failuresInARow;
    private String failure;
    private ScheduledFuture<?> next;

    /** One fetch at a time per issuer, whichever thread the scheduler runs it on. */
    private final Object fetching = new Object();

    private RemoteJwkSet(String id, URL jwksUrl, String discoveryIssuer, Clock clock) {
        this.id = id;
        this.source = source(id, jwksUrl == null ? null : jwksUrl.toString(), discoveryIssuer);
        this.jwksUrl = jwksUrl;
        this.discoveryIssuer = discoveryIssuer;
        this.budget = new RefreshBudget(REFRESHES_PER_WINDOW, REFRESH_WINDOW, clock);
    }

    /**
     * Keys fetched from {@code jwksUri}.
     *
     * @param id the {@code auth.jwt[].id}, named in log lines
     * @param clock what the unknown-kid budget is counted on
     * @throws IllegalArgumentException when the URL is refused ({@link IdpDocumentFetcher#refusal})
     */
    public static RemoteJwkSet at(String id, URL jwksUri, Clock clock) {
        String refused = IdpDocumentFetcher.refusal(jwksUri);
        if (refused != null) {
            throw new IllegalArgumentException("auth.jwt " + id + ": jwks_uri " + jwksUri + ": " + refused);
        }
        return new RemoteJwkSet(id, jwksUri, null, clock);
    }

    /**
     * Keys fetched from the {@code jwks_uri} of {@code issuer}'s discovery document.
     *
     * @throws IllegalArgumentException when the issuer is not a URL keys may be fetched from
     */
    public static RemoteJwkSet discovered(String id, String issuer, Clock clock) {
        URL document;
        try {
            document = OidcDiscovery.documentUrl(issuer);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("auth.jwt " + id + ": issuer " + issuer + " cannot be discovered ("
                    + e.getMessage() + "); give jwks_uri or jwks_file, or an issuer URL like https://idp.example.com/");
        }
        String refused = IdpDocumentFetcher.refusal(document);
        if (refused != null) {
            throw new IllegalArgumentException("auth.jwt " + id + ": issuer " + issuer + " cannot be discovered: " + refused);
        }
        return new RemoteJwkSet(id, null, issuer, clock);
    }

    /** What {@link #source()} is for {@code auth.jwt[]} {@code id} with that {@code jwks_uri} or discovery {@code issuer}. */
    static String source(String id, String jwksUri, String issuer) {
        return id + (jwksUri != null ? " jwks_uri " + jwksUri : " issuer " + issuer);
    }

    /** The id and the configured place its keys come from. */
    String source() {
        return source;
    }

    /**
     * Starts fetching on the {@code primus-jwks} thread and returns at once; the first token
     * does it otherwise. Call it once the egress gate and the JDK weaving are installed.
     */
    public void start() {
        synchronized (state) {
            if (started || closed) {
                return;
            }
            started = true;
            scheduler = JwksThread.acquire();
            queueFetch();
        }
    }

    /** Stops refreshing; the keys fetched so far keep verifying. The thread stops with the last set closed. */
    @Override
    public void close() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
            state.notifyAll();
            if (started) {
                JwksThread.release();
            }
        }
    }

    /**
     * The keys of the last good set that {@code selector} matches; when none does, after at most
     * one bounded wait for a fetch (see the class comment).
     *
     * @throws KeySourceException when no set has been fetched yet
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet current = keys;
        if (current != null) {
            List<JWK> found = selector.select(current);
            if (!found.isEmpty()) {
                return found;
            }
        }
        start();
        fetchAndWait(true, WAIT);
        current = keys;
        if (current == null) {
            String why = failure();
            throw new KeySourceException("no JWK set of auth.jwt " + id + " fetched yet" + (why == null ? "" : ": " + why));
        }
        return selector.select(current);
    }

    /**
     * Asks for a fetch as an unknown kid does, outside its budget, and waits for it at most
     * {@code wait}: for tests to drive refreshes without waiting for the schedule.
     */
    void refresh(Duration wait) {
        start();
        fetchAndWait(false, wait);
    }

    /** Why the last fetch failed, or null when it succeeded or none finished yet. */
    String failure() {
        synchronized (state) {
            return failure;
        }
    }

    private void fetchAndWait(boolean budgeted, Duration wait) {
        synchronized (state) {
            if (closed) {
                return;
            }
            long awaited;
            if (queued) {
                // The queued fetch is the next one to start, whichever task starts it.
                awaited = fetchesStarted + 1;
            } else if (fetchesFinished < fetchesStarted) {
                // One is running: wait for it rather than ask the IdP twice at once.
                awaited = fetchesStarted;
            } else {
                if (budgeted && !budget.tryTake()) {
                    return;
                }
                queueFetch();
                if (!queued) {
                    return;
                }
                awaited = fetchesStarted + 1;
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (fetchesFinished < awaited && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    state.wait(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Under {@link #state}. */
    private void queueFetch() {
        try {
            scheduler.execute(queuedFetch);
            queued = true;
        } catch (RejectedExecutionException e) {
            // The scheduler is shutting down with the last set closed: nothing to fetch for.
        }
    }

    /** On the scheduler's thread. {@code ifQueued}: skip when a scheduled fetch already served the queued request. */
    private void fetch(boolean ifQueued) {
        synchronized (fetching) {
            long number;
            synchronized (state) {
                if (closed || ifQueued && !queued) {
                    return;
                }
                queued = false;
                number = ++fetchesStarted;
            }
            Duration nextIn;
            URL from = null;
            boolean discovering = jwksUrl == null;
            try {
                if (discovering) {
                    from = OidcDiscovery.documentUrl(discoveryIssuer);
                    jwksUrl = OidcDiscovery.jwksUri(discoveryIssuer, fetcher.fetch(from).text);
                    discovering = false;
                }
                from = jwksUrl;
                IdpDocumentFetcher.Fetched fetched = fetcher.fetch(from);
                keys = parse(fetched.text);
                nextIn = refreshAfter(fetched.maxAgeSeconds);
                succeeded(from);
            } catch (ParseException e) {
                nextIn = failed(from, (discovering ? "not a discovery document: " : "not a JWK set: ") + e.getMessage());
            } catch (IOException e) {
                // Our own IOExceptions say it all; the JDK's (SocketTimeoutException, ConnectException) need their name.
                nextIn = failed(from, e.getClass() == IOException.class ? e.getMessage() : e.toString());
            } catch (RuntimeException e) {
                AgentFailures.record("JWK set fetch of auth.jwt " + id, e);
                nextIn = failed(from, e.toString());
            }
            synchronized (state) {
                fetchesFinished = number;
                state.notifyAll();
                scheduleNext(nextIn);
            }
        }
    }

    /** Under {@link #state}. */
    private void scheduleNext(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = scheduler.schedule(scheduledFetch, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            next = null;
        }
    }

    private void succeeded(URL from) {
        int failedBefore;
        synchronized (state) {
            failedBefore = failuresInARow;
            failuresInARow = 0;
            failure = null;
        }
        if (failedBefore > 0) {
            PrimusLog.info("auth.jwt " + id + ": JWK set fetched from " + from + " again, after " + failedBefore
                    + (failedBefore == 1 ? " failed attempt" : " failed attempts"));
        }
    }

    /** Records the failure, logs it when it starts an outage, and says when to try again. */
    private Duration failed(URL from, String reason) {
        String why = (from == null ? "" : from + ": ") + reason;
        int failures;
        synchronized (state) {
            failures = ++failuresInARow;
            failure = why;
        }
        if (discoveryIssuer != null) {
            // Discovered again on the next attempt, in case the IdP moved its keys.
            jwksUrl = null;
        }
        if (failures == 1) {
            PrimusLog.warn("auth.jwt " + id + ": cannot fetch the JWK set (" + why + "); "
                    + (keys == null ? "tokens of this issuer are refused until it is fetched"
                            : "tokens are checked with the keys fetched before")
                    + ". Retrying with backoff; logged again only once it is fetched.");
        }
        return retryAfter(failures);
    }

    /** The public keys of a JWK set document. */
    static JWKSet parse(String document) throws ParseException {
        if (JwtVerifier.depth(document) > MAX_JSON_DEPTH) {
            throw new ParseException("JSON nested deeper than " + MAX_JSON_DEPTH, 0);
        }
        // Public parts only: an IdP that publishes a private key or a shared secret by mistake
        // does not get it held here, and a secret served over HTTP never becomes an HMAC key.
        JWKSet set = JWKSet.parse(document).toPublicJWKSet();
        if (set.isEmpty()) {
            throw new ParseException("it holds no public key", 0);
        }
        return set;
    }

    /** How long a fetched set is used before the next fetch: its max-age within bounds, else the default. */
    static Duration refreshAfter(long maxAgeSeconds) {
        if (maxAgeSeconds < 0) {
            return DEFAULT_REFRESH;
        }
        long seconds = Math.max(MIN_REFRESH.getSeconds(), Math.min(MAX_REFRESH.getSeconds(), maxAgeSeconds));
        return Duration.ofSeconds(seconds);
    }

    /** 10 s after the first failure, doubling, never longer than the default refresh. */
    static Duration retryAfter(int failuresInARow) {
        long seconds = FIRST_RETRY.getSeconds() << Math.min(failuresInARow - 1, 16);
        return Duration.ofSeconds(Math.min(seconds, DEFAULT_REFRESH.getSeconds()));
    }
}
