package dev.primus.agent.audit.nats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.NKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * NKeys on the JDK's Ed25519, checked against RFC 8032's published test vector and,
 * differentially, against jnats' own NKey (on BouncyCastle, in tests only) for random seeds.
 */
class NKeysTest {
    private static byte[] hex(String text) {
        byte[] bytes = new BigInteger("01" + text, 16).toByteArray();
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    /** RFC 8032, 7.1, TEST 1: the public key and the signature of the empty message. */
    @Test
    void rfc8032TestVectorOne() throws Exception {
        byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertArrayEquals(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), NKeys.publicKeyOf(seed));
        NKeys key = NKeys.fromSeed(userSeed(seed));
        assertArrayEquals(hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                key.sign(new byte[0]));
    }

    /** The same seed, public key and signatures as jnats' NKey gives, for random user keys. */
    @Test
    void agreesWithJnatsNKeyOnRandomUserKeys() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            NKey reference = NKey.createUser(random);
            String seed = new String(reference.getSeed());
            NKeys ours = NKeys.fromSeed(seed);
            assertEquals(new String(reference.getPublicKey()), ours.publicKey());
            byte[] nonce = new byte[11 + i];
            random.nextBytes(nonce);
            byte[] signature = ours.sign(nonce);
            assertArrayEquals(reference.sign(nonce), signature, "Ed25519 signatures are deterministic");
            assertTrue(reference.verify(nonce, signature));
        }
    }

    @Test
    void aCredsFileGivesItsJwtAndSignsWithItsSeed() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        String creds = "-----BEGIN NATS USER JWT-----\neyJhbGciOi.payload.sig\n------END NATS USER JWT------\n\n"
                + "************************* IMPORTANT *************************\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + new String(user.getSeed()) + "\n------END USER NKEY SEED------\n";
        NKeyAuth auth = NKeyAuth.creds(creds);
        assertEquals("eyJhbGciOi.payload.sig", new String(auth.getJWT()));
        assertEquals(new String(user.getPublicKey()), new String(auth.getID()));
        byte[] nonce = "nonce".getBytes(StandardCharsets.US_ASCII);
        assertTrue(user.verify(nonce, auth.sign(nonce)));
    }

    @Test
    void aMistypedSeedOrAnotherKindOfKeyIsRefused() throws Exception {
        String seed = new String(NKey.createUser(new SecureRandom()).getSeed());
        char wrong = seed.charAt(10) == 'A' ? 'B' : 'A';
        String mistyped = seed.substring(0, 10) + wrong + seed.substring(11);
        assertThrows(IllegalArgumentException.class, () -> NKeys.fromSeed(mistyped));
        String accountSeed = new String(NKey.createAccount(new SecureRandom()).getSeed());
        assertThrows(IllegalArgumentException.class, () -> NKeys.fromSeed(accountSeed));
        assertThrows(IllegalArgumentException.class, () -> NKeyAuth.creds("no markers here"));
    }

    /** A user seed (SU...) around 32 raw Ed25519 seed bytes, made by jnats' own encoder. */
    private static String userSeed(byte[] seed) throws Exception {
        return new String(NKey.fromSeed(encodeSeed(seed)).getSeed());
    }

    private static char[] encodeSeed(byte[] seed) {
        byte[] raw = new byte[34];
        raw[0] = (byte) ((18 << 3) | ((20 << 3) >> 5));
        raw[1] = (byte) (((20 << 3) & 31) << 3);
        System.arraycopy(seed, 0, raw, 2, 32);
        int crc = NKeys.crc16(raw, 34);
        byte[] withCrc = Arrays.copyOf(raw, 36);
        withCrc[34] = (byte) crc;
        withCrc[35] = (byte) (crc >> 8);
        return NKeys.base32(withCrc).toCharArray();
    }
}
