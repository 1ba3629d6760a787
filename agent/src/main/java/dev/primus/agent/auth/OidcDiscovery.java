package dev.primus.agent.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * Where an issuer configured without {@code jwks_uri} publishes its keys, read from its OpenID
 * Connect discovery document ({@code <issuer>/.well-known/openid-configuration}).
 *
 * <p>The document must name the configured issuer exactly, as OpenID Connect Discovery 1.0
 * section 4.3 requires: a document naming another issuer (a proxy or a misconfigured path
 * serving another tenant's document) would make this issuer's tokens be checked with another
 * issuer's keys, the mix-up the check exists to stop.
 */
final class OidcDiscovery {
    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private OidcDiscovery() {
    }

    /**
     * The discovery document's URL: the issuer without its trailing slash, then
     * {@link #WELL_KNOWN}.
     *
     * @throws MalformedURLException when the issuer is not a URL, or has a query or fragment (which
     *         OpenID Connect forbids in an issuer)
     */
    static URL documentUrl(String issuer) throws MalformedURLException {
        URL url = new URL(issuer);
        if (url.getQuery() != null || url.getRef() != null) {
            throw new MalformedURLException("an issuer URL has no query or fragment");
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new URL(base + WELL_KNOWN);
    }

    /**
     * The {@code jwks_uri} of a discovery document, once it is known to be {@code issuer}'s.
     *
     * @throws IOException naming why the document is refused: another issuer, no usable jwks_uri
     * @throws ParseException when the document is not a JSON object
     */
    static URL jwksUri(String issuer, String document) throws IOException, ParseException {
        if (JwtVerifier.depth(document) > RemoteJwkSet.MAX_JSON_DEPTH) {
            throw new ParseException("JSON nested deeper than " + RemoteJwkSet.MAX_JSON_DEPTH, 0);
        }
        Map<String, Object> json = JSONObjectUtils.parse(document);
        String named = JSONObjectUtils.getString(json, "issuer");
        if (!issuer.equals(named)) {
            throw new IOException("the discovery document names issuer " + named + ", not " + issuer
                    + "; refused, as its keys would be another issuer's (an IdP mix-up)");
        }
        String jwksUri = JSONObjectUtils.getString(json, "jwks_uri");
        if (jwksUri == null) {
            throw new IOException("the discovery document names no jwks_uri");
        }
        URL url;
        try {
            url = new URL(jwksUri);
        } catch (MalformedURLException e) {
            throw new IOException("the discovery document's jwks_uri " + jwksUri + " is not a URL");
        }
        String refused = IdpDocumentFetcher.refusal(url);
        if (refused != null) {
            throw new IOException("the discovery document's jwks_uri " + jwksUri + ": " + refused);
        }
        return url;
    }
}
