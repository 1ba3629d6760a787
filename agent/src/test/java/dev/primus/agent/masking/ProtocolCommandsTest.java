package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** password_kv's protocol commands ({@link ProtocolCommands}), through the default masker. */
class ProtocolCommandsTest {
    private final Masker masker = Masker.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // FTP and POP3, as Commons Net's PrintCommandListener writes them, with a trace's prompt.
        "PASS hunter2                          | PASS [PASSWORD_KV]",
        "PASS Tr0ub4dor&3                      | PASS [PASSWORD_KV]",
        "> PASS correct horse battery          | > PASS [PASSWORD_KV]",
        "C: PASS hunter2                       | C: PASS [PASSWORD_KV]",
        "`  --> PASS hunter2`                  | `  --> PASS [PASSWORD_KV]`",
        // SASL initial responses: PLAIN's \\0bob\\0hunter2, XOAUTH2's user=...^Aauth=Bearer ...
        "AUTH PLAIN AGJvYgBodW50ZXIy           | AUTH PLAIN [PASSWORD_KV]",
        "C: AUTH XOAUTH2 dXNlcj1ib2JAZXhhbXBsZS5jb20BYXV0aD1CZWFyZXIgeWEyOS5hMEFmSAE= | C: AUTH XOAUTH2 [PASSWORD_KV]",
        // Redis: a password, an ACL user's, and MONITOR's quoted arguments.
        "AUTH hunter2                          | AUTH [PASSWORD_KV]",
        // redis-cli's prompt, as a session's transcript is logged.
        "127.0.0.1:6379> AUTH hunter2          | 127.0.0.1:6379> AUTH [PASSWORD_KV]",
        "redis-primary.cache:6380[2]> AUTH app hunter2 | redis-primary.cache:6380[2]> AUTH app [PASSWORD_KV]",
        "AUTH app hunter2                      | AUTH app [PASSWORD_KV]",
        "`1700000000.123456 [0 127.0.0.1:51234] \"AUTH\" \"hunter2\"`"
            + " | `1700000000.123456 [0 127.0.0.1:51234] \"AUTH\" \"[PASSWORD_KV]\"`",
        "`1700000000.123456 [0 unix:/run/redis.sock] \"AUTH\" \"app\" \"hun\\\"ter2\"`"
            + " | `1700000000.123456 [0 unix:/run/redis.sock] \"AUTH\" \"app\" \"[PASSWORD_KV]\"`",
        // IMAP, after the command's tag.
        "a001 LOGIN bob hunter2                | a001 LOGIN bob [PASSWORD_KV]",
        "`C: A1 LOGIN \"bob\" \"hun ter\\\"2\"`       | `C: A1 LOGIN \"bob\" \"[PASSWORD_KV]\"`",
        "PASS x                                | PASS [PASSWORD_KV]",
    })
    void masksTheCredentialACommandSends(String line, String masked) {
        assertEquals(masked, masker.mask(line));
    }

    /** The second line of a trace logged as one message. */
    @ParameterizedTest
    @ValueSource(strings = {"USER bob\nPASS hunter2\n230 logged in", "EHLO client\nAUTH PLAIN AGJvYgBodW50ZXIy\n235 ok"})
    void masksACommandOnALineOfItsOwn(String trace) {
        String masked = masker.mask(trace);
        assertEquals(trace.replace("hunter2", "[PASSWORD_KV]").replace("AGJvYgBodW50ZXIy", "[PASSWORD_KV]")
                .replace("\n", "\\n"), masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AUTH LOGIN",                          // a mechanism, no response
        "AUTH PLAIN",
        "AUTH PLAIN =",                        // SASL's empty response
        "AUTH OK",                             // a status word
        "AUTH null",
        "AUTH failed for user bob",            // a sentence
        "Redis AUTH hunter2 was refused",      // the command inside a sentence
        "connected to 127.0.0.1:6379> AUTH hunter2 pending", // a prompt's shape after other words
        " PASS  src/app.test.js",              // Jest's result: two spaces
        "PASS",
        "Test PASS foo",
        "PASSIVE mode entered",
        "pass hunter2",                        // not the command's capitals
        "auth hunter2",
        "1700000000.123456 [0 127.0.0.1:51234] \"AUTH\" \"(redacted)\"", // Redis 6.2's MONITOR
        "1700000000.123456 [0 127.0.0.1:51234] \"AUTH\" \"a\" \"b\" \"c\"",
        "\"AUTH\" is the header we read",
        "LOGIN bob hunter2",                   // no tag
        "User LOGIN bob hunter2 refused",      // a sentence
        "a001 LOGIN bob",                      // no password
        "a001 LOGIN bob hunter2 extra",
        "xa0010001 LOGIN bob hunter2",         // a word too long for a tag
        "a001 LOGIN \"bob\" hunter2",             // quoted and not
        "a001 LOGIN bob null",
    })
    void leavesTheWordAloneElsewhere(String line) {
        assertEquals(line, masker.mask(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FTP command: PASS O4kxKWYkNJFPKf                 | FTP command: PASS [PASSWORD_KV]",
        "[FTPClient] sent: PASS 3FYr05xzAA7rE6            | [FTPClient] sent: PASS [PASSWORD_KV]",
        "DEBUG SMTP: AUTH PLAIN AG5vdGlmaWNhdGlvbnMAdnpk  | DEBUG SMTP: AUTH PLAIN [PASSWORD_KV]",
        "Command: AUTH w7MlsR6DrbOopcpc                   | Command: AUTH [PASSWORD_KV]",
    })
    void masksACommandAfterAClientsLabelOfWhatItSends(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** SASL PLAIN's response in a sentence: base64 of user NUL password, told from other words by decoding it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SMTP AUTH PLAIN AGJvYgBodW50ZXIyWHE=                  | SMTP AUTH PLAIN [PASSWORD_KV]",
        "sending AUTH PLAIN AGJvYgBodW50ZXIyWHE= to mx1        | sending AUTH PLAIN [PASSWORD_KV] to mx1",
        "imap: AUTHENTICATE done, AUTH PLAIN YWRtaW4AYm9iAGh1bnRlcjI= ok | "
            + "imap: AUTHENTICATE done, AUTH PLAIN [PASSWORD_KV] ok", // an authzid first: admin NUL bob NUL hunter2
    })
    void masksPlainsResponseInASentence(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** XOAUTH2's and OAUTHBEARER's initial response (RFC 7628): base64 of ^A-separated keys, a bearer token among them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A1 AUTHENTICATE XOAUTH2 dXNlcj1ib2JAZXhhbXBsZS5vcmcBYXV0aD1CZWFyZXI"
            + "geWEyOS52RjlkZnQ0cW1UYzJOdmIzUmxja0JoZEhSaGRtbHpkR0V1WTI5dENnAQE= | "
            + "A1 AUTHENTICATE XOAUTH2 [PASSWORD_KV]",
        "SMTP AUTH XOAUTH2 dXNlcj1ib2JAZXhhbXBsZS5vcmcBYXV0aD1CZWFyZXIgeW"
            + "EyOS52RjlkZnQ0cW1UYzJOdmIzUmxja0JoZEhSaGRtbHpkR0V1WTI5dENnAQE= | "
            + "SMTP AUTH XOAUTH2 [PASSWORD_KV]",
        "a2 AUTHENTICATE OAUTHBEARER bixhPWJvYkBleGFtcGxlLm9yZywBaG9zdD1pbWFwLmV4YW1wbGUub3JnAXB"
            + "vcnQ9OTkzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2c9PQEB | "
            + "a2 AUTHENTICATE OAUTHBEARER [PASSWORD_KV]",
        // Two ^A only: no response of either mechanism, left as written.
        "A1 AUTHENTICATE XOAUTH2 dXNlcj1ib2IBYXV0aD1CZWFyZXIgeAE= | "
            + "A1 AUTHENTICATE XOAUTH2 dXNlcj1ib2IBYXV0aD1CZWFyZXIgeAE=",
        "A1 AUTHENTICATE XOAUTH2 failed | A1 AUTHENTICATE XOAUTH2 failed",
        "A1 AUTHENTICATE PLAIN | A1 AUTHENTICATE PLAIN",
    })
    void masksOAuthResponsesAfterAuthAndAuthenticate(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the AUTH PLAIN mechanism is offered",
        "SMTP AUTH PLAIN dXNlcjpwYXNz",          // user:pass, no NUL: not PLAIN's response
        "SMTP AUTH PLAIN AGJvYgBodW50ZXIyAHg=",  // three NULs
        "SMTP AUTH PLAIN AGJvYgBodW50ZXIy_x",    // runs into a word
        "server offers AUTH PLAIN LOGIN",
    })
    void leavesOtherWordsAfterAuthPlainInASentenceAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A log file's whole line, as mask reads it: the command starts the record's message, as the agent sees it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12:00:01.123 [main] DEBUG smtp - AUTH PLAIN AGJvYgBodW50ZXIy "
            + "| 12:00:01.123 [main] DEBUG smtp - AUTH PLAIN [PASSWORD_KV]",
        "2026-12-06T12:00:01.123Z DEBUG 7 --- [main] c.a.Ftp : PASS hunter2 | "
            + "2026-12-06T12:00:01.123Z DEBUG 7 --- [main] c.a.Ftp : PASS [PASSWORD_KV]",
        "DEBUG redis - AUTH app hunter2                                | DEBUG redis - AUTH app [PASSWORD_KV]",
        // GreenMail 2.1's server trace, a prompt between the record's prefix and the command.
        "2026-12-07 08:00:53.323 DEBUG [pop3:127.0.0.1:20110<-/127.0.0.1:56550] c.i.greenmail.util.LineLoggingBuffer"
            + " - C: PASS B0b#Mailbox_9931\\r\\n | 2026-12-07 08:00:53.323 DEBUG [pop3:127.0.0.1:20110<-/127.0.0.1:56550]"
            + " c.i.greenmail.util.LineLoggingBuffer - C: PASS [PASSWORD_KV]\\r\\n",
        "2026-12-07 08:00:52.067 DEBUG [imap:127.0.0.1:20143] c.i.greenmail.util.LineLoggingBuffer - C:"
            + " A1 LOGIN bob.m B0b#M9931"
            + " | 2026-12-07 08:00:52.067 DEBUG [imap:127.0.0.1:20143] c.i.greenmail.util.LineLoggingBuffer -"
            + " C: A1 LOGIN bob.m"
            + " [PASSWORD_KV]",
    })
    void masksACommandThatStartsALogRecordsMessage(String line, String masked) {
        assertEquals(masked, masker.mask(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Result: PASS auth.TestLogin", "Status: AUTH failed for bob", "Test command: PASS",
        "subcommand: PASS x y", "12:00:01 INFO app - AUTH failed for user bob", "build - PASS hunter2",
        "12:00:01 INFO app - Test PASS foo", "AUTH PLAIN succeeded", "DEBUG SMTP: AUTH LOGIN failed",
        "12:00:01 DEBUG org.eclipse.angus.mail.pop3 - AUTH XOAUTH2 succeeded"})
    void leavesVerdictsAndOtherLabelsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /**
     * Lettuce at TRACE: the RESP it sends, a line break after each item; as the agent judges it, the
     * breaks in the argument escaped, and as raw breaks, which mask() escapes too.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Sent: *5\\r\\n$5\\r\\nHELLO\\r\\n$1\\r\\n3\\r\\n$4\\r\\nAUTH\\r\\n$7\\r\\ndefault\\r\\n$11\\r\\nNotTheReal2\\r\\n`"
            + " | `Sent: *5\\r\\n$5\\r\\nHELLO\\r\\n$1\\r\\n3\\r\\n$4\\r\\nAUTH\\r\\n$7\\r\\ndefault\\r\\n$11\\r\\n"
            + "[PASSWORD_KV]\\r\\n`",
        "`Sent: *2\\r\\n$4\\r\\nAUTH\\r\\n$8\\r\\nhunter2x\\r\\n`"
            + " | `Sent: *2\\r\\n$4\\r\\nAUTH\\r\\n$8\\r\\n[PASSWORD_KV]\\r\\n`",
        "`Sent: *3\\r\\n$4\\r\\nAUTH\\r\\n$3\\r\\napp\\r\\n$9\\r\\nhunt r2 x\\r\\n*1\\r\\n$4\\r\\nPING\\r\\n`"
            + " | `Sent: *3\\r\\n$4\\r\\nAUTH\\r\\n$3\\r\\napp\\r\\n$9\\r\\n[PASSWORD_KV]\\r\\n*1\\r\\n$4\\r\\nPING\\r\\n`",
        "`*2\\n$4\\nAUTH\\n$8\\nhunter2x\\n` | `*2\\n$4\\nAUTH\\n$8\\n[PASSWORD_KV]\\n`",
    })
    void masksThePasswordOfAnAuthInResp(String sent, String masked) {
        assertEquals(masked, masker.mask(sent));
        assertEquals(masked, masker.mask(sent.replace("\\r", "\r").replace("\\n", "\n")));
    }

    /** Redis's CONFIG SET of the server's password or its replica link's: no key, '=' or ':' before the value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "127.0.0.1:6379> CONFIG SET requirepass hunter2     | 127.0.0.1:6379> CONFIG SET requirepass [PASSWORD_KV]",
        "redis-cli config set masterauth hunter2 ok        | redis-cli config set masterauth [PASSWORD_KV] ok",
        "Executing CONFIG SET masterauth \"s3 cret\" now     | Executing CONFIG SET masterauth \"[PASSWORD_KV]\" now",
        "`1700000000.1 [0 127.0.0.1:5] \"CONFIG\" \"SET\" \"requirepass\" \"hunter2\"` "
            + "| `1700000000.1 [0 127.0.0.1:5] \"CONFIG\" \"SET\" \"requirepass\" \"[PASSWORD_KV]\"`",
        "`Sent: *4\\r\\n$6\\r\\nCONFIG\\r\\n$3\\r\\nSET\\r\\n$11\\r\\nrequirepass\\r\\n$7\\r\\nhunter2\\r\\n` "
            + "| `Sent: *4\\r\\n$6\\r\\nCONFIG\\r\\n$3\\r\\nSET\\r\\n$11\\r\\nrequirepass\\r\\n$7\\r\\n[PASSWORD_KV]\\r\\n`",
    })
    void masksThePasswordRedisConfigSetGives(String sent, String masked) {
        assertEquals(masked, masker.mask(sent));
        assertEquals(masked, masker.mask(sent.replace("\\r", "\r").replace("\\n", "\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONFIG SET maxmemory 100mb", "UPDATE users SET requirepass_hint = 'x'", "SET requirepass",
        "CONFIG SET requirepass \"\"", "SETTINGS requirepass hunter2", "set my requirepass", "reset masterauth"})
    void leavesOtherSetsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Redis's ACL SETUSER: a rule starting '>' or '<' is a password, '#' a password's SHA-256; the other rules stay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "ACL SETUSER app on >hunter2x ~app:* +@read       | ACL SETUSER app on >[PASSWORD_KV] ~app:* +@read",
        "acl setuser app resetpass <old-Pw-1 >new-Pw-2 ~* | acl setuser app resetpass <[PASSWORD_KV] ~*",
        "`\"ACL\" \"SETUSER\" \"app\" \"on\" \">s3 cret\" \"~*\"` "
            + "| `\"ACL\" \"SETUSER\" \"app\" \"on\" \">[PASSWORD_KV]\" \"~*\"`",
        "`ACL SETUSER h on #9c1185a5c5e9fc54612808977ee8f548b2258d31e1b2d2f0b4b5f6c4a2c1c0ff ~*` "
            + "| `ACL SETUSER h on #[PASSWORD_KV] ~*`",
        "`Sent: *6\\r\\n$3\\r\\nACL\\r\\n$7\\r\\nSETUSER\\r\\n$3\\r\\napp\\r\\n$2\\r\\non\\r\\n$9\\r\\n>hunter2x\\r\\n` "
            + "| `Sent: *6\\r\\n$3\\r\\nACL\\r\\n$7\\r\\nSETUSER\\r\\n$3\\r\\napp\\r\\n$2\\r\\non\\r\\n$9\\r\\n"
            + ">[PASSWORD_KV]\\r\\n`",
    })
    void masksThePasswordOfAnAclRule(String sent, String masked) {
        assertEquals(masked, masker.mask(sent));
        assertEquals(masked, masker.mask(sent.replace("\\r", "\r").replace("\\n", "\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"the SETUSER command failed", "ACL SETUSER app on ~app:* +@read -@dangerous",
        "ACL SETUSER h on #9c1185a5 ~*", "ACL SETUSERS app >x", "ACL SETUSER app on > ~*"})
    void leavesAclRulesWithoutPasswordsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Typed or quoted, the command ends with its line: a '>' word on the next is not its rule. */
    @Test
    void readsATypedAclCommandToItsLineEnd() {
        assertEquals("ACL SETUSER app on ~*\\nthen >later", masker.mask("ACL SETUSER app on ~*\nthen >later"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sent: *1\\r\\n$4\\r\\nAUTH\\r\\n", "$5\\r\\nAUTHX\\r\\n$8\\r\\nhunter2x\\r\\n",
        "$3\\r\\nAUTH\\r\\n$8\\r\\nhunter2x\\r\\n", "$4\\nAUTH\\nrequired for this command",
        "$4\\r\\nAUTH\\r\\n$x\\r\\nhunter2x"})
    void leavesRespThatSendsNoPasswordAlone(String sent) {
        assertEquals(sent, masker.mask(sent));
    }
}
