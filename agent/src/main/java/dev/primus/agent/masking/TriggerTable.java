package dev.primus.agent.masking;

/**
 * Which detectors an ASCII char can start, so the scan loop pays one array load per char and
 * calls a detector only where its value could begin. Built once per masker from its detectors.
 * An entry is a bit set: bit {@code ordinal} per built-in detector, and {@link #SKIP} and
 * {@link #BREAK} for the scanner itself. {@link #second} then drops the detectors that the
 * char after the trigger rules out ("sc" cannot start sk_live_), before any detector is called.
 */
final class TriggerTable {
    /**
     * The detectors that read the name of a key back from its separator ('=', ':', or the '>' of
     * an XML element): {@link #beforeSeparator} rules them out from the char before it.
     */
    static final int KEYED = BuiltInDetector.PASSWORD_KV.bit() | BuiltInDetector.AWS_SECRET_KEY.bit()
            | BuiltInDetector.AZURE_STORAGE_KEY.bit() | BuiltInDetector.AZURE_SAS_SIGNATURE.bit();
    /**
     * The detectors whose values start with a lower-case prefix that a '_' ends (sk_, rk_, pk_,
     * whsec_, ghp_, github_pat_, npm_, hf_) or a '-' (sk-, sk-ant-, xoxb-, xapp-, glpat-). The scan
     * is triggered by the delimiter and asks them where the word before it starts
     * ({@link #prefixStarts}): their first letters (s, p, r, n, h, g, x, w) start 24% of the words
     * in the real-log corpus (93,536); of its 91,696 '_' and '-' after a word char, 19,612 follow a
     * char that ends such a prefix ({@link #prefixEnds}) and have the word read back. vendor_token's
     * prefixes (dckr_pat_, pypi-, PMAK-, ...: {@link VendorTokens}) are gated on the two chars
     * before the delimiter ({@link #announced}), as is aws_secret_key's "aws_" (its name before a
     * space: aws_secret_access_key v), also on the char after it. A prefix that no delimiter ends
     * (ATATT3, GR1348941) is asked at its first char at a word start ({@link #second}). Each of
     * these detectors is asked at its own triggers as well (aws_secret_key at '=' and ':').
     */
    static final int ANNOUNCED = BuiltInDetector.STRIPE_KEY.bit() | BuiltInDetector.GITHUB_TOKEN.bit()
            | BuiltInDetector.NPM_TOKEN.bit() | BuiltInDetector.HUGGINGFACE_TOKEN.bit()
            | BuiltInDetector.GITLAB_TOKEN.bit() | BuiltInDetector.SLACK_TOKEN.bit()
            | BuiltInDetector.OPENAI_KEY.bit() | BuiltInDetector.ANTHROPIC_KEY.bit()
            | BuiltInDetector.VENDOR_TOKEN.bit() | BuiltInDetector.AWS_SECRET_KEY.bit();
    /** The announced detectors whose prefixes end with chars so common that two are read to rule a word out. */
    private static final int PAIR_GATED = BuiltInDetector.VENDOR_TOKEN.bit() | BuiltInDetector.AWS_SECRET_KEY.bit();
    /** The triggers whose third char is fixed (see {@link #third}). */
    private static final int FIXED_THIRD = BuiltInDetector.IBAN.bit() | BuiltInDetector.PAN.bit()
            | BuiltInDetector.STRIPE_KEY.bit() | BuiltInDetector.BEARER_TOKEN.bit();
    /** The triggers any third char, or none, may follow. */
    static final int ANY_THIRD = ~FIXED_THIRD;
    /** The triggers {@link SpanFinder} narrows from the chars around them before calling a detector. */
    static final int NARROWABLE = FIXED_THIRD | KEYED | BuiltInDetector.PRIVATE_KEY.bit();
    /** Built-in detectors take bits 0 to 29, one each; the scanner's own two bits come above them. */
    static final int MAX_DETECTORS = 30;
    /**
     * The '[' that starts one of our markers, or the backslash of an escaped line break: the scan
     * steps past either ({@link SpanFinder}'s skip tells them apart by the char). One bit for both,
     * so that the 32 of an int go to detectors.
     */
    static final int SKIP = 1 << MAX_DETECTORS;
    /**
     * CR and LF, whatever comes next: a message with a line break must be neutralised before it
     * is judged, and finding one in the scan spares the clean message a pass of its own to look.
     * No other char has this bit, and CR and LF have no other.
     */
    static final int BREAK = 1 << (MAX_DETECTORS + 1);
    /** The part of {@link #entries} for a char inside a word, after a capital or '_'. */
    static final int INSIDE_WORD = 128;
    /**
     * The part for a char inside a word after a lower-case letter or digit: where a capital starts
     * a hump of a name in camel case ({@code accessToken}), read apart from one in a run of capitals
     * ({@code HTTPS}), which ends no name.
     */
    static final int AFTER_LOWER = 256;
    /** For an ASCII char, the part of {@link #entries} the next char reads: 0 after a char that is no word char. */
    static final int[] HALF = new int[128];

