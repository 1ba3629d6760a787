package dev.primus.agent.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing certificates by URL: fetched once, parsed, and kept for a while, so a provider's
 * deliveries cost one fetch per certificate, not one each. Least recently used entries go first
 * once there are {@link #CAPACITY}, so deliveries naming ever new URLs cannot grow it. A failed
 * fetch is remembered for a shorter time, so forged deliveries naming a URL that does not serve a
 * certificate cannot make every request wait on the network. Only the parsed certificates are
 * cached, never a verdict: the caller checks them against its clock on every delivery.
 */
final class CertificateCache {
    static final int CAPACITY = 16;
    static final Duration KEEP = Duration.ofHours(1);
    static final Duration KEEP_FAILURE = Duration.ofSeconds(30);
    /** A leaf and two or three intermediates is what providers serve. */
    private static final int MAX_CERTIFICATES = 8;

    private final CertificateFetcher fetcher;
    private final Clock clock;
    private final Map<String, Cached> entries = new LinkedHashMap<String, Cached>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CAPACITY;
        }
    };

    CertificateCache(CertificateFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * The certificates served at {@code url}, in the order served (the leaf first).
     *
     * @throws CertificateException saying why there are none: the fetch failed, or the file holds no certificate
     */
    List<X509Certificate> get(URL url) throws CertificateException {
        String key = url.toExternalForm();
        long now = clock.millis();
        Cached cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached == null || cached.expiresAt <= now) {
            // Fetched outside the lock: one slow URL does not hold up deliveries signed under another.
            cached = load(url, now);
            synchronized (entries) {
                entries.put(key, cached);
            }
        }
        if (cached.failure != null) {
            throw new CertificateException(cached.failure);
        }
        return cached.certificates;
    }

    private Cached load(URL url, long now) {
        byte[] file;
        try {
            file = fetcher.fetch(url);
        } catch (IOException | RuntimeException e) {
            return Cached.failed("cannot fetch the signing certificate from " + url.getHost() + ": " + e,
                    now + KEEP_FAILURE.toMillis());
        }
        try {
            List<X509Certificate> certificates = parse(file);
            return new Cached(certificates, null, now + KEEP.toMillis());
        } catch (CertificateException e) {
            return Cached.failed("the signing certificate from " + url.getHost() + " is not readable: " + e.getMessage(),
                    now + KEEP_FAILURE.toMillis());
        }
    }

    /** The X.509 certificates in a PEM or DER file, in file order. */
    static List<X509Certificate> parse(byte[] file) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<X509Certificate>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(file))) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in it");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            throw new CertificateException("more than " + MAX_CERTIFICATES + " certificates in it");
        }
        return Collections.unmodifiableList(certificates);
    }

    private static final class Cached {
        final List<X509Certificate> certificates;
        final String failure;
        final long expiresAt;

        Cached(List<X509Certificate> certificates, String failure, long expiresAt) {
            this.certificates = certificates;
            this.failure = failure;
            this.expiresAt = expiresAt;
        }

        static Cached failed(String failure, long expiresAt) {
            return new Cached(null, failure, expiresAt);
        }
    }
}
