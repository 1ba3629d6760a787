package dev.primus.agent.masking;

/**
 * aadhaar: twelve digits, bare or grouped 4-4-4 by spaces or dashes, first digit 2-9, Verhoeff
 * check digit valid. Bare runs that read as a {@code yyyyMMddHHmm} timestamp are left alone unless
 * a word names them ({@code aadhaar 201905061230}), and so is the all-digit last group of a UUID.
 * A grouped number followed by more digits ({@code 2341 2341 2346 2024}) is still masked: an
 * Aadhaar number next to a year or an amount is likelier than a 16-digit id that is not a card
 * yet passes Verhoeff. One right after another group of four ({@code 6379 9092 2181 9200}) is a
 * row of numbers, unless an Aadhaar word names it.
 *
 * <p>A bare run is also left alone where it is a cloud account id (AWS and GCP ids have twelve
 * digits, and one in ten passes Verhoeff): a field of an ARN ({@code arn:aws:iam::726018159082:role/x}),
 * an ECR registry ({@code 491827364507.dkr.ecr.us-east-1.amazonaws.com}), or after a word naming an
 * account or project ({@code AWS account 339099603089}, {@code project number 446281948213}); unless
 * an Aadhaar word names it. So is a bare run the words around it call a count or an id
 * ({@link CountNames}: {@code offset=712393847138}, {@code 712393847138 bytes}), and one right
 * after a '#' ({@code Actor[akka://sys@host/user/a#405112541810]}).
 */
final class AadhaarNumbers {
    /** Words that name a cloud account or project number, compared as {@link KeywordBefore} does. */
    private static final String[] ACCOUNT_WORDS = {"account", "accountid", "project", "projectid", "owner",
        "ownerid"};
    /** How far back from an account id its ARN's "arn:" is looked for: partition, service and region. */
    private static final int MAX_ARN_PREFIX = 64;
    private static final String ARN = "arn:";
    /** What follows an ECR registry's account id: {@code .dkr.ecr.REGION.amazonaws.com}. */
    private static final String REGISTRY = ".dkr.";
    /** How far back on its line an Aadhaar number's word is looked for before an account's. */
    private static final int MAX_AADHAAR_BEFORE = 64;
    /** The digits of each of a grouped number's groups. */
    private static final int GROUP = 4;

    private AadhaarNumbers() {
    }

    /** {@code at} is a digit. */
    static long match(CharSequence s, int from, int at, int end) {
        char first = s.charAt(at);
        if (first < '2' || !CharClass.digits(s, at, 4, end) || !NumberEdges.startsAt(s, from, at)) {
            return Match.NONE;
        }
        char separator = at + 4 < end ? s.charAt(at + 4) : 0;
        int stop;
        if (separator == ' ' || separator == '-') {
            stop = at + 14;
            if (!CharClass.digits(s, at + 5, 4, end) || stop > end || s.charAt(at + 9) != separator
                    || !CharClass.digits(s, at + 10, 4, end)
                    || afterNumber(s, from, at, separator) && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR)) {
                return Match.NONE;
            }
        } else {
            stop = at + 12;
            if (!CharClass.digits(s, at + 4, 8, end)
                    || (TimestampShape.isDateTime(s, at) && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR))) {
                return Match.NONE;
            }
        }
        if (!NumberEdges.endsAt(s, stop, end) || !VerhoeffCheck.valid(s, at, stop)
                || (nextToDash(s, from, at, stop, end) && UuidShape.contains(s, from, at, stop, end))
                || (stop - at == 12 && (isCloudAccountId(s, from, at, stop, end) || isCount(s, from, at, stop, end)
                        || isNumbered(s, from, at)))) {
            return Match.NONE;
        }
        return Match.of(at, stop);
    }

    /**
     * Whether the words around the bare run {@code s[at, stop)} call it a count
     * ({@code size=712393847138}, {@code txid 712393847138}, {@code 712393847138 bytes}), and no
     * Aadhaar word names it ({@link CountNames}): one in ten such runs passes Verhoeff. Not an
     * "id" alone: KYC systems call the document's number one ({@code idNo=}, {@code idNumber}).
     */
    private static boolean isCount(CharSequence s, int from, int at, int stop, int end) {
        return CountNames.countedAfter(s, stop, end) && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR)
                || CountNames.namesACount(s, from, at, KeywordBefore.AADHAAR, false);
    }

    /**
     * Whether the bare run at {@code at} follows a '#', as an id or a sequence number is written
     * ({@code joinSeedNodeProcess-1#405112541810}, an Akka actor's uid; {@code order #405112541810}),
     * and no Aadhaar word names it.
     */
    private static boolean isNumbered(CharSequence s, int from, int at) {
        return at > from && s.charAt(at - 1) == '#' && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR)
                && !aadhaarBefore(s, from, at);
    }

    /** Whether the bare run {@code s[at, stop)} is a cloud account id, and no Aadhaar word names it. */
    private static boolean isCloudAccountId(CharSequence s, int from, int at, int stop, int end) {
        boolean account = inArn(s, from, at) || TextSearch.startsWith(s, stop, end, REGISTRY)
                || KeywordBefore.names(s, from, at, ACCOUNT_WORDS);
        return account && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR) && !aadhaarBefore(s, from, at);
    }

    /**
     * Whether "aadhaar" (or "aadhar") stands earlier on the number's line, a few words back: a
     * bank account the number is linked to is no cloud account ({@code Aadhaar linked to account: ...}).
     */
    private static boolean aadhaarBefore(CharSequence s, int from, int at) {
        for (int i = at - 1; i >= from && at - i <= MAX_AADHAAR_BEFORE && s.charAt(i) != '\n'; i--) {
            if (TextSearch.startsWithIgnoreCase(s, i, at, "aadha") && !CharClass.wordBefore(s, from, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the run at {@code at} is a ':'-delimited field of an ARN: {@code arn:} starts a word
     * before it, with nothing but the fields' letters, digits, '-' and ':' between.
     */
    private static boolean inArn(CharSequence s, int from, int at) {
        if (at <= from || s.charAt(at - 1) != ':') {
            return false;
        }
        int limit = Math.max(from, at - MAX_ARN_PREFIX);
        for (int i = at - 1; i >= limit && isArnFieldChar(s.charAt(i)); i--) {
            if (TextSearch.startsWithIgnoreCase(s, i, at, ARN) && !CharClass.wordBefore(s, from, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArnFieldChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == ':';
    }

    /**
     * Whether a group of four digits and the groups' separator stand right before the grouped
     * number at {@code at}, the group a word of its own: three groups out of a row of numbers
     * ({@code ports 6379 9092 2181 9200 27017}), one in ten of which passes Verhoeff, not an
     * Aadhaar number, which a word or a key precedes. Not a date's or time's last field
     * ({@code 2026-11-24 2341 2341 2346}).
     */
    private static boolean afterNumber(CharSequence s, int from, int at, char separator) {
        int group = at - 1 - GROUP;
        return group >= from && s.charAt(at - 1) == separator && CharClass.digits(s, group, GROUP, at - 1)
                && (group == from || s.charAt(group - 1) == separator || s.charAt(group - 1) == '\n');
    }

    private static boolean nextToDash(CharSequence s, int from, int start, int stop, int end) {
        return (start > from && s.charAt(start - 1) == '-') || (stop < end && s.charAt(stop) == '-');
    }
}
