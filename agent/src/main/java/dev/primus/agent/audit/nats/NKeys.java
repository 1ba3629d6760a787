package dev.primus.agent.audit.nats;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * NATS NKeys with the JDK's own Ed25519 (Java 15 and later), in place of the BouncyCastle jar
 * jnats would pull in for them (5.5 MB, eight times jnats itself). An NKey seed is base32 of two
 * prefix bytes, the 32-byte Ed25519 seed and a CRC-16/XMODEM; a public key is base32 of one
 * prefix byte, the 32-byte key and its CRC. Older JDKs have no Ed25519: {@link #fromSeed} then
 * throws, and the sink says so.
 */
final class NKeys {
    private static final byte PREFIX_SEED = (byte) (18 << 3);
    private static final byte PREFIX_USER = (byte) (20 << 3);
    /** PKCS#8 for an Ed25519 private key, before its 32 seed bytes (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = new BigInteger("302e020100300506032b657004220420", 16).toByteArray();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final PrivateKey privateKey;
    private final String publicKey;

    private NKeys(PrivateKey privateKey, String publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A user NKey from its seed ({@code SU...}); IllegalArgumentException for anything else. */
    static NKeys fromSeed(String seed) throws GeneralSecurityException {
        byte[] raw = decodeChecked(seed.trim());
        if (raw.length != 34 || (raw[0] & 0xF8) != (PREFIX_SEED & 0xFF)
                || (((raw[0] & 7) << 5) | ((raw[1] & 0xFF) >> 3)) != (PREFIX_USER & 0xFF)) {
            throw new IllegalArgumentException("not an NKey user seed (SU...)");
        }
        byte[] ed25519Seed = Arrays.copyOfRange(raw, 2, 34);
        byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
        System.arraycopy(ed25519Seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new NKeys(privateKey, encodePublic(publicKeyOf(ed25519Seed)));
    }

    /** The public key, {@code U...}, as the server's config and a user JWT name it. */
    String publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code data}, as the server checks a connect nonce's. */
    byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(privateKey);
        signature.update(data);
        return signature.sign();
    }

    /**
     * The raw public key of an Ed25519 seed. The JDK derives it only while generating a pair, so
     * the generator is handed the seed as its random bytes: Ed25519's private key is exactly the
     * 32 random bytes it draws (RFC 8032, 5.1.5).
     */
    static byte[] publicKeyOf(final byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        byte[] x509 = generator.generateKeyPair().getPublic().getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    static String encodePublic(byte[] key) {
        byte[] raw = new byte[33];
        raw[0] = PREFIX_USER;
        System.arraycopy(key, 0, raw, 1, 32);
        int crc = crc16(raw, raw.length);
        byte[] withCrc = Arrays.copyOf(raw, 35);
        withCrc[33] = (byte) crc;
        withCrc[34] = (byte) (crc >> 8);
        return base32(withCrc);
    }

    /** The bytes of a base32 NKey with its trailing CRC checked and removed. */
    private static byte[] decodeChecked(String text) {
        byte[] raw = base32Decode(text);
        if (raw.length < 3) {
            throw new IllegalArgumentException("too short for an NKey");
        }
        int length = raw.length - 2;
        int stored = (raw[length] & 0xFF) | (raw[length + 1] & 0xFF) << 8;
        if (stored != crc16(raw, length)) {
            throw new IllegalArgumentException("NKey checksum does not match: a character is wrong");
        }
        return Arrays.copyOf(raw, length);
    }

    /** CRC-16/XMODEM: polynomial 0x1021, initial value 0, as NKeys use. */
    static int crc16(byte[] bytes, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] base32Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = BASE32.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0) {
                throw new IllegalArgumentException("not base32 at character " + (i + 1));
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** What the JDK lacks for NKeys, or null on Java 15 and later. */
    static String unsupportedReason() {
        try {
            KeyFactory.getInstance("Ed25519");
            return null;
        } catch (GeneralSecurityException e) {
            return "NKey and creds authentication need Ed25519, which this JDK (" + System.getProperty("java.version")
                    + ") lacks; use Java 15 or later, or a token or user and password";
        }
    }

    @Override
    public String toString() {
        return "NKey " + publicKey.substring(0, 8).toUpperCase(Locale.ROOT) + "...";
    }
}
