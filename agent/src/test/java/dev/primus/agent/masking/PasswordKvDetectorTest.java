package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordKvDetectorTest {
    private final Masker masker = Masker.builder().detectors("password_kv").build();

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "pwd", "pass", "secret", "client_secret", "token", "access_token",
        "refresh_token", "api_key", "apikey", "api-key", "auth", "credentials", "PASSWORD", "db_password", "dbPassword",
        "X-Auth-Token", "spring.datasource.password", "clientSecret"})
    void masksTheValueOfEverySecretKey(String key) {
        assertEquals("login " + key + "=[PASSWORD_KV] user=bob", masker.mask("login " + key + "=hunter2 user=bob"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "password=hunter2          | password=[PASSWORD_KV]",
        "password: hunter2         | password: [PASSWORD_KV]",
        "password = hunter2        | password = [PASSWORD_KV]",
        "\"password\":\"hunter2\"     | \"password\":\"[PASSWORD_KV]\"",
        "\"password\" : \"hunter2\"   | \"password\" : \"[PASSWORD_KV]\"",
        "'password'='hunter2'      | 'password'='[PASSWORD_KV]'",
        "?user=bob&token=abc&x=1   | ?user=bob&token=[PASSWORD_KV]&x=1",
        "{password=abc, user=bob}  | {password=[PASSWORD_KV], user=bob}",
        "pwd=abc;next=1            | pwd=[PASSWORD_KV];next=1",
    })
    void keepsKeySeparatorAndQuotesAndMasksOnlyTheValue(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void masksAQuotedValueWithSpacesUpToItsClosingQuote() {
        assertEquals("{\"secret\":\"[PASSWORD_KV]\",\"a\":1}", masker.mask("{\"secret\":\"correct horse battery\",\"a\":1}"));
    }

    @Test
    void masksAnUnclosedQuotedValueToTheEnd() {
        assertEquals("{\"secret\":\"[PASSWORD_KV]", masker.mask("{\"secret\":\"correct horse battery"));
    }

    @Test
    void endsAnUnquotedValueAtALineBreak() {
        assertEquals("password=[PASSWORD_KV]\\nuser=bob", masker.mask("password=hunter2\nuser=bob"));
    }

    @Test
    void masksTheCredentialAfterAnAuthorizationScheme() {
        assertEquals("Authorization: Basic [PASSWORD_KV]", masker.mask("Authorization: Basic dXNlcjpwYXNz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bypass=true", "compass: north", "oauth=enabled", "passwordless=true", "tokens=5", "password==null",
        "token != null", "password=", "user=bob", "password is hunter2"})
    void leavesKeysThatOnlyContainASecretWordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
