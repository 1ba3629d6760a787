package dev.primus.agent.audit.nats;

import io.nats.client.AuthHandler;
import java.security.GeneralSecurityException;

/**
 * jnats' {@link AuthHandler} for an NKey seed alone or a credentials file (a user JWT and the
 * seed that signs for it), signing the server's nonce with {@link NKeys}.
 */
final class NKeyAuth implements AuthHandler {
    private final NKeys key;
    private final char[] jwt;

    private NKeyAuth(NKeys key, String jwt) {
        this.key = key;
        this.jwt = jwt == null ? null : jwt.toCharArray();
    }

    static NKeyAuth seed(String seed) throws GeneralSecurityException {
        return new NKeyAuth(NKeys.fromSeed(seed), null);
    }

    /**
     * From a credentials file's text as {@code nsc} writes it: the JWT after the
     * {@code BEGIN NATS USER JWT} line, the seed after {@code BEGIN USER NKEY SEED}.
     */
    static NKeyAuth creds(String text) throws GeneralSecurityException {
        String jwt = after(text, "BEGIN NATS USER JWT");
        String seed = after(text, "BEGIN USER NKEY SEED");
        if (jwt == null || seed == null) {
            throw new IllegalArgumentException("not a NATS credentials file: it needs a user JWT and a user NKey seed");
        }
        return new NKeyAuth(NKeys.fromSeed(seed), jwt);
    }

    /** The first non-blank line after the line holding {@code marker}, or null. */
    private static String after(String text, String marker) {
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                for (int j = i + 1; j < lines.length; j++) {
                    if (!lines[j].trim().isEmpty()) {
                        return lines[j].trim();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public byte[] sign(byte[] nonce) {
        try {
            return key.sign(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the NATS nonce failed", e);
        }
    }

    @Override
    public char[] getID() {
        return key.publicKey().toCharArray();
    }

    @Override
    public char[] getJWT() {
        return jwt == null ? null : jwt.clone();
    }
}
