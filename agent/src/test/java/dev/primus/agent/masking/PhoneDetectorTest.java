package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {
    private final Masker masker = Masker.builder().detectors("phone").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "+14155552671", "+1 415 555 2671", "+1-415-555-2671", "+1 (415) 555-2671", "+44 20 7946 0958", "+4930123456",
        "(415) 555-2671", "(415)555-2671", "415-555-2671", "415.555.2671", "1-415-555-2671",
        "+91 98765 43210", "+919876543210", "9876543210", "6123456789",
        "(+44) 7700 900123", "(+91)-98765 43210", "(+1) 415-555-2671", "(+353) 85 123 4567",
    })
    void masksPhoneNumbersInTheirWrittenForms(String phone) {
        assertEquals("call [PHONE] now", masker.mask("call " + phone + " now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1732406400", // epoch seconds start with 1
        "1732406400000", // epoch millis
        "4111111111111111", // a card number is not a phone number
        "415 555 2671", // three bare space-separated numbers read as counters
        "015-555-2671", "415-155-2671", // NANP area and exchange never start with 0 or 1
        "98765432101", "5876543210", // Indian mobiles have exactly ten digits starting 6-9
        "+1234567", "+0123456789", "1.5E+10", "+1234567890123456",
        "id9876543210", "98765-43210-1", "(+44) 12", "(+4412) 7700 9001", "(+44)7700", "(+5) points 123",
        "8589934592", "6442450944", "7000000000", // 8 GiB and 6 GiB in bytes, a round number: quantities
    })
    void leavesNumbersThatAreNotPhoneNumbersAlone(String text) {
        assertEquals("call " + text + " now", masker.mask("call " + text + " now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"processed 9876543210 bytes in 12 ms", "took 7123456789ns", "wrote 8123456789 rows",
        "counter=7345678901 events", "request id 8123456789 done", "orderId: 9876543210", "\"offset\":9123456789",
        "tx_seq=6123456789", "lsn 9876543210 flushed", "elapsed_nanos=6234567890", "size is 9876543210",
        "bytes_in=7000123456 bytes_out=6123450001", "bytesReceived: 6123450001", "{\"offset_max\": \"9123456789\"}",
        // Hadoop's job counters, Spark's offsets by partition, a file's random number
        "Number of bytes read=7654309127", "Physical memory (bytes) snapshot=9612804096", "Spilled Records=6893146021",
        "Total time spent by all map tasks (ms)=8736521904", "{\"0\" : 9182736455, \"1\" : 9182741208}",
        "latest offsets 8812734411", "release-7718263544.tar.gz", "Running job 9182736451", "sector 7718263544 op",
        "Total bytes staged 7918273645, 9123 files", "MaxRSS 7612384512 MaxVMSize 9871236544 TotalCPU 9183746520",
        "elapsedRealtime 8123947756", "triggerAtTime=9182739012", "inode space 7182930561 used",
        // An SQL insert's value whose column names an id or a count: Liquibase's changelog row at DEBUG
        "INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, "
            + "COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('2', 'rw', 'db/changelog.xml', "
            + "NOW(), 2, "
            + "'9:dacc61df32970b638c95ab7fbeb3301b', 'insert tableName=lb_people', '', 'EXECUTED', NULL, NULL, '4.33.0', "
            + "'6566660069')",
        "insert into events (event_id, byte_count) values (9876543210, 7123456789)"})
    void leavesTenDigitsAWordCallsACountOrAnIdAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OTP sent to 9876543210            | OTP sent to [PHONE]",
        "user=9876543210 logged in         | user=[PHONE] logged in",
        "mobile number is 9876543210 bytes | mobile number is [PHONE] bytes",
        "customer 9876543210 identified    | customer [PHONE] identified",
        "hid 9876543210                    | hid [PHONE]",
        "sender=9876543210 bytes_in=12     | sender=[PHONE] bytes_in=12",
        "customer id 7 contact: 9876543210 | customer id 7 contact: [PHONE]",
        "Total bytes, mobile=9876543210    | Total bytes, mobile=[PHONE]",
        "Refund of 3 items sent to 9876543210 | Refund of 3 items sent to [PHONE]",
        "bytes sent by sms to 9876543210   | bytes sent by sms to [PHONE]",
        "insert into users (user_id, mobile) values (7, '9876543210') "
            + "| insert into users (user_id, mobile) values (7, '[PHONE]')",
        "insert into users (user_id, note) values (7, 9876543210) | insert into users (user_id, note) values (7, [PHONE])",
        "insert into sms (phone_id) values ('9876543210') | insert into sms (phone_id) values ('[PHONE]')",
    })
    void masksTenDigitsNoCountingWordStandsNextTo(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"telephone=4155552671", "phone: 0123456789", "\"mobile\":\"5876543210\"",
        "customerPhoneNumber=4155552671", "contact_no 4155552671", "Tel. 4155552671", "mobile number is 5876543210",
        "fax (4155552671)", "Sending SMS to 4155552671 failed", "sms=4155552671", "ph: 4155552671", "Ph.No. 9876543210",
        "landline 4155552671"})
    void masksTenBareDigitsAfterAWordThatNamesAPhone(String text) {
        assertEquals(text.replaceAll("\\d{10}", "[PHONE]"), masker.mask(text));
    }

    /** E.164 without its '+', as telecom APIs name it: up to 15 digits, from 2-9 (a country code of 1 makes 11). */
    @ParameterizedTest
    @ValueSource(strings = {"msisdn=4915123456789", "\"msisdn\": \"628123456789012\"", "phone=447700900123456"})
    void masksAFullInternationalNumberWithoutItsPlusAfterAWordThatNamesAPhone(String text) {
        assertEquals(text.replaceAll("\\d{13,15}", "[PHONE]"), masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone=1733560000000", "msisdn=1733560000000123", "phone=0123456789012",
        "phone=4915123456789012", "build 4915123456789"})
    void leavesEpochMillisAndLongerRunsAfterAPhoneWordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tel=(020) 7946 0958                | tel=[PHONE]",
        "phone: 020 7946 0958 (office)      | phone: [PHONE] (office)",
        "mobile=07700900123                 | mobile=[PHONE]",
        "tel=06 12 34 56 78                 | tel=[PHONE]",
        "phone=030 1234567                  | phone=[PHONE]",
        "phone=030-123456                   | phone=[PHONE]",
        "tel 06.12.34.56.78 ok              | tel [PHONE] ok",
        "phone 612345678                    | phone [PHONE]",
        "contact (0)30 1234567              | contact [PHONE]",
        "tel 020 7946 0958 2024 11 30       | tel [PHONE] 2024 11 30",
        "Telefon: 030 1234567               | Telefon: [PHONE]",
        "telefono=612345678                 | telefono=[PHONE]",
        "Handy 0170 1234567                 | Handy [PHONE]",
        "\"celular\":\"11987654321\"        | \"celular\":\"[PHONE]\"",
        "portable: 06 12 34 56 78           | portable: [PHONE]",
        "teléfono: 612345678                | teléfono: [PHONE]",
        "Téléphone : 01 23 45 67 89         | Téléphone : [PHONE]",
        "TELÉFONO=612345678                 | TELÉFONO=[PHONE]",
        "móvil 612 34 56 78 ok              | móvil 612 34 56 78 ok",
        "móvil 612345678 ok                 | móvil [PHONE] ok",
        "Telefonnummer: 030 1234567         | Telefonnummer: [PHONE]",
        "Handynummer 0170 1234567           | Handynummer [PHONE]",
        "donnéeMobile=612345678             | donnéeMobile=[PHONE]",
        "phone: 415 555 2671                | phone: [PHONE]",
        "mobileNo: 98765 43210              | mobileNo: [PHONE]",
        "celular: (11) 91234-5678           | celular: [PHONE]",
    })
    void masksANationalNumberAfterAWordThatNamesAPhone(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 4155552671 shipped", "microphone 4155552671", "hotel 4155552671", "hôtel 4155552671",
        "SMSC 4155552671", "sms sent to 4155552671", "went to 4155552671", "graph 4155552671", "pH 7 after 4155552671 s",
        "Bearer AGK9TOT8KydHlCI2hhPH 4155552671", // a token's last capitals
        "Rufnummern 4155552671",
        "phone 4155552671234567", "phone 1732406400000", "phone 41555526", "phones=4155552671x",
        "phone 12 34", "tel 1 2 3 4 5 6",
        "phone 41 555 267", "phone 4155 5526 7123 4567",
        "phone=2024-11-30", "mobile 1.2.3", "phone 020 794", "order 020 7946 0958"})
    void leavesNumbersAloneWithoutTheWordOrThePhoneShape(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<phone>4155552671</phone>                | <phone>[PHONE]</phone>",
        "<mobile>07700900123</mobile>             | <mobile>[PHONE]</mobile>",
        "<customerPhone>030 1234567</customerPhone> | <customerPhone>[PHONE]</customerPhone>",
        "<order>4155552671</order>                | <order>4155552671</order>",
        "<microphone>4155552671</microphone>      | <microphone>4155552671</microphone>",
    })
    void masksANumberInAnXmlElementThatNamesAPhone(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tel: 030/12345678                 | Tel: [PHONE]",
        "mobile: 0171/1234567              | mobile: [PHONE]",
        "Fax: 030/12345679                 | Fax: [PHONE]",
        "Telefon 0171/123 4567 ok          | Telefon [PHONE] ok",
        "Tel: 03/12/2024                   | Tel: 03/12/2024",
        "tel 30/12345678                   | tel 30/12345678",
        "order 030/12345678                | order 030/12345678",
        "automobil 0171/1234567            | automobil 0171/1234567",
    })
    void masksAGermanNumberWithASlashAfterItsAreaCode(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mobil: 0171 1234567               | Mobil: [PHONE]",
        "mobiel: 06 12345678               | mobiel: [PHONE]",
        "telefoon: 020 1234567             | telefoon: [PHONE]",
        "Telefoonnummer 0201234567         | Telefoonnummer [PHONE]",
        "automobil 0171 1234567            | automobil 0171 1234567",
        "mobiele 0171 1234567              | mobiele 0171 1234567",
    })
    void masksANumberAfterAGermanOrDutchPhoneWord(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Phone: 0044 20 7946 0958          | Phone: [PHONE]",
        "Phone: 00442079460958             | Phone: [PHONE]",
        "tel 00 44 20 7946 0958 ok         | tel [PHONE] ok",
        "mobile=0049-171-1234567           | mobile=[PHONE]",
        "order 00442079460958              | order 00442079460958",
        "phone 00012345678901              | phone 00012345678901",
        "phone 004412345678901234          | phone 004412345678901234",
    })
    void readsTheInternationalPrefix00AsAPlus(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "adjusted by +12345678 bytes", "heap delta +268435456", "heap delta +268435456 ok", "grew +12345678 B",
        "grew +12345678 KB", "grew +87654321MB", "took +12345678 ms", "took +12345678 ns", "took +12345678 s",
        "cpu +12345678%", "cpu +12345678 %", "queue +14155000000 now",
    })
    void leavesASignedQuantityAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "call +14155552671 now             | call [PHONE] now",
        "call +14155552671                 | call [PHONE]",
        "call +14155552671 sms             | call [PHONE] sms",
        "call +14155552671 seconds ago     | call [PHONE] seconds ago",
        "call +1 415 000 0000 now          | call [PHONE] now",
        "call +44 20 7946 0958 s           | call [PHONE] s",
        "user +91 63873 70709 ms           | user [PHONE] ms",
    })
    void masksASignedNumberThatIsAPhoneNumber(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "To=%2B14155552671&From=%2B14155550000&Body=hi | To=[PHONE]&From=[PHONE]&Body=hi",
        "?phone=%2b919876543210                        | ?phone=[PHONE]",
        "phone=%2B49+151+23456789&card=x               | phone=[PHONE]&card=x",
        "GET /v?phone=%2B49%20151%2023456789 HTTP/1.1  | GET /v?phone=[PHONE] HTTP/1.1",
        "To=%2B1+415+555+2671                          | To=[PHONE]",
        "body=card=x&phone=(415)+555-0172              | body=card=x&phone=[PHONE]",
        "phone=020+7946+0958&x=1                       | phone=[PHONE]&x=1",
    })
    void masksANumberWhosePlusIsUrlEncoded(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2B5", "q=c%2B%2B", "%2B12345 ok", "delta=%2B268435456", "%2Bfoo", "%2B0123456789",
        "x=%2B1+2+3", "q=%2B12+34%2056", "sum=%2B4+4+4+4+4+4+4+4+4+4+4+4+4+4+4+4"})
    void leavesEncodedPlusSignsThatStartNoPhoneAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
