package dev.primus.agent.masking;

/**
 * For azure_storage_key: a key with no name before it, bare in a sentence as in a value.
 * <ul>
 *   <li>The keys Azure now issues with a signature of their own at a fixed place ("identifiable
 *   keys", the format of Microsoft's security-utilities and its SEC101 rules). Every one ends with
 *   its base64 padding, and its 4-char signature stands 10 chars before the first '=':
 *   <ul>
 *     <li>64-byte keys, 86 base64 chars and {@code ==}: storage accounts ({@code +ASt}), Cosmos DB
 *     ({@code ACDb}), Batch ({@code +ABa}), classic ML web services ({@code +AMC}), API Management
 *     ({@code APIM}); the char before the padding is one of {@code AQgw}.</li>
 *     <li>Function keys, 54 base64url chars and {@code ==}: {@code AzFu}, the same last char.</li>
 *     <li>32-byte keys, 43 base64 chars and {@code =}: Service Bus ({@code +ASb}), Event Hubs
 *     ({@code +AEh}), Relay ({@code +ARm}), IoT Hub and DPS ({@code AIoT}), Cache for Redis
 *     ({@code AzCa}), Event Grid ({@code AZEG}); one of {@code A-P} right after the signature.</li>
 *   </ul>
 *   A random string carries a signature at its place about once in 16 million; the checksum in the
 *   last 6 chars is not verified, since a key with a wrong one is still no text to show.</li>
 *   <li>A storage or Cosmos DB key of the older format: 86 random base64 chars and {@code ==}, with
 *   upper- and lower-case letters and digits, as 64 random bytes all but always have. A SHA-512
 *   digest or HMAC in base64 has the same shape: one named as such just before it ({@code sha512-},
 *   {@code checksum=}, {@code X-Signature: }, {@link #HASH_WORDS}) is left alone. A 32-byte key of
 *   the older format is not found bare: SHA-256 digests in base64 are far commoner.</li>
 * </ul>
 */
final class BareAzureKeys {
    private static final String[] SIGNATURES_64 = {"+ASt", "ACDb", "+ABa", "+AMC", "APIM"};
    private static final String FUNCTION_SIGNATURE = "AzFu";
    private static final String[] SIGNATURES_32 = {"+ASb", "+AEh", "+ARm", "AIoT", "AzCa", "AZEG"};
    /** How far before the first '=' the signature starts, in every format. */
    private static final int SIGNATURE_BEFORE = 10;
    private static final int CHARS_64 = 86;
    private static final int CHARS_FUNCTION = 54;
    private static final int CHARS_32 = 43;
    private static final String LAST_64 = "AQgw";
    /** Words that name a digest, a MAC or a signature, in any case, within {@link #LABEL_REACH} chars before the value. */
    private static final String[] HASH_WORDS = {"sha5", "sha-5", "sha2", "sha-2", "sha3", "hash", "digest", "checksum",
        "integrity", "hmac", "signature", "fingerprint"};
    private static final int LABEL_REACH = 24;

    private BareAzureKeys() {
    }

    /**
     * The scan's check at a '=': whether a signature's first char stands where one would, or a
     * second '=' follows. Most '=' after a key ("id=", "user=") fail it at two chars.
     */
    static boolean mayEndAt(CharSequence s, int floor, int at) {
        if (at - SIGNATURE_BEFORE < floor) {
            return false;
        }
        char first = s.charAt(at - SIGNATURE_BEFORE);
        return first == '+' || first == 'A' || at + 1 < s.length() && s.charAt(at + 1) == '=';
    }

    /** The key whose first padding '=' is at {@code at}; nothing before {@code floor} is read. */
    static long match(CharSequence s, int floor, int at, int end) {
        if (!mayEndAt(s, floor, at)) {
            return Match.NONE;
        }
        int signature = at - SIGNATURE_BEFORE;
        boolean signedLast = LAST_64.indexOf(s.charAt(at - 1)) >= 0;
        if (at + 1 < end && s.charAt(at + 1) == '=') {
            if (signedLast && TextSearch.startsWith(s, signature, end, FUNCTION_SIGNATURE)) {
                return key(s, floor, at - CHARS_FUNCTION, at, 2, end, true);
            }
            long key = key(s, floor, at - CHARS_64, at, 2, end, false);
            if (key == Match.NONE || signedLast && isOneOf(s, signature, SIGNATURES_64)) {
                return key;
            }
            // The older format, whose shape a SHA-512 digest in base64 shares.
            return random(s, at - CHARS_64, at) && !namedAsHash(s, floor, at - CHARS_64) ? key : Match.NONE;
        }
        char afterSignature = s.charAt(signature + 4);
        return afterSignature >= 'A' && afterSignature <= 'P' && isOneOf(s, signature, SIGNATURES_32)
                ? key(s, floor, at - CHARS_32, at, 1, end, false) : Match.NONE;
    }

    private static boolean isOneOf(CharSequence s, int at, String[] signatures) {
        for (String signature : signatures) {
            if (TextSearch.startsWith(s, at, s.length(), signature)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key from {@code start} to the end of its {@code padded} '=' at {@code padding}, when the
     * chars before them are all of the key's alphabet and neither side touches another char of it
     * (nor the end another '='); an escaped line break's letter before it is no char of the key.
     */
    private static long key(CharSequence s, int floor, int start, int padding, int padded, int end, boolean url) {
        int stop = padding + padded;
        boolean longerBefore = start > floor && isKeyChar(s.charAt(start - 1))
                && !CharClass.isEscapedBreak(s, floor, start - 1);
        if (start < floor || longerBefore || (stop < end && (isKeyChar(s.charAt(stop)) || s.charAt(stop) == '='))) {
            return Match.NONE;
        }
        for (int i = start; i < padding; i++) {
            char c = s.charAt(i);
            if (url ? !CharClass.isBase64Url(c) : !CharClass.isBase64(c)) {
                return Match.NONE;
            }
        }
        // After one of its names, the key was found at the separator: the scan walks on inside that
        // value, and the same span found again would move where the text "starts" for what follows.
        return AzureStorageKeys.followsItsName(s, floor, start) ? Match.NONE : Match.of(start, stop);
    }

    /** Whether {@code s[start, stop)} has an upper-case and a lower-case letter and a digit. */
    private static boolean random(CharSequence s, int start, int stop) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            upper |= CharClass.isUpper(c);
            lower |= CharClass.isLower(c);
            digit |= CharClass.isDigit(c);
        }
        return upper && lower && digit;
    }

    /** Whether one of {@link #HASH_WORDS} stands in the few chars before {@code start}, on its line. */
    private static boolean namedAsHash(CharSequence s, int floor, int start) {
        int from = start;
        while (from > floor && start - from < LABEL_REACH && s.charAt(from - 1) != '\n' && s.charAt(from - 1) != '\r'
                && !CharClass.isEscapedBreak(s, floor, from - 1)) {
            from--;
        }
        for (int i = from; i < start; i++) {
            for (String word : HASH_WORDS) {
                if (TextSearch.startsWithIgnoreCase(s, i, start, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A char of either alphabet: next to the key, it would make the run longer than one. */
    private static boolean isKeyChar(char c) {
        return CharClass.isBase64(c) || CharClass.isBase64Url(c);
    }
}
