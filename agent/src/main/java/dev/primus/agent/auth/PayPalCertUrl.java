package dev.primus.agent.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

/**
 * The rule for {@code PAYPAL-CERT-URL}, applied before anything is fetched: https, a host that is
 * PayPal's ({@code api.paypal.com}, {@code api.sandbox.paypal.com}, anything ending in
 * {@code .paypal.com}), no user info, the default port. The header is attacker-supplied, so a URL
 * that passes is rebuilt from the checked parts: what is fetched is what was checked, whatever
 * {@link URL} would have made of the original spelling.
 */
final class PayPalCertUrl {
    private static final String HEADER = PayPalSignatureVerifier.CERT_URL;
    private static final int MAX_LENGTH = 2048;
    private static final int HTTPS_PORT = 443;
    private static final int MAX_HOST_SHOWN = 100;

    private final URL url;
    private final String refusal;

    private PayPalCertUrl(URL url, String refusal) {
        this.url = url;
        this.refusal = refusal;
    }

    static PayPalCertUrl parse(String raw) {
        if (raw.length() > MAX_LENGTH || !printableAscii(raw)) {
            return refused(HEADER + " is not a URL");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return refused(HEADER + " is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return refused(HEADER + " is not https");
        }
        if (uri.getRawUserInfo() != null) {
            return refused(HEADER + " carries user info");
        }
        if (uri.getHost() == null) {
            return refused(HEADER + " has no host");
        }
        if (uri.getPort() != -1 && uri.getPort() != HTTPS_PORT) {
            return refused(HEADER + " names port " + uri.getPort() + "; only the https default is PayPal's");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.endsWith(".paypal.com")) {
            return refused(HEADER + " host " + (host.length() > MAX_HOST_SHOWN ? host.substring(0, MAX_HOST_SHOWN) + "..." : host)
                    + " is not a PayPal host");
        }
        String file = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try {
            return new PayPalCertUrl(new URL("https", host, -1, file), null);
        } catch (MalformedURLException e) {
            return refused(HEADER + " is not a URL");
        }
    }

    private static PayPalCertUrl refused(String reason) {
        return new PayPalCertUrl(null, reason);
    }

    private static boolean printableAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) <= ' ' || raw.charAt(i) > '~') {
                return false;
            }
        }
        return true;
    }

    /** The URL to fetch, or null when refused. */
    URL url() {
        return url;
    }

    /** Why the URL was refused, or null when it is allowed. */
    String refusal() {
        return refusal;
    }
}
