package dev.primus.agent.masking;

/**
 * For azure_storage_key: the keys Azure now issues with a signature of their own at a fixed place
 * ("identifiable keys", the format of Microsoft's security-utilities and its SEC101 rules), found
 * with no name before them, bare in a sentence as in a value. Every one ends with its base64
 * padding, and its 4-char signature stands 10 chars before the first '=':
 * <ul>
 *   <li>64-byte keys, 86 base64 chars and {@code ==}: storage accounts ({@code +ASt}), Cosmos DB
 *   ({@code ACDb}), Batch ({@code +ABa}), classic ML web services ({@code +AMC}), API Management
 *   ({@code APIM}); the char before the padding is one of {@code AQgw}.</li>
 *   <li>Function keys, 54 base64url chars and {@code ==}: {@code AzFu}, the same last char.</li>
 *   <li>32-byte keys, 43 base64 chars and {@code =}: Service Bus ({@code +ASb}), Event Hubs
 *   ({@code +AEh}), Relay ({@code +ARm}), IoT Hub and DPS ({@code AIoT}), Cache for Redis
 *   ({@code AzCa}), Event Grid ({@code AZEG}); one of {@code A-P} right after the signature.</li>
 * </ul>
 * A key of the older format, 88 random base64 chars, has no such mark: a SHA-512 digest has its
 * shape, so it is masked only after one of its names ({@link AzureStorageKeys}). The signature is
 * 4 chars at a fixed offset, so a random string carries one about once in 16 million; the checksum
 * in the last 6 chars is not verified, since a key with a wrong one is still no text to show.
 */
final class AzureIdentifiableKeys {
    private static final String[] SIGNATURES_64 = {"+ASt", "ACDb", "+ABa", "+AMC", "APIM"};
    private static final String FUNCTION_SIGNATURE = "AzFu";
    private static final String[] SIGNATURES_32 = {"+ASb", "+AEh", "+ARm", "AIoT", "AzCa", "AZEG"};
    /** How far before the first '=' the signature starts, in every format. */
    private static final int SIGNATURE_BEFORE = 10;
    private static final int CHARS_64 = 86;
    private static final int CHARS_FUNCTION = 54;
    private static final int CHARS_32 = 43;
    private static final String LAST_64 = "AQgw";

    private AzureIdentifiableKeys() {
    }

    /**
     * The scan's check at a '=': whether a signature's first char stands where one would. Most
     * '=' after a key ("id=", "user=") fail it at a single char.
     */
    static boolean mayEndAt(CharSequence s, int floor, int at) {
        if (at - SIGNATURE_BEFORE < floor) {
            return false;
        }
        char first = s.charAt(at - SIGNATURE_BEFORE);
        return first == '+' || first == 'A';
    }

    /** The key whose first padding '=' is at {@code at}; nothing before {@code floor} is read. */
    static long match(CharSequence s, int floor, int at, int end) {
        if (!mayEndAt(s, floor, at)) {
            return Match.NONE;
        }
        int signature = at - SIGNATURE_BEFORE;
        boolean padded = at + 1 < end && s.charAt(at + 1) == '=';
        if (padded && LAST_64.indexOf(s.charAt(at - 1)) >= 0) {
            if (isOneOf(s, signature, SIGNATURES_64)) {
                return key(s, floor, at - CHARS_64, at, 2, end, false);
            }
            if (TextSearch.startsWith(s, signature, end, FUNCTION_SIGNATURE)) {
                return key(s, floor, at - CHARS_FUNCTION, at, 2, end, true);
            }
            return Match.NONE;
        }
        char afterSignature = s.charAt(signature + 4);
        return !padded && afterSignature >= 'A' && afterSignature <= 'P' && isOneOf(s, signature, SIGNATURES_32)
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
     * (nor the end another '=').
     */
    private static long key(CharSequence s, int floor, int start, int padding, int padded, int end, boolean url) {
        int stop = padding + padded;
        if (start < floor || (start > floor && isKeyChar(s.charAt(start - 1)))
                || (stop < end && (isKeyChar(s.charAt(stop)) || s.charAt(stop) == '='))) {
            return Match.NONE;
        }
        for (int i = start; i < padding; i++) {
            char c = s.charAt(i);
            if (url ? !CharClass.isBase64Url(c) : !CharClass.isBase64(c)) {
                return Match.NONE;
            }
        }
        return Match.of(start, stop);
    }

    /** A char of either alphabet: next to the key, it would make the run longer than one. */
    private static boolean isKeyChar(char c) {
        return CharClass.isBase64(c) || CharClass.isBase64Url(c);
    }
}
