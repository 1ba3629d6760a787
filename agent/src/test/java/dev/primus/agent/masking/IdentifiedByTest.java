package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password of SQL's IDENTIFIED BY clause ({@link IdentifiedBy}), as a statement log writes it. */
class IdentifiedByTest {
    private final Masker masker = Masker.builder().detectors("password_kv").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Oracle: unquoted, double-quoted, before the statement's next clause or its end
        "CREATE USER app_user IDENTIFIED BY Welcome123 DEFAULT TABLESPACE users"
            + " | CREATE USER app_user IDENTIFIED BY [PASSWORD_KV] DEFAULT TABLESPACE users",
        "ALTER USER scott IDENTIFIED BY tiger | ALTER USER scott IDENTIFIED BY [PASSWORD_KV]",
        "ALTER USER scott IDENTIFIED BY tiger; | ALTER USER scott IDENTIFIED BY [PASSWORD_KV];",
        "CREATE USER u IDENTIFIED BY \"Pa ss#1\" | CREATE USER u IDENTIFIED BY \"[PASSWORD_KV]\"",
        "GRANT CONNECT TO a IDENTIFIED BY p1, b IDENTIFIED BY p2"
            + " | GRANT CONNECT TO a IDENTIFIED BY [PASSWORD_KV], b IDENTIFIED BY [PASSWORD_KV]",
        "executing: CREATE USER app IDENTIFIED BY S3cret! | executing: CREATE USER app IDENTIFIED BY [PASSWORD_KV]",
        // MySQL 8: after the authentication plugin, quoted in any case, unquoted in capitals
        "CREATE USER 'u'@'%' IDENTIFIED WITH mysql_native_password BY 'S3cret!'"
            + " | CREATE USER 'u'@'%' IDENTIFIED WITH mysql_native_password BY '[PASSWORD_KV]'",
        "alter user 'u'@'localhost' identified with caching_sha2_password by 'N3wPw'"
            + " | alter user 'u'@'localhost' identified with caching_sha2_password by '[PASSWORD_KV]'",
        "CREATE USER u IDENTIFIED WITH auth_socket BY Plain9 | CREATE USER u IDENTIFIED WITH auth_socket BY [PASSWORD_KV]",
        // The single-quoted form, read from its quote as before
        "CREATE USER 'bob'@'%' IDENTIFIED BY 'S3cret!' | CREATE USER 'bob'@'%' IDENTIFIED BY '[PASSWORD_KV]'",
        "create user u identified by 'lower1' | create user u identified by '[PASSWORD_KV]'",
    })
    void masksThePasswordOnly(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER USER u IDENTIFIED BY VALUES 'S:ABC123'", // Oracle's stored hash, a keyword before it
        "CREATE USER u IDENTIFIED EXTERNALLY",
        "CREATE USER u IDENTIFIED GLOBALLY AS 'CN=u,O=acme'",
        "IDENTIFIED BY",
        "IDENTIFIED BY ",
        "Users IDENTIFIED by email", // a sentence: the clause's words are read in capitals
        "IDENTIFIEDBY x",
        "UNIDENTIFIED BY x",
        "unidentified by 'q1'",
        "BY the way, IDENTIFIED",
        "SELECT region FROM orders GROUP BY region ORDER BY total", // a BY with no IDENTIFIED before it
        "IDENTIFIED WITH BY x",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
