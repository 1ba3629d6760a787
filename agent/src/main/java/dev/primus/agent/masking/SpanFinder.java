package dev.primus.agent.masking;

import java.util.ArrayList;
import java.util.List;

/**
 * The single pass over a message. A char whose {@link TriggerTable} entry is empty costs two
 * table loads and a branch, in a loop that does nothing else; only a trigger (a digit or known
 * prefix letter at a word start, '@', '=', ':', '%', '\\', '-', '_', '+', '(', '$', '{', a '~' after a
 * capital) leaves it and calls the detectors that may start there, once the chars next to it have
 * ruled out those they can (the next char, the third, the key's last char before a '=' or ':':
 * {@link #narrowed}); each validates before it answers. On real machine logs most triggers end
 * there. A CR or LF is a trigger of its own, so that the clean message needs no pass to look for
 * breaks. A digit run is judged once as a whole ({@link DigitRunFilter}), a date or time too.
 * Nothing is allocated until a detector confirms a value.
 */
final class SpanFinder {
    private static final BuiltInDetector[] BUILT_INS = BuiltInDetector.values();
    private static final int PASSWORD_KV = BuiltInDetector.PASSWORD_KV.bit();
    private static final int PRIVATE_KEY = BuiltInDetector.PRIVATE_KEY.bit();
    private static final int PAN = BuiltInDetector.PAN.bit();
    private static final int AZURE_STORAGE_KEY = BuiltInDetector.AZURE_STORAGE_KEY.bit();
    /** The longest prefix a '_' or '-' ends: "glagent" of GitLab's glagent-, "xkeysib" of Brevo's xkeysib-. */
    static final int MAX_PREFIX = 7;
    /** A non-ASCII char right after the trigger: only values that need not continue in ASCII, and a line break. */
    private static final int NON_ASCII_SECOND = BuiltInDetector.EMAIL.bit() | PASSWORD_KV | TriggerTable.BREAK;
    /**
     * What {@link #find(CharSequence, int, boolean)} answers, told to stop at a line break, when
     * it met a CR or LF before finding any value: compared by identity, never read.
     */
    static final List<Span> LINE_BREAK = java.util.Collections.unmodifiableList(new ArrayList<Span>(0));

    private final TriggerTable triggers;
    private final Markers markers;
    private final CustomDetector[] customs;
    /** Whether password_kv reads the parameters Hibernate and Spring log after a statement ({@link BindingLines}). */
    private final boolean statements;
    /** {@link DigitRunFilter#NAMED_CODE} when password_kv is on: no digit triggers it in the table. */
    private final int namedCodes;
    /** Whether a text is a log file's whole line, a prefix before its message ({@link Masker.Builder#fileLines}). */
    private final boolean fileLines;
    /** password_kv's bit when it is on: the trigger of a full-width colon or equals sign after a key in CJK text. */
    private final int fullWidthSeparator;

    SpanFinder(int enabled, Markers markers, CustomDetector[] customs, boolean fileLines) {
        this.triggers = new TriggerTable(enabled);
        this.fileLines = fileLines;
        this.statements = (enabled & PASSWORD_KV) != 0;
        this.namedCodes = enabled & DigitRunFilter.NAMED_CODE;
        this.fullWidthSeparator = enabled & PASSWORD_KV;
        this.markers = markers;
        this.customs = customs.clone();
    }

    /**
     * The values found in {@code s[from, end)}, in any order and possibly overlapping, or null
     * when there are none. Custom detectors have indexes after the built-ins. CR and LF are
     * passed over as any other char that starts no value.
     */
    List<Span> find(CharSequence s, int from) {
        return find(s, from, false);
    }