    static {
        for (char c = 0; c < 128; c++) {
            HALF[c] = CharClass.isLower(c) || CharClass.isDigit(c) ? AFTER_LOWER : CharClass.isWord(c) ? INSIDE_WORD : 0;
        }
        if (BuiltInDetector.values().length > MAX_DETECTORS) {
            throw new AssertionError("more built-in detectors than an int has trigger bits: make the tables long[]");
        }
    }

    /**
     * Entry {@code c}: the triggers of ASCII char c at a word start (digits, known prefixes such as
     * AKIA, eyJ, bearer, and all of the next half; not the prefixes a '_' or '-' ends, see
     * {@link #ANNOUNCED}). Entry {@code 128 + c}: its triggers inside a word ('@', ':', '=', '-', '_', ...);
     * entry {@code 256 + c} the same, and, after a lower-case letter or digit, the capitals that start
     * a camel-case name's last word ({@code apiKey}, {@code accessToken}, {@code clientSecret}).
     */
    final int[] entries = new int[384];
    /**
     * Entry {@code c}: the triggers that may have ASCII char c right after the trigger char. For
     * an {@link #ANNOUNCED} detector, only a prefix no delimiter ends is asked at its trigger
     * char: its second char, the rest are in {@link #prefixSeconds}.
     */
    final int[] second = new int[128];
    /** Entry {@code c}: the {@link #ANNOUNCED} detectors one of whose prefixes has ASCII char c second. */
    final int[] prefixSeconds = new int[128];
    /**
     * Entry {@code c}: the {@link #KEYED} detectors whose key may end with ASCII char c right
     * before the separator. A space or quote there may stand between key and separator: all of
     * them then. A '(' or ',' may stand before the quote of a value in an SQL insert's list:
     * password_kv then ({@link SqlInsertValues}), as at the start of the text (entry 0), where
     * MyBatis's messages start with {@code ==>}, and after a '<' or '=', where its rows' start with
     * {@code <==} and a nested query's lines with {@code ====>} ({@link MyBatisParameters}). Most '=' and ':' in a
     * log line follow a key no detector reads ("id=", "INFO:"), and this answers that before any
     * of them is called.
     */
    final int[] beforeSeparator = new int[128];
    /**
     * Entry {@code c}: the triggers that may have ASCII char c two chars after the trigger; every
     * trigger but those a fixed third char announces (an IBAN's check digit, a PAN's letters, the
     * '_' of sk_ and 's' of whsec_, the 'a' of bearer and 's' of basic: "be" and "ba" start many words).
     */
    final int[] third = new int[128];
    /**
     * Entry {@code c}: the {@link #ANNOUNCED} detectors whose prefix starts with ASCII char c, asked
     * at the start of the word a '_' or '-' ends.
     */
    final int[] prefixStarts = new int[128];
    /**
     * Entry {@code c}: the {@link #ANNOUNCED} detectors one of whose prefixes has ASCII char c right
     * before its delimiter (the k of sk_, the b of github_): "north-7" or "user_id" is ruled out
     * before the word is read back.
     */
    final int[] prefixEnds = new int[128];
    /**
     * Bit {@code (c << 7) | d}: some vendor_token prefix, or aws_secret_key's {@code aws}, ends with
     * ASCII chars c and d before its delimiter. vendor_token's prefixes end with most letters, and
     * "aws" with the 's' of "is_" and "has_", so one char rules out little ("nio-", "exec-"), and a
     * word read back costs more than the rest of a clean line's chars.
     */
    private final long[] endPairs = new long[128 * 128 / 64];
    /**
     * Entry {@code c}: the {@link #ANNOUNCED} detectors whose prefix's delimiter ASCII char c may
     * follow: all but aws_secret_key, whose "aws_" goes on with "secret" ("aws_region" is no key).
     */
    private final int[] afterDelimiter = new int[128];
    private final int[] insideWord = new int[128];
    private final int[] afterLower = new int[128];
    private final int[] atWordStart = new int[128];

