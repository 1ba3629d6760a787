package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detectors a '_' or '-' announces ({@link TriggerTable#ANNOUNCED}: sk_, whsec_, ghp_,
 * github_pat_, npm_, hf_, sk-, sk-ant-, xoxb-, xapp-, glpat-) are asked where the word before the
 * delimiter starts, not at the word's first letter. Wherever one of them matches in a line built
 * around its values and bent at random, the scan reports a value covering that match: the
 * detectors are asked directly at every position, so the trigger is checked against their own
 * rules.
 */
class PrefixTriggerTest {
    private static final String NOISE = "aAsSkK_-=:\"' @./\\n";
    private static final String[] GITLAB_PREFIXES = {"gldt-", "gloas-", "glrtr-", "glagent-"};

    @Test
    void everyPrefixedValueADetectorMatchesIsFoundByTheScan() {
        int all = TriggerNarrowingTest.everyDetector();
        SpanFinder finder = new SpanFinder(all, new Markers(new String[0]), new CustomDetector[0], false);
        TriggerTable triggers = new TriggerTable(all);
        Random random = new Random(20261205);
        GeneratedValues values = new GeneratedValues(random);
        int[] matches = new int[BuiltInDetector.values().length];
        for (int round = 0; round < 40_000; round++) {
            String line = bent(random, value(random, values));
            List<Span> found = finder.find(line, 0);
            for (int at = 0; at < line.length(); at++) {
                char first = line.charAt(at);
                if (first >= 128 || CharClass.isEscapedBreak(line, 0, at)) {
                    continue; // the 'n' of "\\n" starts no word for the scan, as it never did
                }
                for (BuiltInDetector detector : BuiltInDetector.values()) {
                    // Each is asked only at the letters its prefixes start with: its contract.
                    if ((triggers.prefixStarts[first] & detector.bit()) == 0) {
                        continue;
                    }
                    long match = SpanFinder.detect(detector, line, 0, 0, at, line.length());
                    if (match == Match.NONE) {
                        continue;
                    }
                    matches[detector.ordinal()]++;
                    assertTrue(covered(found, Match.start(match), Match.end(match)),
                            detector + " matches [" + Match.start(match) + ", " + Match.end(match) + ") of '" + line
                                    + "' but the scan found " + describe(found));
                }
            }
        }
        for (BuiltInDetector detector : BuiltInDetector.values()) {
            if ((detector.bit() & TriggerTable.ANNOUNCED) != 0) {
                assertTrue(matches[detector.ordinal()] > 300, detector + " matched too few times to check: "
                        + matches[detector.ordinal()]);
            }
        }
    }

    @Test
    void aWordTooLongForAPrefixOrADelimiterAtAWordStartAsksNoDetector() {
        String line = "sessions_id=7 xsk_live_4eC39HqLyjWDarjtT1zdp7dc _sk -sk multi-word-value";
        assertTrue(SpanFinder.prefixStart(line, 0, line.indexOf('_')) < 0, "'sessions' is too long for a prefix");
        assertTrue(SpanFinder.prefixStart("github_pat_", 0, 6) == 0);
        assertTrue(SpanFinder.prefixStart("glagent-", 0, 7) == 0, "GitLab's glagent- is the longest prefix");
        assertTrue(SpanFinder.prefixStart("x\\nsk_", 0, 5) == 3, "a word starts after an escaped line break");
        assertTrue(SpanFinder.prefixStart(line, 0, line.indexOf("_sk")) < 0, "a '_' that starts a word ends none");
        SpanFinder finder = new SpanFinder(TriggerNarrowingTest.everyDetector(), new Markers(new String[0]),
                new CustomDetector[0], false);
        assertTrue(finder.find(line, 0) == null,
                "sk_live_ inside a longer word is no Stripe key, as before");
    }

    /**
     * A prefixed token glued to an escape of a separator (JSON's \\t and \\u0027, a URL's %3D, a
     * terminal's colour code, whose ESC the source's unicode escape writes) or to a letter no
     * prefix holds (CJK text has no spaces) still starts a word, where the escape's letters and
     * the prefix's word are seven chars at most; glued to an ASCII letter or an escape of one
     * (%41 is 'A') it does not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"args\":\"--key\\t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\"}"
            + " | {\"args\":\"--key\\t[VENDOR_TOKEN]\"}",
        "{\"msg\":\"found \\u0027r8_37L6ClNsHAi7s7nCBm5g-d6UDRjRileicO97Z\\u0027\"}"
            + " | {\"msg\":\"found \\u0027[VENDOR_TOKEN]\\u0027\"}",
        "GET /r?next=%2Fs%3Fkey%3Dghp_EXAMPLE0123456789abcdefghijklmnopqrs HTTP/1.1"
            + " | GET /r?next=%2Fs%3Fkey%3D[GITHUB_TOKEN] HTTP/1.1",
        "ws /socket?hdr=Bearer%20dckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs | ws /socket?hdr=Bearer%20[VENDOR_TOKEN]",
        // Not first: the CSV's trim would take a leading ESC.
        "log \u001b[32mnpm_EXAMPLEprimusTestsOnly0123456789abcd\u001b[0m | log \u001b[32m[NPM_TOKEN]\u001b[0m",
        "获取到令牌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 | 获取到令牌[VENDOR_TOKEN]",
        "トークン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を使用します | トークン[VENDOR_TOKEN]を使用します",
        "x%41dckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs | x%41dckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs",
        "xdckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs | xdckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs",
        "\u00e9dckr_pat_gjKCu_0xxKhg5QjWV1mKaUyvBPs | \u00e9[VENDOR_TOKEN]",
    })
    void aPrefixStartsAfterAnEscapedSeparatorOrANonAsciiLetter(String text, String masked) {
        assertEquals(masked, Masker.builder().build().mask(text));
    }

    private static String value(Random random, GeneratedValues values) {
        switch (random.nextInt(15)) {
            case 0:
                return values.stripeKey();
            case 1:
                return "whsec_" + values.word(32);
            case 2:
                return "pk_live_" + values.word(24);
            case 3:
                return values.githubToken();
            case 4:
                return "github_pat_11" + values.word(20) + "_" + values.word(59);
            case 5:
                return values.npmToken();
            case 6:
                // An organization's api_org_: its '_' after 'g' ends a prefix of seven chars.
                return random.nextBoolean() ? values.huggingFaceToken()
                        : "api_org_" + values.huggingFaceToken().substring(3);
            case 7:
                // GitLab's other prefixes, one for each char that may end one: t, s, r.
                return random.nextBoolean() ? values.gitlabToken()
                        : GITLAB_PREFIXES[random.nextInt(GITLAB_PREFIXES.length)] + values.word(20 + random.nextInt(20));
            case 8:
                switch (random.nextInt(3)) {
                    case 0:
                        return values.slackToken();
                    case 1:
                        return "xoxe-1-" + values.digits(10) + "-" + values.word(20);
                    default:
                        return "xapp-1-A" + values.digits(10) + "-" + values.word(20);
                }
            case 9:
                return values.openAiKey();
            case 10:
                return values.anthropicKey();
            case 11:
                return values.vendorToken();
            case 12:
            case 13:
                // The name the '_' after its "aws" announces, then the secret after a space.
                return (random.nextBoolean() ? "aws_secret_access_key " : "AWS_SECRET_ACCESS_KEY ") + values.awsSecretKey();
            default:
                // Two in a row, the second right after the first's delimiter-like end.
                return values.npmToken() + "-" + values.stripeKey();
        }
    }

    private static boolean covered(List<Span> found, int start, int end) {
        if (found != null) {
            for (Span span : found) {
                if (span.start <= start && span.end >= end) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(List<Span> found) {
        if (found == null) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder();
        for (Span span : found) {
            text.append(BuiltInDetector.values()[span.detector]).append(" [").append(span.start).append(", ")
                    .append(span.end).append(") ");
        }
        return text.toString();
    }

    /** The value inside noise; one char of it changed, dropped or doubled now and then. */
    private static String bent(Random random, String value) {
        StringBuilder line = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            line.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        StringBuilder middle = new StringBuilder(value);
        int at = random.nextInt(Math.min(value.length(), 14));
        switch (random.nextInt(4)) {
            case 0:
                break;
            case 1:
                middle.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                break;
            case 2:
                middle.deleteCharAt(at);
                break;
            default:
                middle.insert(at, middle.charAt(at));
        }
        line.append(middle);
        for (int i = random.nextInt(5); i > 0; i--) {
            line.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return line.toString();
    }
}
