package dev.primus.agent.masking;

/**
 * Whether a keyword names the number that follows it: {@code phone 4155552671},
 * {@code "ssn":"123456789"}, {@code <SSN>123456789</SSN>}, {@code aadhaar no. 234567890124},
 * {@code customerPhoneNumber=...}, {@code Social Security number is ...}. Some numbers are PII
 * only by what names them: ten bare digits are as often a counter as a phone number, and are
 * masked only after such a word.
 *
 * <p>Looks back from the number over a few separators, then over up to two filler words
 * ({@code number}, {@code no}, {@code is}, ...), and compares a keyword from the end, ignoring
 * case, Latin-1 accents and the separators between its words, so {@code socialsecurity} matches
 * {@code Social-Security} and {@code socialSecurity}. The keyword must start a word: {@code tel}
 * does not name a number after {@code hotel}.
 */
final class KeywordBefore {
    /**
     * English (and its abbreviation on Indian forms, {@code Ph. No.}), and the words the largest
     * European and Latin American languages use, compared without their accents (teléfono,
     * téléphone, móvil) and as German and Dutch compounds (Telefonnummer, telefoonnummer).
     */
    static final String[] PHONE = {"phone", "telephone", "tel", "mobile", "mob", "cell", "cellphone", "msisdn",
        "whatsapp", "sms", "contact", "fax", "ph", "landline", "telefon", "telefono", "telefone", "handy", "movil",
        "celular", "cellulare", "portable", "telefonnummer", "handynummer", "mobilnummer", "rufnummer", "mobil",
        "mobiel", "telefoon", "telefoonnummer"};
    static final String[] SSN = {"ssn", "socialsecurity"};
    static final String[] AADHAAR = {"aadhaar", "aadhar", "adhaar", "uid", "uidai"};
    /** Words that may stand between a keyword and its number: {@code phone number is}, {@code SMS to}. */
    private static final String[] FILLERS = {"number", "num", "no", "nr", "is", "was", "of", "to"};
    private static final int MAX_SEPARATORS = 5;
    private static final int MAX_FILLERS = 2;

    private KeywordBefore() {
    }

    /** Whether one of {@code keywords} (lower-case letters) names the number starting at {@code at}. */
    static boolean names(CharSequence s, int from, int at, String[] keywords) {
        int i = skipSeparators(s, from, at);
        for (int fillers = 0; i > from; fillers++) {
            for (String keyword : keywords) {
                if (wordStart(s, from, i, keyword, keyword.length() > 2) >= 0) {
                    return true;
                }
            }
            if (fillers == MAX_FILLERS) {
                return false;
            }
            int before = fillerStart(s, from, i);
            if (before < 0) {
                return false;
            }
            i = skipSeparators(s, from, before);
        }
        return false;
    }

    private static int skipSeparators(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && at - i < MAX_SEPARATORS && isSeparator(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** What may stand between a keyword and its number; '>' ends an XML element's tag ({@code <ssn>123456789}). */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '=' || c == ':' || c == '"' || c == '\'' || c == '#' || c == '\t' || c == '('
                || c == '.' || c == '-' || c == '_' || c == '>';
    }

    /** Where the filler word ending at {@code end} starts, or -1 when none ends there. */
    private static int fillerStart(CharSequence s, int from, int end) {
        for (String filler : FILLERS) {
            int start = wordStart(s, from, end, filler, true);
            if (start >= 0) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Where {@code word} starts when {@code s} just before {@code end} ends with it, ignoring case,
     * accents and any '_', '-', '.' or space between its letters, and a word starts there (not after
     * a letter of any script: {@code tel} does not end {@code hôtel}), or with {@code humps} at a
     * camel-case hump ({@code customerPhone}, {@code mobileNo}); else -1. A two-letter keyword has
     * no humps: the "PH" that ends a random token ({@code ...hhPH 4155552671}) is no phone's.
     */
    private static int wordStart(CharSequence s, int from, int end, String word, boolean humps) {
        int i = KeyedValue.startOfName(s, from, end, word, true);
        if (i <= from) {
            return i;
        }
        char before = s.charAt(i - 1);
        boolean wordBefore = before < 128 ? CharClass.isAlnum(before) : Character.isLetterOrDigit(before);
        boolean lowerBefore = before < 128 ? CharClass.isLower(before) : Character.isLowerCase(before);
        boolean hump = humps && lowerBefore && CharClass.isUpper(s.charAt(i));
        boolean startsWord = !wordBefore || hump || CharClass.isEscapedBreak(s, from, i - 1);
        return startsWord ? i : -1;
    }
}