    /**
     * As {@link #find(CharSequence, int)}; with {@code stopAtBreak}, {@link #LINE_BREAK} as soon
     * as the scan meets a CR or LF. Null then means: no value and no line break, since every char
     * the scan passes over without looking at it lies in a digit run, a date or time, an escaped
     * break or one of our markers, none of which holds a CR or LF. When values were found, the
     * scan may have passed over a break inside one: the caller looks for breaks itself then.
     */
    List<Span> find(CharSequence s, int from, boolean stopAtBreak) {
        int end = s.length();
        int[] table = triggers.entries;
        List<Span> found = null;
        long binding = statements ? BindingLines.match(s, from, end, fileLines) : Match.NONE;
        while (binding != Match.NONE) {
            found = found == null ? new ArrayList<Span>() : found;
            found.add(new Span(Match.start(binding), Match.end(binding), BuiltInDetector.PASSWORD_KV.ordinal()));
            binding = BindingLines.next(s, from, Match.end(binding), end, fileLines);
        }
        long answer = statements ? SaslLoginAnswers.match(s, from, end) : Match.NONE;
        if (answer != Match.NONE) {
            found = found == null ? new ArrayList<Span>() : found;
            found.add(new Span(Match.start(answer), Match.end(answer), BuiltInDetector.PASSWORD_KV.ordinal()));
        }
        // Which part of the table to read: 0 at a word start, else TriggerTable.HALF of the char before.
        int afterWord = 0;
        int valueEnd = -1;
        // Where the text "starts" for a detector's boundary checks: the end of the last value
        // found, as if it were already masked. A second pass sees a marker ending in ']' there, so
        // this keeps "4892966069847+14155552671" from growing a new phone number on that pass.
        int floor = from;
        int i = from;
        while (i < end) {
            // The hot loop, kept apart from the trigger handling below so that the JIT compiles it
            // as a counted loop and hoists the String's checks out of it.
            int entry = 0;
            char c = 0;
            while (i < end) {
                c = s.charAt(i);
                if (c >= 128) {
                    entry = 0;
                    if (Character.isLetterOrDigit(c)) {
                        afterWord = TriggerTable.INSIDE_WORD;
                    } else if ((c == PasswordValues.FULL_WIDTH_COLON || c == PasswordValues.FULL_WIDTH_EQUALS)
                            && fullWidthSeparator != 0) {
                        // CJK text's 密码：x, judged as 密码:x from here on (PasswordValues.asciiSeparator). Asked
                        // of no letter: a compare more for each char of a Cyrillic line cost it 17%.
                        entry = fullWidthSeparator;
                        c = ':';
                        break;
                    } else {
                        afterWord = 0;
                    }
                } else {
                    entry = table[afterWord | c];
                    if (entry != 0) {
                        break;
                    }
                    // From the char, not from the entry: no load-to-load chain from one char to the next.
                    afterWord = TriggerTable.HALF[c];
                }
                i++;
            }
            if (entry == 0) {
                break;
            }
            int nextAfterWord = TriggerTable.HALF[c];
            char next = i + 1 < end ? s.charAt(i + 1) : 0;
            int candidates = next < 128 ? entry & triggers.second[next] : entry & NON_ASCII_SECOND;
            // A '_' or '-' that may end a prefix (sk_, ghp_, xoxb-): its detectors are asked where
            // the word before it starts, as if the scan had been triggered there. At a word start
            // (ATATT3, GR1348941: prefixes no delimiter ends) they are asked as any other detector.
            int prefixAt = -1;
            int prefixed = 0;
            if ((entry & TriggerTable.ANNOUNCED) != 0 && TriggerTable.isDelimiter(c)) {
                candidates &= ~TriggerTable.ANNOUNCED;
                long announcedAt = announcedPrefix(entry, s, floor, i, end);
                prefixAt = Match.start(announcedAt);
                prefixed = Match.end(announcedAt);
            }
            if ((candidates & PASSWORD_KV) != 0 && c == '_' && !PasswordValues.mayFollowUnderscore(s, i, end)) {
                // password_kv from '_': only a name ending in a token's, secret's, key's or password's word
                // (access_token x, /forgot_password/x).
                candidates &= ~PASSWORD_KV;
            }
            if (candidates == 0 && prefixed == 0) {
                afterWord = nextAfterWord;
                i++;
                continue;
            }
            if (candidates == TriggerTable.BREAK) {
                if (stopAtBreak) {
                    return LINE_BREAK;
                }
                afterWord = 0; // a CR or LF is no word char
                i++;
                continue;
            }
            if (candidates == PASSWORD_KV && prefixed == 0 && CharClass.isLetter(c)
                    && !startsPasswordWord(s, floor, i, end)) {
                // A word start that only password_kv's words in prose (password, token, OTP) or a protocol's
                // command may begin, and none does: the commonest trigger, ruled out before narrowed()'s
                // branches, which mispredict where they run once a line (a clean line took 18 ns more for one 'O').
                afterWord = nextAfterWord;
                i++;
                continue;
            }
            if ((candidates & TriggerTable.NARROWABLE) != 0) {
                candidates = narrowed(candidates, c, s, floor, i, end);
                if (candidates == 0 && prefixed == 0) {
                    afterWord = nextAfterWord;
                    i++;
                    continue;
                }
            }
            if (i < valueEnd) {
                // Inside a password value: another key=value in it would lose to the value, and
                // looking would make "password=password=..." quadratic.
                candidates &= ~PASSWORD_KV;
                if (candidates == 0 && prefixed == 0) {
                    afterWord = nextAfterWord;
                    i++;
                    continue;
                }
            }
            if (CharClass.isDigit(c)) {
                long run = DigitRunFilter.possible(s, i, end);
                int numbers = DigitRunFilter.detectors(run);
                candidates = candidates & numbers | numbers & namedCodes;
                if (candidates == 0) {
                    // Nothing inside the run (or date, or time) is a trigger either: go on after it.
                    i = DigitRunFilter.quietEnd(run);
                    afterWord = TriggerTable.HALF[s.charAt(i - 1)];
                    continue;
                }
            }
            if (candidates == TriggerTable.SKIP) {
                i = skip(s, i, end);
                afterWord = 0; // '\\' and '[' are not word chars, nor is the end of a marker
                continue;
            }
            long best = Match.NONE;
            int bestDetector = -1;
            for (int rest = candidates | prefixed; rest != 0; rest &= rest - 1) {
                int detector = Integer.numberOfTrailingZeros(rest);
                int at = (prefixed & 1 << detector) != 0 ? prefixAt : i;
                long match = detect(BUILT_INS[detector], s, from, floor, at, end);
                if (Match.beats(match, best)) {
                    best = match;
                    bestDetector = detector;
                }
            }
            if (best == Match.NONE) {
                afterWord = nextAfterWord;
                i++;
                continue;
            }
            if (found == null) {
                found = new ArrayList<Span>();
            }
            found.add(new Span(Match.start(best), Match.end(best), bestDetector));
            if (bestDetector == BuiltInDetector.PASSWORD_KV.ordinal()) {
                // The resolver cuts a value short at one of our markers: scan on for keys after it.
                int marker = markers.firstMarkerIn(s, Match.start(best), Match.end(best), end);
                valueEnd = marker < 0 ? Match.end(best) : marker;
            }
            if (Match.start(best) > i) {
                // A value found ahead of its trigger (after "password=", "Bearer "): scan on, so
                // that a detector more specific about the same value (bearer_token) can claim it.
                i++;
            } else {
                // A value starting inside this one would be masked with it anyway: go on after it.
                i = Math.max(Match.end(best), i + 1);
                floor = i;
            }
            afterWord = CharClass.wordBefore(s, floor, i) ? TriggerTable.INSIDE_WORD : 0;
        }
        for (int k = 0; k < customs.length; k++) {
            found = customs[k].findAll(s, from, BUILT_INS.length + k, found);
        }
        return found;
    }

