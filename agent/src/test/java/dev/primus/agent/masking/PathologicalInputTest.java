package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs built to make a scanner quadratic complete in linear time: a generous bound, not a benchmark. */
class PathologicalInputTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int SIZE = 100_000;

    private final Masker masker = Masker.builder().detectors(BuiltInDetector.configNames().split(", "))
            .custom("order_token", "ORD-[0-9]{10}").build();

    @ParameterizedTest
    @ValueSource(strings = {"1", "@", "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----", "-----END PRIVATE KEY-----",
        "password=", "password='", "1 ", "4 ", "1-", "a@", "a@b.", "eyJ.", "eyJhbGciOiJIUzI1NiJ9.", "::", "1:", "1.",
        "Bearer ", "[EMAIL", "[EMAIL]", "\\n", "\n", "+1 ", "(", "DE89 ", "AKIA", "x=", "token:token:", "ORD-",
        "sk-", "sk-proj-", "sk-ant-api03-", "T3BlbkFJ", "glpat-", "glpat-a.01", "AIza", "npm_", "hf_", "SG.", "SK0", "AC0",
        "xapp-", "hooks.slack.com/services/T00000000/", "AccountKey=", "&sig=", "%2B", "aws_secret_access_key=", "+/",
        "\"AUTH\" \"x\" ", "\"AUTH\" \"", "a1 LOGIN \"", "PASS x\n", "/bot12345:AAAAA", "-ops_eyJ", "-pypi-AgE",
        " glc_A", "-sntrys_eyJ", "-PMAK-", "Authorization: Digest a=\"", "Authorization: Digest a=b, ",
        "Authorization: OAuth ", "\"password\":\"", "password:", "password=[", "\"password\":[\"", "token=<",
        "password=${", "password=(", "token ", "API key is ", "secret 'x", "token \"", "password to x:\n",
        "password a:\n  ", "token a:\n\n", "a_token ", "api_key ", "_token '", "sig=", " sig=a", "AAAA", "AAAAx:",
        "primaryKey=", "auth: mode ", "cvv 123 ", "otp is 4829 ", "https://discord.com/api/webhooks/",
        "https://discord.com/api/v1/webhooks/123456789012345678/", "=", "<=", "<==        Row: a, ",
        "<==    Columns: password, ", "session id from ", "session id from a to ", "Session with id ", "ticket=ST-1-",
        "pgtId=PGT-1-a", "signature '", "Cookie contained signature 'x' but expected '", "'a' cookie value [", "_password/",
        "[new_password] with value [", "?sig=", "select password, ", "select (", "extracted value (1:VARCHAR) -> [",
        "\"value\":\"x\",", "\"value\":\"x\",\"id\":\"https://k.vault.azure.net/secrets/",
        " FE=> Bind(stmt=S_1,portal=null,$1=<('",
        ",$1=<('x')>", " FE=> Parse(stmt=S_1,query=\"insert into t (password) values ($1", "AUTH PLAIN AGJvYgBodW50ZXIy ",
        "[http://a:b", "\"encoded\":\"", "user=a auth=", "auth: f(x):", "password doesn't ", "x=y; Path=/; ",
        "{noop}", "{ldap}{", "{SSHA}x", "\"password\" \"", "'api_key', '", "$s0$e0801$", "$5$a$"})
    void completesOnARepeatedFragment(String fragment) {
        StringBuilder text = new StringBuilder();
        while (text.length() < SIZE) {
            text.append(fragment);
        }
        String input = text.toString();
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(masker.mask(input)));
        assertTimeoutPreemptively(BOUND, () -> masker.mask(new StringBuilder(input), 0));
    }

    /**
     * A megabyte: at 100,000 chars a scan that reads the rest of the line again at each fragment
     * still ends within the bound (Redis MONITOR's quoted AUTH did so, 26 s for this megabyte; and a
     * key whose value was read to the line's end, then ruled out: {@code "password":"} 3 s for 100,000 chars;
     * a PEM block's BEGIN line with no key after it, each read to the end for its END line: 1.6 s).
     */
    @ParameterizedTest
    @ValueSource(strings = {"-----BEGIN RSA PRIVATE KEY-----", "\"AUTH\" \"x\" ", "\"AUTH\" \"", "\"AUTH\" \"x\"         ", "-ops_eyJ", "-pypi-AgE",
        "Authorization: Digest a=\"", "\"password\":\"", "token=<", "password=${", "password=(", "token ",
        "password a:\n  ", "a_token ", "_token '", "cvv 123 ", "https://discord.com/api/webhooks/", "=",
        "<==        Row: a, ", "session id from a to ", "Cookie contained signature 'x' but expected '", "_password/",
        "select password, ", "{noop}", "{ldap}{", "\"password\" \"", "'api_key', '"})
    void completesOnAOneMegabyteLineOfOneCommand(String fragment) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 10 * SIZE) {
            text.append(fragment);
        }
        String input = text.toString();
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(masker.mask(input)));
    }

    /**
     * A formatted message of line breaks, as {@code log.info("body: " + body)} writes a body of
     * them: which breaks would forge a record is read once per run of breaks (it was read to the
     * run's end at each break: a second for 80,000 of them).
     */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\n\n\nx", "\n\r"})
    void completesOnAOneMegabyteMessageOfLineBreaks(String fragment) {
        completesAsAMessageWhenRepeatedToAMegabyte(fragment);
    }

    /**
     * A megabyte of lines that read as hex dump rows, or nearly: each row is read once, and a text
     * column that fails its check is tried at most once per byte the row shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"|00000000| 70 61 73 73 77 6f 72 64 3d 78 |password=x|\n",
        "|00000000| 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 |AAAAAAAAAAAAAAAB|\n",
        "0000: 41 41 41 41 41 41 41 41   41 41 41 41 41 41 41 41  AAAAAAAAAAAAAAAA\\n", "0000: 41 ", "|0000| ",
        "0000 41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 A\n"})
    void completesOnAOneMegabyteMessageOfHexDumpRows(String fragment) {
        completesAsAMessageWhenRepeatedToAMegabyte(fragment);
    }

    /** As its own template, in place, and as an argument (its breaks escaped). */
    private void completesAsAMessageWhenRepeatedToAMegabyte(String fragment) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 10 * SIZE) {
            text.append(fragment);
        }
        String input = text.toString();
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(masker.maskMessage(input, null, null)));
        assertTimeoutPreemptively(BOUND, () -> masker.maskMessage(new StringBuilder(input), 0, null, null));
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(masker.maskMessage(input, "{}", new Object[] {input})));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void completesOnAOneMegabyteLineOfRandomTokens(int seed) {
        Random random = new Random(seed);
        GeneratedValues values = new GeneratedValues(random);
        StringBuilder line = new StringBuilder();
        while (line.length() < 1_000_000) {
            switch (random.nextInt(6)) {
                case 0: line.append(values.card()); break;
                case 1: line.append(values.email()); break;
                case 2: line.append(values.digits(1 + random.nextInt(20))); break;
                case 3: line.append("password=").append(values.word(8)); break;
                default: line.append(values.word(1 + random.nextInt(10))); break;
            }
            line.append(random.nextBoolean() ? ' ' : random.nextBoolean() ? '-' : '.');
        }
        String input = line.toString();
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(masker.mask(input)));
    }
}
