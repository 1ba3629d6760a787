package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AadhaarDetectorTest {
    /** Whether a check digit is right, decided by code we did not write. */
    private static final CheckDigit ORACLE = VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT;
    private static final int NUMBERS = 5_000;

    private final Masker masker = Masker.builder().detectors("aadhaar").build();

    @ParameterizedTest
    @ValueSource(strings = {"234123412346", "2341 2341 2346", "2341-2341-2346", "498765432102", "876543210988",
        "999999990019"})
    void masksAadhaarNumbersBareOrGrouped(String aadhaar) {
        assertEquals("uid [AADHAAR] ok", masker.mask("uid " + aadhaar + " ok"));
    }

    @Test
    void masksAGroupedNumberFollowedByMoreDigits() {
        assertEquals("uid [AADHAAR] 2024", masker.mask("uid 2341 2341 2346 2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024 1124 1234", "2024-1124-1234"})
    void masksANumberThatReadsAsATimestampWhenItIsGrouped(String aadhaar) {
        assertEquals("uid [AADHAAR] ok", masker.mask("uid " + aadhaar + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "234123412347", // Verhoeff check digit wrong
        "9999 9999 0018", "999999990109", // one digit wrong, two neighbours swapped
        "134123412346", "034123412346", // first digit 0 or 1 is never issued
        "2341-2341 2346", "x234123412346", "2341234123467",
        "123e4567-e89b-12d3-a45f-234123412346", // last group of a UUID
    })
    void leavesNumbersThatAreNotAadhaarNumbersAlone(String text) {
        assertEquals("uid " + text + " ok", masker.mask("uid " + text + " ok"));
    }

    @Test
    void leavesABareNumberThatReadsAsATimestampAloneUnlessAWordNamesIt() {
        // Verhoeff-valid, but reads as yyyyMMddHHmm.
        assertEquals("at 202411241234 ok", masker.mask("at 202411241234 ok"));
        assertEquals("aadhaar no. [AADHAAR] ok", masker.mask("aadhaar no. 202411241234 ok"));
    }

    /** Each id passes Verhoeff, so each would be masked anywhere else: see the next test. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Assumed role arn:aws:iam::726018159082:role/orders-prod",
        "Pushing 491827364507.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2",
        "arn:aws:sqs:eu-west-1:501661318603:orders-queue",
        "AWS account 339099603089 selected",
        "GCP project number 446281948213",
        "{\"Arn\":\"arn:aws-us-gov:sts::726018159082:assumed-role/x\"}", "aws_account_id=339099603089",
        "\"accountId\": \"339099603089\"", "OwnerId: 339099603089", "projectNumber=446281948213",
    })
    void leavesACloudAccountIdAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id 726018159082 ok                          | id [AADHAAR] ok",
        "Aadhaar linked to account: 339099603089     | Aadhaar linked to account: [AADHAAR]",
        "barn:aws:iam::726018159082:role             | barn:aws:iam::[AADHAAR]:role",
        "arn:aws:s3:::bucket/726018159082            | arn:aws:s3:::bucket/[AADHAAR]",
        "491827364507.dkr                            | [AADHAAR].dkr",
        "myaccount 339099603089                      | myaccount [AADHAAR]",
        "account 3390 9960 3089                      | account [AADHAAR]",
        "aadhaar 339099603089                        | aadhaar [AADHAAR]",
        "\"aadhaar\":\"2341 2341 2346\"          | \"aadhaar\":\"[AADHAAR]\"",
        "uid: 726018159082 of account                | uid: [AADHAAR] of account",
    })
    void masksATwelveDigitNumberOutsideACloudAccountsContext(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Each passes Verhoeff; the words around it call it a count. */
    @ParameterizedTest
    @ValueSource(strings = {"offset=726018159082", "txid 726018159082 committed", "rows=726018159082",
        "wrote 726018159082 bytes", "Total bytes staged 726018159082", "{\"sizeBytes\": 726018159082}",
        // Hazelcast 5.7's diagnostics: a metric named in brackets, its value after them.
        "Metric[[dir=user.home,unit=bytes,metric=file.partition.freeSpace]=245572706304]"})
    void leavesATwelveDigitRunTheWordsAroundCallACountAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aadhaar id 726018159082            | aadhaar id [AADHAAR]",
        "uid=726018159082 offset=3          | uid=[AADHAAR] offset=3",
        "Aadhaar no. 726018159082 bytes     | Aadhaar no. [AADHAAR] bytes",
        "customer 7260 1815 9082 size       | customer [AADHAAR] size",
        "CKYC search idType=E idNo=726018159082 | CKYC search idType=E idNo=[AADHAAR]",
        "KycDocument(type=AADHAAR, id=726018159082) | KycDocument(type=AADHAAR, id=[AADHAAR])",
        "{\"idType\":\"AADHAAR\",\"idNumber\":\"726018159082\"} | {\"idType\":\"AADHAAR\",\"idNumber\":\"[AADHAAR]\"}",
    })
    void masksATwelveDigitNumberAnAadhaarWordNamesOrThatIsGrouped(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Bare or grouped at random: next to its word even a number that reads as a timestamp is masked. */
    @Test
    void masksEveryNumberWithARightCheckDigitNextToTheWordAadhaar() {
        Random random = new Random(20_251_105L);
        List<String> leaked = new ArrayList<String>();
        for (int n = 0; n < NUMBERS; n++) {
            String body = (char) ('2' + random.nextInt(8)) + RandomInputs.digits(random, 10);
            String number = body + checkDigit(body);
            String written = RandomInputs.groupedInFours(random, number);
            String line = "aadhaar " + written + " verified";
            if (!masker.mask(line).equals("aadhaar [AADHAAR] verified")) {
                leaked.add(line);
            }
        }
        assertEquals(Collections.emptyList(), leaked);
    }

    @Test
    void neverMasksANumberWithAWrongCheckDigitOrAFirstDigitNeverIssued() {
        Random random = new Random(20_251_106L);
        List<String> masked = new ArrayList<String>();
        int checked = 0;
        while (checked < NUMBERS) {
            String number = random.nextBoolean()
                    ? (char) ('2' + random.nextInt(8)) + RandomInputs.digits(random, 11)
                    : withCheckDigit((char) ('0' + random.nextInt(2)) + RandomInputs.digits(random, 10));
            if (number.charAt(0) >= '2' && ORACLE.isValid(number)) {
                continue;
            }
            checked++;
            String line = "aadhaar " + RandomInputs.groupedInFours(random, number) + " verified";
            if (!masker.mask(line).equals(line)) {
                masked.add(line);
            }
        }
        assertEquals(Collections.emptyList(), masked);
    }

    private static String withCheckDigit(String body) {
        return body + checkDigit(body);
    }

    private static String checkDigit(String body) {
        try {
            return ORACLE.calculate(body);
        } catch (CheckDigitException e) {
            throw new AssertionError("commons-validator cannot compute a check digit for " + body, e);
        }
    }

    @Test
    void leavesThreeGroupsOutOfARowOfNumbersAlone() {
        String row = "ports 5432 6379 9092 2181 9200 27017 and pids 1 412";
        assertEquals(row, masker.mask(row));
        assertEquals("ids 6379-9092-2181-9200 x", masker.mask("ids 6379-9092-2181-9200 x"));
    }

    @Test
    void masksAGroupedNumberAfterANumberWhenItsWordNamesIt() {
        assertEquals("aadhaar: [AADHAAR] 2024", masker.mask("aadhaar: 9092 2181 9200 2024"));
        assertEquals("id [AADHAAR]", masker.mask("id 9092 2181 9200"));
    }

    @Test
    void leavesANumberAfterAHashAloneUnlessItsWordNamesIt() {
        String actor = "InitJoin from [Actor[akka://order-system@10.0.1.24:25520"
                + "/system/joinSeedNodeProcess-1#405112541810]]";
        assertEquals(actor, masker.mask(actor));
        assertEquals("order #405112541810 shipped", masker.mask("order #405112541810 shipped"));
        assertEquals("aadhaar #[AADHAAR]", masker.mask("aadhaar #405112541810"));
        assertEquals("aadhaar no. #[AADHAAR] ok", masker.mask("aadhaar no. #405112541810 ok"));
    }
}
