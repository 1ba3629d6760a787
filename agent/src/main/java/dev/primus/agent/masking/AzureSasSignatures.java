package dev.primus.agent.masking;

/**
 * azure_sas_signature: the {@code sig} parameter of a shared access signature, after '?' or '&'
 * in a URL query, or as a setting of its own ({@code sig=x}): the base64 of an HMAC-SHA256, 44
 * chars ending in '=', URL-encoded or not ({@code %2B}, {@code %2F}, {@code %3D} count as one
 * char). Also, in a URL's query only, the unpadded base64url of an HMAC-SHA256, 43 chars: the
 * {@code sig} of an Azure Logic Apps or Power Automate trigger's URL
 * ({@code …/triggers/manual/paths/invoke?api-version=2016-06-01&sp=…&sv=1.0&sig=x}), which is
 * what a Teams workflow's webhook is, and which anyone may call who has it. Only the signature is
 * masked: the other parameters (version, expiry, permissions) are no secret and help whoever reads
 * the line.
 */
final class AzureSasSignatures {
    private static final String NAME = "sig";
    private static final int DECODED = 44;
    /** The unpadded base64url of the same 32 bytes. */
    private static final int UNPADDED = 43;
    /**
     * What may stand right before the name: a URL query's '?' or '&', or a setting's start
     * ({@code sig=x} alone, or after a space, quote, ';', ',' or an opening bracket). The value's
     * shape, 44 base64 chars ending in '=', is what tells a signature.
     */
    private static final String PARAMETER_STARTS = "?& \t\"';,{[(";

    private AzureSasSignatures() {
    }

    /** Whether the parameter name this detector reads may end with ASCII char {@code c}: it is matched as written. */
    static boolean mayEndKey(char c) {
        return c == NAME.charAt(NAME.length() - 1);
    }

    /** Whether {@code key} is the signature's parameter name, for {@link ValueKeys}. */
    static boolean isName(String key) {
        return NAME.equals(key);
    }

    /** {@code at} is '='. */
    static long match(CharSequence s, int from, int at, int end) {
        int name = at - NAME.length();
        if (name < from || !TextSearch.startsWith(s, name, end, NAME)
                || name > from && PARAMETER_STARTS.indexOf(s.charAt(name - 1)) < 0) {
            return Match.NONE;
        }
        int value = at + 1;
        int i = value;
        int decoded = 0;
        char last = 0;
        while (i < end && decoded < DECODED) {
            char c = s.charAt(i);
            int width = 1;
            if (c == '%' && i + 2 < end && CharClass.isHex(s.charAt(i + 1)) && CharClass.isHex(s.charAt(i + 2))) {
                c = (char) (hexValue(s.charAt(i + 1)) * 16 + hexValue(s.charAt(i + 2)));
                width = 3;
            }
            if (!CharClass.isBase64(c) && c != '=') {
                break;
            }
            last = c;
            i += width;
            decoded++;
        }
        if (decoded != DECODED || last != '=' || (i < end && continuesValue(s.charAt(i)))) {
            return name > from && isQueryStart(s.charAt(name - 1)) ? unpadded(s, value, end) : Match.NONE;
        }
        return Match.of(value, i);
    }

    /** 43 base64url chars at {@code value}, machine-made, and then no more of a value. */
    private static long unpadded(CharSequence s, int value, int end) {
        int stop = value;
        while (stop < end && stop - value <= UNPADDED && CharClass.isBase64Url(s.charAt(stop))) {
            stop++;
        }
        boolean ended = stop == end || !continuesValue(s.charAt(stop));
        return stop - value == UNPADDED && ended && ProseSecrets.readsAsCredential(s, value, stop) ? Match.of(value, stop)
                : Match.NONE;
    }

    private static boolean isQueryStart(char c) {
        return c == '?' || c == '&';
    }

    private static int hexValue(char c) {
        return CharClass.isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static boolean continuesValue(char c) {
        return CharClass.isBase64(c) || c == '=' || c == '%';
    }
}
