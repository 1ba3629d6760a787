package dev.primus.agent.auth;

import java.io.IOException;
import java.net.URL;

/**
 * Fetches a provider's signing-certificate file. {@link HttpsCertificateFetcher} in production;
 * a test serves its own certificates without a network.
 */
public interface CertificateFetcher {
    /**
     * @param url an https URL the caller has already checked against the provider's hosts
     * @return the file's bytes, PEM or DER
     * @throws IOException saying why the bytes could not be had
     */
    byte[] fetch(URL url) throws IOException;
}