    TriggerTable(int enabled) {
        anywhere(BuiltInDetector.EMAIL, enabled, "@%"); // '%': the URL-encoded '@' of jane%40example.com
        atStart(BuiltInDetector.EMAIL, enabled, "N"); // an IMAP ENVELOPE's NIL "mailbox" "host" (EmailAddresses.imapAddress)
        anywhere(BuiltInDetector.PRIVATE_KEY, enabled, "-");
        // a PEM block in base64, LS0tLS1CRUdJTi... (PrivateKeyBlocks); a bare DER key in base64,
        // MIIEvQIBADAN... (DerPrivateKeys)
        atStart(BuiltInDetector.PRIVATE_KEY, enabled, "LM");
        anywhere(BuiltInDetector.PASSWORD_KV, enabled, "=:>%\\'");
        // '_' before the last part of a name: access_token x, client_secret x; a capital after a lower-case
        // letter, its last word in camel case: accessToken x, apiKey x (ProseSecrets)
        anywhere(BuiltInDetector.PASSWORD_KV, enabled, "_");
        afterLowerCase(BuiltInDetector.PASSWORD_KV, enabled, "KTS");
        // 'p': a password's word in prose (ProsePasswords); 'P', 'A', 'L': also a PASS, AUTH or LOGIN
        // command (ProtocolCommands); 'B': the BY of SQL's IDENTIFIED BY (IdentifiedBy), a capital that
        // starts IBANs, PANs and "Bearer" already
        atStart(BuiltInDetector.PASSWORD_KV, enabled, "-pPALB");
        // a token, secret or API key in prose (ProseSecrets); a one-time code after "OTP" (OneTimeCodes)
        atStart(BuiltInDetector.PASSWORD_KV, enabled, "tTsSkKO");
        // a password's hash in crypt's or PHC's format, where no key names it (CryptHashes)
        atStart(BuiltInDetector.PASSWORD_KV, enabled, "$");
        // a stored password after its encoding's name in braces, {noop}x, {SSHA}x (DelegatedPasswords)
        atStart(BuiltInDetector.PASSWORD_KV, enabled, "{");
        // '@': a user and password before an address with no scheme (SchemelessCredentials)
        anywhere(BuiltInDetector.URL_CREDENTIALS, enabled, ":@");
        anywhere(BuiltInDetector.IP_ADDRESS, enabled, ":");
        anywhere(BuiltInDetector.AWS_SECRET_KEY, enabled, "=:");
        anywhere(BuiltInDetector.AZURE_STORAGE_KEY, enabled, "=:");
        anywhere(BuiltInDetector.AZURE_SAS_SIGNATURE, enabled, "=");
        String digits = "0123456789";
        atStart(BuiltInDetector.CREDIT_CARD, enabled, digits);
        anywhere(BuiltInDetector.CREDIT_CARD, enabled, "%"); // the %B that starts a card's track 1
        atStart(BuiltInDetector.US_SSN, enabled, digits);
        atStart(BuiltInDetector.AADHAAR, enabled, digits);
        atStart(BuiltInDetector.PHONE, enabled, digits + "+(");
        anywhere(BuiltInDetector.PHONE, enabled, "%"); // the URL-encoded '+' of To=%2B14155552671
        atStart(BuiltInDetector.IP_ADDRESS, enabled, digits + "abcdefABCDEF");
        if (atWordStart['0'] == 0) {
            // No number detector is on, but a code its word names ("cvv 123", "otp 482913") is found
            // from its digits all the same (SpanFinder's namedCodes).
            atStart(BuiltInDetector.PASSWORD_KV, enabled, digits);
        }
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String lower = "abcdefghijklmnopqrstuvwxyz";
        atStart(BuiltInDetector.IBAN, enabled, upper);
        atStart(BuiltInDetector.PAN, enabled, upper);
        atStart(BuiltInDetector.AWS_ACCESS_KEY, enabled, "A");
        atStart(BuiltInDetector.JWT, enabled, "e");
        atStart(BuiltInDetector.BEARER_TOKEN, enabled, "bB");
        prefixed(BuiltInDetector.STRIPE_KEY, enabled, "srpw", "kc", "_");
        prefixed(BuiltInDetector.GITHUB_TOKEN, enabled, "g", "pousrb", "_");
        prefixed(BuiltInDetector.SLACK_TOKEN, enabled, "x", "bapres", "-");
        atStart(BuiltInDetector.SLACK_WEBHOOK, enabled, "T");
        atStart(BuiltInDetector.GOOGLE_API_KEY, enabled, "AyG");
        prefixed(BuiltInDetector.GITLAB_TOKEN, enabled, "g", "tsr", "-"); // glpat- gldt- ..., gloas-, glrtr-
        prefixed(BuiltInDetector.NPM_TOKEN, enabled, "n", "m", "_");
        prefixed(BuiltInDetector.OPENAI_KEY, enabled, "s", "k", "-");
        prefixed(BuiltInDetector.ANTHROPIC_KEY, enabled, "s", "k", "-");
        prefixed(BuiltInDetector.HUGGINGFACE_TOKEN, enabled, "ha", "fg", "_"); // hf_, api_org_
        atStart(BuiltInDetector.SENDGRID_KEY, enabled, "S");
        atStart(BuiltInDetector.TWILIO_KEY, enabled, "SA");
        prefixed(BuiltInDetector.VENDOR_TOKEN, enabled, VendorTokens.firstChars(), VendorTokens.charsBeforeDelimiter(),
                "_-");
        // Prefixes no '_' or '-' ends: at their word start, a char that starts other values already.
        for (String prefix : VendorTokens.undelimitedPrefixes()) {
            undelimited(BuiltInDetector.VENDOR_TOKEN, enabled, prefix);
        }
        undelimited(BuiltInDetector.GITLAB_TOKEN, enabled, "GR"); // GR1348941, a runner registration token
        for (String prefix : VendorTokens.prefixes()) {
            int delimiter = VendorTokens.firstDelimiter(prefix);
            endsWithPair(prefix.charAt(delimiter - 2), prefix.charAt(delimiter - 1));
        }
        // aws_secret_access_key and its value after a space: aws configure set aws_secret_access_key v
        prefixed(BuiltInDetector.AWS_SECRET_KEY, enabled, "aA", "sS", "_");
        prefixFollowedBy(BuiltInDetector.AWS_SECRET_KEY.bit(), "wW");
        for (String aws : new String[] {"ws", "wS", "Ws", "WS"}) { // the name is read in any case
            endsWithPair(aws.charAt(0), aws.charAt(1));
        }
        java.util.Arrays.fill(afterDelimiter, ANNOUNCED & ~BuiltInDetector.AWS_SECRET_KEY.bit());
        afterDelimiter['s'] |= BuiltInDetector.AWS_SECRET_KEY.bit();
        afterDelimiter['S'] |= BuiltInDetector.AWS_SECRET_KEY.bit();
        insideWord['['] |= SKIP;
        insideWord['\\'] |= SKIP;
        String any = allAscii();
        String numeric = digits + " -.:)abcdefABCDEF";
        followedBy(BuiltInDetector.EMAIL.bit() | BuiltInDetector.PASSWORD_KV.bit()
                | BuiltInDetector.AWS_SECRET_KEY.bit() | BuiltInDetector.AZURE_STORAGE_KEY.bit(), any);
        followedBy(BuiltInDetector.AZURE_SAS_SIGNATURE.bit(), digits + upper + lower + "%+/");
        followedBy(BuiltInDetector.CREDIT_CARD.bit() | BuiltInDetector.US_SSN.bit() | BuiltInDetector.AADHAAR.bit()
                | BuiltInDetector.PHONE.bit() | BuiltInDetector.IP_ADDRESS.bit(), numeric);
        followedBy(BuiltInDetector.CREDIT_CARD.bit(), "B");
        followedBy(BuiltInDetector.IBAN.bit() | BuiltInDetector.PAN.bit() | BuiltInDetector.AWS_ACCESS_KEY.bit(), upper);
        followedBy(BuiltInDetector.JWT.bit(), "y");
        followedBy(BuiltInDetector.BEARER_TOKEN.bit(), "eEaA");
        prefixFollowedBy(BuiltInDetector.STRIPE_KEY.bit(), "kh");
        prefixFollowedBy(BuiltInDetector.GITHUB_TOKEN.bit(), "hi");
        prefixFollowedBy(BuiltInDetector.SLACK_TOKEN.bit(), "oa");
        followedBy(BuiltInDetector.SLACK_WEBHOOK.bit(), digits + upper);
        followedBy(BuiltInDetector.GOOGLE_API_KEY.bit(), "IaO");
        prefixFollowedBy(BuiltInDetector.GITLAB_TOKEN.bit(), "l");
        prefixFollowedBy(BuiltInDetector.NPM_TOKEN.bit(), "p");
        prefixFollowedBy(BuiltInDetector.OPENAI_KEY.bit() | BuiltInDetector.ANTHROPIC_KEY.bit(), "k");
        prefixFollowedBy(BuiltInDetector.HUGGINGFACE_TOKEN.bit(), "fp");
        followedBy(BuiltInDetector.SENDGRID_KEY.bit(), "G");
        followedBy(BuiltInDetector.TWILIO_KEY.bit(), "KC");
        followedBy(BuiltInDetector.PRIVATE_KEY.bit(), "-SCDEFGHI"); // "MI", "MC" to "MH": a DER length of two bytes or one
        // "://", a Telegram bot token's ":A", and after '@' an IPv4 address or localhost
        followedBy(BuiltInDetector.URL_CREDENTIALS.bit(), "/A" + digits + "l");
        prefixFollowedBy(BuiltInDetector.VENDOR_TOKEN.bit(), VendorTokens.secondChars());
        followedBy(SKIP, upper + "nr"); // a marker's name, an escaped "\\n" or "\\r"
        insideWord['\n'] = BREAK;
        insideWord['\r'] = BREAK;
        followedBy(BREAK, any);
        for (char c = 0; c < 128; c++) {
            int keyed = (PasswordValues.mayEndKey(c) ? BuiltInDetector.PASSWORD_KV.bit() : 0)
                    | (AwsSecretKeys.mayEndKey(c) ? BuiltInDetector.AWS_SECRET_KEY.bit() : 0)
                    | (AzureStorageKeys.mayEndKey(c) ? BuiltInDetector.AZURE_STORAGE_KEY.bit() : 0)
                    | (AzureSasSignatures.mayEndKey(c) ? BuiltInDetector.AZURE_SAS_SIGNATURE.bit() : 0);
            beforeSeparator[c] = c == ' ' || c == '"' || c == '\'' || c == '`' ? KEYED
                    : c == '(' || c == ',' || c == '<' || c == '=' || c == 0 ? keyed | BuiltInDetector.PASSWORD_KV.bit()
                    : keyed;
            third[c] = ANY_THIRD
                    | (CharClass.isDigit(c) ? BuiltInDetector.IBAN.bit() : 0)
                    | (CharClass.isUpper(c) ? BuiltInDetector.PAN.bit() : 0)
                    | (c == '_' || c == 's' ? BuiltInDetector.STRIPE_KEY.bit() : 0)
                    | (c == 'a' || c == 'A' || c == 's' || c == 'S' ? BuiltInDetector.BEARER_TOKEN.bit() : 0);
        }
        for (char c = 0; c < 128; c++) {
            atWordStart[c] |= insideWord[c];
            entries[c] = atWordStart[c];
            entries[INSIDE_WORD + c] = insideWord[c];
            entries[AFTER_LOWER + c] = insideWord[c] | afterLower[c];
        }
        if ((enabled & BuiltInDetector.VENDOR_TOKEN.bit()) != 0) {
            // An Entra ID client secret, which has no prefix: at the '~' of its "8Q~" (EntraClientSecrets),
            // after a capital only, so that a Debian version's "1.2~rc1" or a path's "~/" stays no trigger.
            entries[INSIDE_WORD + '~'] |= BuiltInDetector.VENDOR_TOKEN.bit();
        }
    }