    /**
     * The candidates at {@code at} less those the chars around it rule out before any is called:
     * the third char ({@link TriggerTable#third}), a PAN's first digit, the char before a key's
     * separator ({@link TriggerTable#beforeSeparator}), after a '-' what a command-line flag
     * or a PEM line must go on with, and after a 'p' what a password's word must. Each is a
     * condition its detector checks first.
     */
    int narrowed(int candidates, char c, CharSequence s, int floor, int at, int end) {
        char third = at + 2 < end ? s.charAt(at + 2) : 0;
        int narrowed = candidates & (third < 128 ? triggers.third[third] : TriggerTable.ANY_THIRD);
        if ((narrowed & PAN) != 0 && (at + 9 >= end || !CharClass.isDigit(s.charAt(at + 5)))) {
            // A PAN's digits start at its sixth char: most upper-case words (UTC, INFO, SELECT) end sooner.
            narrowed &= ~PAN;
        }
        if (c == '-') {
            narrowed = afterDash(narrowed, s, at, end);
        } else if (c == '\\' && (at + 5 >= end || s.charAt(at + 1) != 'u')) {
            // password_kv from a backslash: only at the escaped '=' Gson writes (password, backslash, u003d, v);
            // an escaped line break is the scanner's own (SKIP).
            narrowed &= ~PASSWORD_KV;
        } else if ((narrowed & PASSWORD_KV) != 0 && CharClass.isLetter(c) && !startsPasswordWord(s, floor, at, end)) {
            narrowed &= ~PASSWORD_KV;
        }
        // A letter, a '_' inside a name, a crypt hash's '$' or an encoding's '{' is no separator: password_kv from
        // one reads no key back.
        if ((narrowed & TriggerTable.KEYED) != 0 && c != '-' && c != '_' && c != '$' && c != '{'
                && !CharClass.isLetter(c)) {
            narrowed &= keyedAt(c, s, floor, at) | ~TriggerTable.KEYED;
        }
        return narrowed;
    }

