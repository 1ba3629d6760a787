package dev.primus.agent.masking;

import java.util.Random;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;

/**
 * Valid values of every kind, generated from a seeded Random with check digits computed by
 * Apache Commons Validator (IBANs with BigInteger), independently of the code under test.
 */
final class GeneratedValues {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[] CARD_PREFIXES = {"4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "3528", "36", "62"};

    private final Random random;

    GeneratedValues(Random random) {
        this.random = random;
    }

    /** A Luhn-valid number of the length its network issues, bare or grouped in fours. */
    String card() {
        String prefix = CARD_PREFIXES[random.nextInt(CARD_PREFIXES.length)];
        int length = prefix.startsWith("3") && !prefix.startsWith("35") ? (prefix.equals("36") ? 14 : 15) : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        digits.append(checkDigit(LuhnCheckDigit.LUHN_CHECK_DIGIT, digits.toString()));
        if (length == 16 && random.nextBoolean()) {
            String separator = random.nextBoolean() ? " " : "-";
            return digits.substring(0, 4) + separator + digits.substring(4, 8) + separator + digits.substring(8, 12)
                    + separator + digits.substring(12);
        }
        return digits.toString();
    }

    String ssn() {
        return String.format("%03d-%02d-%04d", 1 + random.nextInt(665), 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    String email() {
        return word(3 + random.nextInt(8)).toLowerCase() + "." + word(4).toLowerCase() + "@" + word(6).toLowerCase()
                + ".example.com";
    }

    String phone() {
        switch (random.nextInt(4)) {
            case 0:
                return "+1 " + (2 + random.nextInt(8)) + digits(2) + " " + (2 + random.nextInt(8)) + digits(2) + " " + digits(4);
            case 1:
                return "(" + (2 + random.nextInt(8)) + digits(2) + ") " + (2 + random.nextInt(8)) + digits(2) + "-" + digits(4);
            case 2:
                return "+91 " + (6 + random.nextInt(4)) + digits(4) + " " + digits(5);
            default:
                return (6 + random.nextInt(4)) + digits(9);
        }
    }

    /** A German IBAN with computed check digits, compact or grouped. */
    String iban() {
        String bban = digits(18);
        java.math.BigInteger number = new java.math.BigInteger(bban + "131400"); // D=13 E=14 00
        int check = 98 - number.mod(java.math.BigInteger.valueOf(97)).intValue();
        String iban = "DE" + String.format("%02d", check) + bban;
        if (random.nextBoolean()) {
            return iban;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(i + 4, iban.length()));
        }
        return grouped.toString();
    }

    /** A Verhoeff-valid Aadhaar number that does not read as a yyyyMMddHHmm timestamp. */
    String aadhaar() {
        String body = (3 + random.nextInt(7)) + digits(10);
        String number = body + checkDigit(VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT, body);
        return random.nextBoolean() ? number : number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
    }

    String pan() {
        return upper(3) + "PCHFATBLJG".charAt(random.nextInt(10)) + upper(1) + digits(4) + upper(1);
    }

    String awsKey() {
        StringBuilder key = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            key.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(random.nextInt(32)));
        }
        return key.toString();
    }

    String stripeKey() {
        return (random.nextBoolean() ? "sk_live_" : "rk_test_") + word(24);
    }

    String githubToken() {
        return "ghp_" + word(36);
    }

    String slackToken() {
        return "xoxb-" + digits(10) + "-" + word(12);
    }

    String googleApiKey() {
        return "AIza" + base64Url(35);
    }

    String gitlabToken() {
        switch (random.nextInt(3)) {
            case 0:
                return "glpat-" + base64Url(20);
            case 1:
                return "glpat-" + base64Url(27 + random.nextInt(40)) + ".01." + base36(9);
            default:
                return "GR1348941" + base64Url(20); // a legacy runner registration token
        }
    }

    String npmToken() {
        return "npm_" + word(36);
    }

    String openAiKey() {
        return random.nextBoolean() ? "sk-" + word(20) + "T3BlbkFJ" + word(20)
                : "sk-proj-" + base64Url(74) + "T3BlbkFJ" + base64Url(74);
    }

    String anthropicKey() {
        return "sk-ant-api03-" + base64Url(93) + "AA";
    }

    String huggingFaceToken() {
        return "hf_" + from(ALNUM.substring(0, 52), 34);
    }

    /** One of the vendor_token kinds, each written here from its vendor's format, not from the detector's specs. */
    String vendorToken() {
        switch (random.nextInt(11)) {
            case 0:
                return "dckr_pat_" + base64Url(27);
            case 9:
                return "ATATT3xFfGF0" + base64Url(165) + "=" + hex(8).toUpperCase(java.util.Locale.ROOT); // Atlassian
            case 1:
                return "pypi-AgEIcHlwaS5vcmc" + base64Url(60 + random.nextInt(120));
            case 2:
                return "shp" + (random.nextBoolean() ? "at_" : "ss_") + hex(32);
            case 3:
                return "do" + "por".charAt(random.nextInt(3)) + "_v1_" + hex(64);
            case 4:
                return "PMAK-" + hex(24) + "-" + hex(34);
            case 5:
                return "NRAK-" + upperOrDigits(27);
            case 6:
                return "AGE-SECRET-KEY-1" + from("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58);
            case 7:
                return "xkeysib-" + hex(64) + "-" + word(16);
            case 8:
                return "sntrys_eyJ" + base64(80) + "_" + base64(43);
            default:
                return (random.nextBoolean() ? "lin_api_" + word(40) : "sq0csp-" + base64Url(43));
        }
    }

    String sendGridKey() {
        return "SG." + base64Url(22) + "." + base64Url(43);
    }

    String twilioKey() {
        return (random.nextBoolean() ? "SK" : "AC") + hex(32);
    }

    /** The secret part only: what follows hooks.slack.com/services/. */
    String slackWebhookPath() {
        return "T" + upperOrDigits(8 + random.nextInt(3)) + "/B" + upperOrDigits(8 + random.nextInt(3)) + "/" + word(24);
    }

    String azureStorageKey() {
        return base64(86) + "==";
    }

    String sasSignature() {
        return base64(43).replace("+", "%2B").replace("/", "%2F") + "%3D";
    }

    String awsSecretKey() {
        return base64(40);
    }

    String jwt() {
        return "eyJhbGciOiJIUzI1NiJ9.eyJ" + word(20) + "." + word(43);
    }

    String word(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return word.toString();
    }

    String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String base64Url(int count) {
        return from(ALNUM + "-_", count);
    }

    private String base64(int count) {
        return from(ALNUM + "+/", count);
    }

    private String base36(int count) {
        return from("abcdefghijklmnopqrstuvwxyz0123456789", count);
    }

    private String hex(int count) {
        return from("0123456789abcdef", count);
    }

    private String upperOrDigits(int count) {
        return from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", count);
    }

    private String from(String alphabet, int count) {
        StringBuilder chars = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return chars.toString();
    }

    private String upper(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static String checkDigit(CheckDigit algorithm, String body) {
        try {
            return algorithm.calculate(body);
        } catch (CheckDigitException e) {
            throw new AssertionError("no check digit for " + body, e);
        }
    }
}