    /**
     * Whether {@code c} ends an {@link #ANNOUNCED} detector's prefix: the scan reads the word before it back.
     * A '~' only ends the {@code 8Q~} of an Entra ID client secret ({@link EntraClientSecrets}).
     */
    static boolean isDelimiter(char c) {
        return c == '_' || c == '-' || c == '~';
    }

    /**
     * Of the {@link #ANNOUNCED} detectors in {@code entry}, the trigger at {@code at} (a '_' or
     * '-'), those whose prefix may end right before it: from the char before it, and for
     * vendor_token and aws_secret_key the two.
     */
    int announced(int entry, CharSequence s, int floor, int at) {
        char last = at > floor ? s.charAt(at - 1) : 0;
        char next = at + 1 < s.length() ? s.charAt(at + 1) : 0;
        int announced = last < 128 && next < 128 ? entry & prefixEnds[last] & afterDelimiter[next] : 0;
        if ((announced & PAIR_GATED) != 0) {
            char secondLast = at - 1 > floor ? s.charAt(at - 2) : 0;
            int pair = secondLast << 7 | last;
            if (secondLast >= 128 || (endPairs[pair >>> 6] & 1L << pair) == 0) {
                announced &= ~PAIR_GATED;
            }
        }
        return announced;
    }

    private void endsWithPair(char c, char d) {
        int pair = c << 7 | d;
        endPairs[pair >>> 6] |= 1L << pair;
    }