    /**
     * The {@link TriggerTable#KEYED} detectors a key ending right before the separator {@code c}
     * at {@code at} may name; and azure_storage_key at what may be a bare key's padding, whatever
     * char ends it ({@link BareAzureKeys}). A detector is handed floor as the start of the
     * text: no key before it.
     */
    private int keyedAt(char c, CharSequence s, int floor, int at) {
        char before = at > floor ? s.charAt(at - 1) : 0;
        int keyed = before < 128 ? triggers.beforeSeparator[before] : keyedPastAscii(before);
        return c == '=' && BareAzureKeys.mayEndAt(s, floor, at) ? keyed | AZURE_STORAGE_KEY : keyed;
    }

    /** The keyed detectors a key ending in {@code before}, a char past ASCII, may name: password_kv's пароль=, 密码=. */
    private static int keyedPastAscii(char before) {
        return PasswordValues.mayEndKey(before) ? PASSWORD_KV : 0;
    }

    /**
     * password_kv from '-': "--password v", "-storepass v" or Scala's "k -> v"; private_key:
     * "-----BEGIN ". Apart from {@link #narrowed}, which must stay small enough to inline.
     */
    private static int afterDash(int candidates, CharSequence s, int at, int end) {
        int narrowed = candidates;
        int name = at + 1 < end && s.charAt(at + 1) == '-' ? at + 2 : at + 1;
        if (name >= end || !CharClass.isLetter(s.charAt(name)) && s.charAt(name) != '>') {
            narrowed &= ~PASSWORD_KV;
        }
        if (at + 5 >= end || s.charAt(at + 5) != 'B') {
            narrowed &= ~PRIVATE_KEY;
        }
        return narrowed;
    }

