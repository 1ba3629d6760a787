package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the scan rules out before calling a detector ({@link SpanFinder#narrowed}, the phone
 * country code in {@link DigitRunFilter}) is only ever what that detector would refuse: at every
 * position of lines built around values each detector masks, bent at random (case, spaces and
 * quotes before the separator, a char changed or dropped), a detector that matches there is
 * never narrowed away. The detectors are asked themselves, so the narrowing is checked against
 * their own rules, not against a second copy of them.
 */
class TriggerNarrowingTest {
    private static final String BASE64_40 = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String[] VALUES = {
        "password=hunter2", "db_password: \"s3cr3t\"", "\"apiKey\" : \"k-123\"", "Authorization: Basic dXNlcjpwYXNz",
        "--password s3cret", "-storepass changeit", "<password>pw</password>", "<db:secret>x</db:secret>",
        "aws_secret_access_key=" + BASE64_40, "AWS_SECRET_ACCESS_KEY = '" + BASE64_40 + "'",
        "\"SecretAccessKey\": \"" + BASE64_40 + "\"",
        "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw" + "==",
        "https://a.blob.core.windows.net/c?sv=2022-11-02&sig=Xq3fJ2pV7v0cK1%2Fk9mYz8u6tQw4rLs5eN1aB2cD3eFg%3D&se=1",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
        "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "ABCPE1234F", "PAN: AAAPA1234A filed",
        "Authorization: Bearer mF_9.B5f-4.1JqM/abcdefgh", "bearer  abcdefghijklmnop0123",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "rk_test_51H8abcdefghijklmnop",
        "1-415-555-2671", "1 (415) 555-2671", "1.415.555.2671", "call 1 415 555 2671 now",
    };
    private static final String NOISE = "aAyYgGsS_ -=:>\"'<@.1/";

    @Test
    void noDetectorIsNarrowedAwayWhereItWouldMatch() {
        SpanFinder finder = new SpanFinder(everyDetector(), new Markers(new String[0]), new CustomDetector[0], false);
        TriggerTable triggers = new TriggerTable(everyDetector());
        Random random = new Random(20261204);
        int[] matches = new int[BuiltInDetector.values().length];
        for (int round = 0; round < 60_000; round++) {
            String line = bent(random, VALUES[random.nextInt(VALUES.length)]);
            int floor = random.nextInt(4) == 0 ? random.nextInt(line.length() + 1) : 0;
            for (int at = floor; at < line.length(); at++) {
                int triggered = triggered(triggers, line, floor, at);
                for (BuiltInDetector detector : BuiltInDetector.values()) {
                    if ((triggered & detector.bit()) == 0
                            || SpanFinder.detect(detector, line, floor, floor, at, line.length()) == Match.NONE) {
                        continue;
                    }
                    matches[detector.ordinal()]++;
                    int bit = detector.bit();
                    if ((bit & TriggerTable.NARROWABLE) != 0) {
                        int kept = finder.narrowed(bit, line.charAt(at), line, floor, at, line.length());
                        assertEquals(bit, kept, detector + " matches at " + at + " of '" + line + "' but was narrowed away");
                    }
                    if (detector == BuiltInDetector.PHONE && CharClass.isDigit(line.charAt(at))
                            && !CharClass.wordBefore(line, floor, at)) {
                        long run = DigitRunFilter.possible(line, at, line.length());
                        assertTrue((DigitRunFilter.detectors(run) & bit) != 0,
                                "phone matches at " + at + " of '" + line + "' but its digit run was ruled out");
                    }
                }
            }
        }
        for (BuiltInDetector detector : BuiltInDetector.values()) {
            if ((detector.bit() & TriggerTable.NARROWABLE) != 0 || detector == BuiltInDetector.PHONE) {
                assertTrue(matches[detector.ordinal()] > 100, detector + " matched too few times to check: "
                        + matches[detector.ordinal()]);
            }
        }
    }

    /** The detectors the scan's tables would call at {@code at}, before any narrowing. */
    private static int triggered(TriggerTable triggers, String line, int floor, int at) {
        char c = line.charAt(at);
        if (c >= 128) {
            return 0;
        }
        char before = at > floor ? line.charAt(at - 1) : ' ';
        int afterWord = before < 128 ? TriggerTable.HALF[before] : Character.isLetterOrDigit(before) ? 128 : 0;
        char next = at + 1 < line.length() ? line.charAt(at + 1) : 0;
        int triggered = triggers.entries[afterWord | c] & (next < 128 ? triggers.second[next] : ~0);
        // The detectors a '_' or '-' announces are asked at the start of the word before it.
        return afterWord == 0 && next < 128 ? triggered | triggers.prefixStarts[c] & triggers.prefixSeconds[next]
                : triggered;
    }

    static int everyDetector() {
        int all = 0;
        for (BuiltInDetector detector : BuiltInDetector.values()) {
            all |= detector.bit();
        }
        return all;
    }

    /** The value inside noise, bent at random so that the narrowing sees near-misses too. */
    private static String bent(Random random, String value) {
        StringBuilder line = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            line.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        List<Character> chars = new ArrayList<Character>();
        for (char c : value.toCharArray()) {
            chars.add(c);
        }
        switch (random.nextInt(5)) {
            case 0:
                break; // as written
            case 1: {
                int at = random.nextInt(chars.size());
                chars.set(at, Character.isUpperCase(chars.get(at)) ? Character.toLowerCase(chars.get(at))
                        : Character.toUpperCase(chars.get(at)));
                break;
            }
            case 2:
                chars.add(random.nextInt(chars.size() + 1), random.nextBoolean() ? ' ' : random.nextBoolean() ? '"' : '\'');
                break;
            case 3:
                chars.remove(random.nextInt(chars.size()));
                break;
            default:
                chars.set(random.nextInt(chars.size()), NOISE.charAt(random.nextInt(NOISE.length())));
        }
        for (char c : chars) {
            line.append(c);
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            line.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return line.toString();
    }
}