    private void followedBy(int bits, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            second[chars.charAt(i)] |= bits;
        }
    }

    private void prefixFollowedBy(int bits, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            prefixSeconds[chars.charAt(i)] |= bits;
        }
    }

    private static String allAscii() {
        StringBuilder all = new StringBuilder(128);
        for (char c = 0; c < 128; c++) {
            all.append(c);
        }
        return all.toString();
    }

    private void anywhere(BuiltInDetector detector, int enabled, String chars) {
        if ((enabled & detector.bit()) != 0) {
            for (int i = 0; i < chars.length(); i++) {
                insideWord[chars.charAt(i)] |= detector.bit();
            }
        }
    }

    /**
     * A detector of {@link #ANNOUNCED}: triggered by its delimiter after one of {@code lastChars},
     * asked where its prefix may start, at one of {@code firstChars}.
     */
    private void prefixed(BuiltInDetector detector, int enabled, String firstChars, String lastChars,
                          String delimiter) {
        if ((ANNOUNCED & detector.bit()) == 0) {
            throw new AssertionError(detector + " is not announced by a delimiter");
        }
        anywhere(detector, enabled, delimiter);
        if ((enabled & detector.bit()) != 0) {
            for (int i = 0; i < firstChars.length(); i++) {
                prefixStarts[firstChars.charAt(i)] |= detector.bit();
            }
            for (int i = 0; i < lastChars.length(); i++) {
                prefixEnds[lastChars.charAt(i)] |= detector.bit();
            }
        }
    }

    /**
     * An {@link #ANNOUNCED} detector's prefix that no delimiter ends: triggered at its first char
     * at a word start, asked there when the next char is its second (the only chars
     * {@link #second} holds for an announced detector).
     */
    private void undelimited(BuiltInDetector detector, int enabled, String prefix) {
        if ((ANNOUNCED & detector.bit()) == 0) {
            throw new AssertionError(detector + " is not announced by a delimiter");
        }
        atStart(detector, enabled, prefix.substring(0, 1));
        followedBy(detector.bit(), prefix.substring(1, 2));
    }

    /** Triggers inside a word after a lower-case letter or digit only: the humps of camel case. */
    private void afterLowerCase(BuiltInDetector detector, int enabled, String chars) {
        if ((enabled & detector.bit()) != 0) {
            for (int i = 0; i < chars.length(); i++) {
                afterLower[chars.charAt(i)] |= detector.bit();
            }
        }
    }

    private void atStart(BuiltInDetector detector, int enabled, String chars) {
        if ((enabled & detector.bit()) != 0) {
            for (int i = 0; i < chars.length(); i++) {
                atWordStart[chars.charAt(i)] |= detector.bit();
            }
        }
    }
}