    /**
     * password_kv from a 'p' at a word start: a password's word in a sentence
     * ({@link ProsePasswords}), "pas" or "pwd" and longer; from a 't', 's' or 'k', or a 'T', 'S'
     * or 'K' in camel case: a token's, secret's or key's ({@link ProseSecrets}); from an 'O': a one-time code's "OTP"
     * ({@link OneTimeCodes}); from a 'B': the "BY" of SQL's IDENTIFIED BY ({@link IdentifiedBy}), read
     * back no further than {@code floor}, or Shiro's "Base64 encoded identity" ({@link CookieDiagnostics});
     * from an 'A' or 'L', or a 'P' that
     * starts no such word: a protocol's command ({@link ProtocolCommands}). Apart from
     * {@link #narrowed}, which must stay small enough to inline.
     */
    private static boolean startsPasswordWord(CharSequence s, int floor, int at, int end) {
        if (at + 4 >= end) {
            return false;
        }
        char first = (char) (s.charAt(at) | 0x20);
        if (first == 't' || first == 's' || first == 'k') {
            return ProseSecrets.mayStart(s, at, end);
        }
        if (first == 'o') {
            return OneTimeCodes.mayStart(s, at, end);
        }
        if (first == 'b') {
            return IdentifiedBy.mayStart(s, floor, at, end) || CookieDiagnostics.startsEncodedIdentity(s, at, end);
        }
        if (first != 'p') {
            return ProtocolCommands.mayStart(s, at, end);
        }
        char second = (char) (s.charAt(at + 1) | 0x20);
        char third = (char) (s.charAt(at + 2) | 0x20);
        // pas(sword), pwd; a CAS ticket's PT- and PGT-; Dovecot's note after a client's base64 data.
        return second == 'a' && third == 's' || second == 'w' && third == 'd' || second == 't' && third == '-'
                || second == 'g' && third == 't'
                || second == 'r' && third == 'e' && TextSearch.startsWith(s, at, end, DovecotAuthDebug.SENSITIVE_NOTE);
    }

    /**
     * For the '_' or '-' at {@code at}, whose entry is {@code entry}: where the prefix its
     * {@link TriggerTable#ANNOUNCED} detectors may start, and those detectors, packed as a
     * {@link Match} (start, bits); bits 0 when none may. The escape-aware read-back is tried only
     * where the plain one may have missed a start: run at every such delimiter, it made a clean
     * line 250-315 against 218 ns, far more than its own work (the scan loop's method grew).
     */
    private long announcedPrefix(int entry, CharSequence s, int floor, int at, int end) {
        if (s.charAt(at) == '~') {
            int secret = EntraClientSecrets.start(s, floor, at, end);
            return secret < 0 ? 0 : Match.of(secret, BuiltInDetector.VENDOR_TOKEN.bit());
        }
        int announced = triggers.announced(entry, s, floor, at);
        if (announced == 0) {
            return 0;
        }
        int start = prefixStart(s, floor, at);
        int prefixed = start < 0 ? 0 : prefixed(announced, s, floor, start, end);
        if (prefixed == 0 && SeparatorEscapes.mayHideAPrefixStart(s, floor, start)) {
            start = SeparatorEscapes.prefixStart(s, floor, at);
            prefixed = start < 0 ? 0 : prefixed(announced, s, floor, start, end);
        }
        return prefixed == 0 ? 0 : Match.of(start, prefixed);
    }

    /**
     * Where the word that the '_' or '-' at {@code at} ends starts, when it is short enough to be
     * a prefix; else -1. A prefix's word starts after a char that is no ASCII word char (a letter
     * of another script too: CJK text has no spaces), an escaped line break, or {@code floor}.
     * Where an escape of another separator may stand before it, {@link SeparatorEscapes#prefixStart}.
     */
    static int prefixStart(CharSequence s, int floor, int at) {
        int start = at;
        while (start > at - MAX_PREFIX && CharClass.asciiWordBefore(s, floor, start)) {
            start--;
        }
        return start == at || CharClass.asciiWordBefore(s, floor, start) ? -1 : start;
    }

    /**
     * Of the {@code announced} detectors, those that may start at {@code start}: its first two
     * chars and the narrowing, as at any other trigger.
     */
    private int prefixed(int announced, CharSequence s, int floor, int start, int end) {
        char first = s.charAt(start);
        char second = s.charAt(start + 1);
        if (first >= 128 || second >= 128) {
            return 0;
        }
        int candidates = announced & triggers.prefixStarts[first] & triggers.prefixSeconds[second];
        return (candidates & TriggerTable.NARROWABLE) == 0 ? candidates
                : narrowed(candidates, first, s, floor, start, end);
    }

