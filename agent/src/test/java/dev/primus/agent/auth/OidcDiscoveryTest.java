package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class OidcDiscoveryTest {
    private static final String ISSUER = "https://idp.example.com/realms/corp";

    @Test
    void theDocumentIsUnderTheIssuerWithoutItsTrailingSlash() throws Exception {
        // Compared as text: URL.equals would look the host name up.
        assertEquals("https://idp.example.com/realms/corp/.well-known/openid-configuration",
                OidcDiscovery.documentUrl(ISSUER + "/").toString());
        assertEquals("https://idp.example.com/realms/corp/.well-known/openid-configuration",
                OidcDiscovery.documentUrl(ISSUER).toString());
    }

    @Test
    void anIssuerWithAQueryCannotBeDiscovered() {
        assertThrows(MalformedURLException.class, () -> OidcDiscovery.documentUrl("https://idp.example.com/?tenant=a"));
    }

    @Test
    void readsTheJwksUriOfTheIssuersDocument() throws Exception {
        assertEquals("https://idp.example.com/realms/corp/certs", OidcDiscovery.jwksUri(ISSUER,
                "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"https://idp.example.com/realms/corp/certs\"}").toString());
    }

    @Test
    void refusesADocumentWhoseIssuerDiffersEvenByATrailingSlash() {
        IOException refused = assertThrows(IOException.class, () -> OidcDiscovery.jwksUri(ISSUER,
                "{\"issuer\":\"" + ISSUER + "/\",\"jwks_uri\":\"https://idp.example.com/realms/corp/certs\"}"));
        assertTrue(refused.getMessage().contains("mix-up"), refused.getMessage());
    }

    @Test
    void refusesADocumentWithoutJwksUri() {
        assertThrows(IOException.class, () -> OidcDiscovery.jwksUri(ISSUER, "{\"issuer\":\"" + ISSUER + "\"}"));
    }

    @Test
    void refusesAJwksUriOverPlainHttpToAnotherHost() {
        IOException refused = assertThrows(IOException.class, () -> OidcDiscovery.jwksUri(ISSUER,
                "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"http://idp.example.com/certs\"}"));
        assertTrue(refused.getMessage().contains("plain http to idp.example.com"), refused.getMessage());
    }

    @Test
    void refusesADocumentThatIsNotJson() {
        assertThrows(ParseException.class, () -> OidcDiscovery.jwksUri(ISSUER, "<html>"));
    }
}
