package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names from code before a ':' ({@link CodeLabels}), and the search its neighbours share. */
class CodeLabelsTest {
    /** The text before the ':' and whether its last name is a logger's class. */
    @ParameterizedTest
    @CsvSource({
        "org.apache.hadoop.security.token.Token, true",
        "c.e.a.Password, true",
        "INFO o.a.Token, true",
        "com.example.Token, true",
        "app.Token, false", // one package: a setting's name as often
        "Settings.Token, false", // the part before is a class, not a package
        "spring.datasource.password, false", // a property: its last part is not capitalised
        "Token, false",
        "com.Example.Token, false",
    })
    void readsALoggersClassAfterItsPackages(String text, boolean logger) {
        assertEquals(logger, CodeLabels.isLoggerName(text, 0, text.length()));
    }

    /** A key, ':', a space, and what follows: whether the key is a method's name heading its fields. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "checkPassword: userId 0 result 1 | true",
        "getAuthToken: AccountType:com.example | true",
        "getToken: scope=oauth2:https://x | true",
        "onTokenRefresh: reason=expired | true",
        "setPassword: hunter2 | false", // a value, at the end
        "getToken: tok3n for bob | false", // a value, then prose
        "getToken: userid 0 | false", // no hump: a word, not a field's name
        "getToken: scope= x | false", // the field's value is missing
        "password: userId 0 | false", // no verb: a key
        "targetPassword: userId 0 | false", // "target" is no verb the list knows
        "spBasedDoVerifyCredential: user=0 challengeType=0 | true", // four humps: a method's name
        "invalidateAuthToken: accountType com.google, uid 10065 | true",
        "getToken: dGVzdA== | false", // base64's padding ends a value
        "getToken: abc123=x | false", // a field's name is letters
        "dbPassword: user=0 | false", // one hump, no verb: a key
    })
    void readsAMethodsNameWhenTheNextFieldFollows(String text, boolean heading) {
        int keyEnd = text.indexOf(':');
        assertEquals(heading, CodeLabels.isMethodHeading(text, 0, keyEnd, keyEnd + 2, text.length()));
    }

    /** Whether the key before the first ':' is a C function's name heading a daemon's message (Samba's DEBUG). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  check_ntlm_password:  Checking password for unmapped user [D]\\[bob]' | true",
        "'auth_check_ntlm_password: sam_ignoredomain authentication for user [bob] succeeded' | true",
        "'\tfind_delete_on_close_token: name_hash = 0x77de2bef' | true",
        "'mysql_root_password: hunter2' | false", // a config's dump: one word, its value
        "'mysql_root_password: hunter2 # the root one' | false", // no word after the value
        "'db_password: Checking it now' | false", // two parts: a key's name as often
        "'change_password: Principal does not exist while changing password' | true", // kpasswd's: a verb first
        "'change_password: Xk9mP2qL for bob' | false",
        "'x check_ntlm_password: Checking password for bob' | false", // not at its line's start
        "'checkNtlm_user_password: Checking password for bob' | false", // a capital: no C function's name
        "'check_ntlm_password: name_hash =0x1' | false",
        "'check_ntlm_password: Xk9mP2qL for bob' | false", // a token's digits: a value, then prose
    })
    void readsACFunctionsNameHeadingItsMessage(String text, boolean heading) {
        int keyEnd = text.indexOf(':');
        int value = keyEnd + 1;
        while (text.charAt(value) == ' ') {
            value++;
        }
        assertEquals(heading, CodeLabels.isFunctionHeading(text, 0, keyEnd, value, text.length()));
    }

    @ParameterizedTest
    @CsvSource({"granted leadership with session id, leader, 8", "a b A B a, a, 8", "no match here, leader, -1",
        "LEADER, leader, 0"})
    void findsTheLastWordIgnoringCase(String text, String word, int at) {
        assertEquals(at, TextSearch.lastIndexOfIgnoreCase(text, 0, text.length(), word));
    }
}