    /** Past an escaped line break or one of our markers; else just past {@code at}. */
    private int skip(CharSequence s, int at, int end) {
        if (s.charAt(at) == '\\') {
            char next = at + 1 < end ? s.charAt(at + 1) : 0;
            return next == 'n' || next == 'r' ? at + 2 : at + 1;
        }
        int markerEnd = markers.endOfMarkerAt(s, at, end);
        return markerEnd > 0 ? markerEnd : at + 1;
    }

    /**
     * Email looks back from its '@' as far as {@code from}: an address that swallows a value
     * found before it is masked with it; password_kv counts an SQL insert's values back as far (a
     * value masked before stays a quoted item). Every other detector starts at {@code floor}.
     */
    static long detect(BuiltInDetector detector, CharSequence s, int from, int floor, int at, int end) {
        switch (detector) {
            case EMAIL:
                return s.charAt(at) == 'N' ? EmailAddresses.imapAddress(s, at, end) : EmailAddresses.match(s, from, at, end);
            case CREDIT_CARD:
                return CardNumbers.match(s, floor, at, end);
            case US_SSN:
                return SocialSecurityNumbers.match(s, floor, at, end);
            case PHONE:
                return PhoneNumbers.match(s, floor, at, end);
            case IBAN:
                return Ibans.match(s, floor, at, end);
            case AADHAAR:
                return AadhaarNumbers.match(s, floor, at, end);
            case PAN:
                return PanNumbers.match(s, floor, at, end);
            case IP_ADDRESS:
                return IpAddresses.match(s, floor, at, end);
            case JWT:
                return JsonWebTokens.match(s, floor, at, end);
            case BEARER_TOKEN:
                return BearerTokens.match(s, floor, at, end);
            case AWS_ACCESS_KEY:
                return AwsAccessKeys.match(s, floor, at, end);
            case AWS_SECRET_KEY:
                return AwsSecretKeys.match(s, floor, at, end);
            case STRIPE_KEY:
                return StripeKeys.match(s, floor, at, end);
            case GITHUB_TOKEN:
                return GitHubTokens.match(s, floor, at, end);
            case SLACK_TOKEN:
                return SlackTokens.match(s, floor, at, end);
            case SLACK_WEBHOOK:
                return SlackWebhooks.match(s, floor, at, end);
            case GOOGLE_API_KEY:
                return GoogleApiKeys.match(s, floor, at, end);
            case GITLAB_TOKEN:
                return GitLabTokens.match(s, floor, at, end);
            case NPM_TOKEN:
                return NpmTokens.match(s, floor, at, end);
            case OPENAI_KEY:
                return OpenAiKeys.match(s, floor, at, end);
            case ANTHROPIC_KEY:
                return AnthropicKeys.match(s, floor, at, end);
            case HUGGINGFACE_TOKEN:
                return HuggingFaceTokens.match(s, floor, at, end);
            case SENDGRID_KEY:
                return SendGridKeys.match(s, floor, at, end);
            case TWILIO_KEY:
                return TwilioKeys.match(s, floor, at, end);
            case AZURE_STORAGE_KEY:
                return AzureStorageKeys.match(s, floor, at, end);
            case AZURE_SAS_SIGNATURE:
                return AzureSasSignatures.match(s, floor, at, end);
            case VENDOR_TOKEN:
                return VendorTokens.match(s, floor, at, end);
            case PRIVATE_KEY:
                return PrivateKeyBlocks.match(s, floor, at, end);
            case URL_CREDENTIALS:
                return UrlCredentials.match(s, floor, at, end);
            case PASSWORD_KV:
                return PasswordValues.match(s, from, floor, at, end);
            default:
                return Match.NONE;
        }
    }
}
