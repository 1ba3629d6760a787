package dev.primus.agent.masking;

/**
 * private_key: a private key's DER in base64 with no PEM armour around it, as an environment
 * variable or a JSON field often holds one ({@code JWT_PRIVATE_KEY=MIIEvQIBADANBgkqhkiG9w0BAQEFAASC…})
 * and a message may print it bare. Told by its first bytes, whose base64 is fixed but for the
 * length ({@link #PREFIXES}): PKCS#1 and PKCS#8 RSA, encrypted PKCS#8, PKCS#8 and SEC1 EC, PKCS#8
 * Ed25519 and X25519. A public key's or a certificate's DER starts otherwise
 * ({@code MIIBIjANBgkqhkiG9w0BAQEFAAOC}: a bit string, not an octet string) and stays. The whole
 * base64 word is masked. Asked at an 'M' at a word start whose next char may start a DER length
 * ('C' to 'I'), a capital that starts IBANs and PANs already.
 */
final class DerPrivateKeys {
    /** The base64 of a key's first bytes; '?' stands for a char that holds a length. */
    private static final String[] PREFIXES = {
        "MII???IBAAK", // PKCS#1 RSA: a sequence, version 0, the modulus (1024 bits and more)
        "MII???IBAAJ", // 512 bits
        "MII???IBADANBgkqhkiG9w0BAQEFAASC", // PKCS#8 RSA: version 0, rsaEncryption, an octet string
        "MII?????BgkqhkiG9w0BBQ0w", // encrypted PKCS#8 (PBES2): key material still
        "MI??AgEAMB?GByqGSM49AgEG", // PKCS#8 EC, its length in two bytes: version 0, ecPublicKey
        "M??CAQAwE?YHKoZIzj0CAQ", // PKCS#8 EC, its length in one byte (no public key in it, as Java writes one)
        "M??CAQEEI", // SEC1 EC, a 32-byte key (P-256), its length in one byte
        "M??CAQEEM", // a 48-byte key (P-384)
        "M??CAQEEQ", // a 66-byte key (P-521)
        "MI??AgEBBD", // SEC1 EC, its length in two bytes: P-384 ("MIGk") with its public key
        "MI??AgEBBE", // P-521 ("MIHc")
        "MC4CAQAwBQYDK2Vw", // PKCS#8 Ed25519
        "MC4CAQAwBQYDK2Vu", // PKCS#8 X25519
    };
    /** The fewest base64 chars of a key: a P-256 key's SEC1 with neither curve nor public key is 39 bytes, 52 chars. */
    private static final int MIN_CHARS = 52;
    private static final int MAX_PADDING = 2;

    private DerPrivateKeys() {
    }

    /** {@code at} is an 'M' at a word start; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at > from && CharClass.isBase64(s.charAt(at - 1)) || !startsKey(s, at, end)) {
            return Match.NONE;
        }
        int stop = at;
        while (stop < end && CharClass.isBase64(s.charAt(stop))) {
            stop++;
        }
        int body = stop;
        while (stop < end && stop - body < MAX_PADDING && s.charAt(stop) == '=') {
            stop++;
        }
        return body - at >= MIN_CHARS ? Match.of(at, stop) : Match.NONE;
    }

    private static boolean startsKey(CharSequence s, int at, int end) {
        for (String prefix : PREFIXES) {
            if (matches(s, at, end, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(CharSequence s, int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char p = prefix.charAt(i);
            if (p != '?' && s.charAt(at + i) != p) {
                return false;
            }
        }
        return true;
    }
}
