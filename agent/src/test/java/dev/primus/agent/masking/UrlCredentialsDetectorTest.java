package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCredentialsDetectorTest {
    private final Masker masker = Masker.builder().detectors("url_credentials", "email", "password_kv").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "postgres://app:s3cretPw@db.internal:5432/app     | postgres://app:[URL_CREDENTIALS]@db.internal:5432/app",
        "redis://:s3cretPw@cache:6379                     | redis://:[URL_CREDENTIALS]@cache:6379",
        "jdbc:mysql://app:s3cretPw@db/app?ssl=true        | jdbc:mysql://app:[URL_CREDENTIALS]@db/app?ssl=true",
        "amqp://guest:gu@st@mq:5672/vhost                 | amqp://guest:[URL_CREDENTIALS]@mq:5672/vhost",
        "\"url\":\"https://bob:pw12345@api.example.com/v1\"  | \"url\":\"https://bob:[URL_CREDENTIALS]@api.example.com/v1\"",
        "connecting to mongodb+srv://u:p4ss@cluster0.example.net now | connecting to mongodb+srv://u:[URL_CREDENTIALS]@cluster0.example.net now",
        "DATABASE_URL=postgresql://app:s3cretPw@db/app    | DATABASE_URL=postgresql://app:[URL_CREDENTIALS]@db/app",
    })
    void masksOnlyThePasswordOfAUrlOfAnyScheme(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@example.com/x", "http://example.com:8080/a@b", "redis://cache:6379",
        "postgres://app:@db/app", "jdbc:postgresql://db:5432/app", "see http://host/a:b@c", "://x:y@z",
        "postgres://app:${DB_PASSWORD}@db/app", "http://example.com/?next=http://x"})
    void leavesUrlsWithoutAPasswordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mailto:john@example.com                     | mailto:[EMAIL]",
        "http://example.com/c?email=john@example.com | http://example.com/c?email=[EMAIL]",
    })
    void anAddressInAUrlIsStillAnAddress(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A password holding a char no e-mail local part holds: the address-shaped rest must not swallow the host. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mongodb+srv://app:Pw9x!Q2mL@cluster0.ab1cd.mongodb.net/orders"
            + " | mongodb+srv://app:[URL_CREDENTIALS]@cluster0.ab1cd.mongodb.net/orders",
        "https://h.example.com?email=bob@example.com                     | https://h.example.com?email=[EMAIL]",
        "see https://h.example.com/u/bob@example.com                     | see https://h.example.com/u/[EMAIL]",
    })
    void keepsTheHostOfAUrlWhosePasswordHoldsAnyChar(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }
}
