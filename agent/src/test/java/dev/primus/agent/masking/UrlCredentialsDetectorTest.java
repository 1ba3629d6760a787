package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCredentialsDetectorTest {
    private final Masker masker = Masker.builder().detectors("url_credentials", "email", "password_kv").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // An object in brackets after a user info is no host: the '@' is still the user info's end.
        "'url=[redis://:S3cretPw9@cafe]' | 'url=[redis://:[URL_CREDENTIALS]@cafe]'",
        "'https://:0,[Pw9x@ab12' | 'https://:[URL_CREDENTIALS]@ab12'",
        "git clone https://8b081006f7e3dfc967a64cb14028d512c9791e55@github.com/acme/app.git | "
            + "git clone https://[URL_CREDENTIALS]@github.com/acme/app.git",
        "remote https://Xk9mP2qLw8zT4vR7nB3cQ1aS5dF6gH8jK0lZ2xC4vB6@dev.azure.com/acme/_git/app | "
            + "remote https://[URL_CREDENTIALS]@dev.azure.com/acme/_git/app",
        "https://8b081006f7e3dfc967a64cb14028d512c9791e55:x-oauth-basic@github.com/acme/app | "
            + "https://[URL_CREDENTIALS]:x-oauth-basic@github.com/acme/app",
    })
    void masksATokenThatStandsAsTheUser(String text, String masked) {
        assertEquals(masked, Masker.builder().detectors("url_credentials").build().mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://jenkins@ci.acme.io/job/x", "ssh://git@github.com/acme/app.git", "https://deploy-bot@host.acme.io/",
        "https://svc-account-2024@host.acme.io/", "ftp://anonymous@ftp.acme.io/pub",
    })
    void leavesAUserThatIsANameAlone(String text) {
        assertEquals(text, Masker.builder().detectors("url_credentials").build().mask(text));
    }

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

    /** Hadoop's s3n://ID:SECRET@bucket: a raw '/' in the secret key does not end the user info there. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3n://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY@bucket/logs/2026"
            + " | s3n://AKIAIOSFODNN7EXAMPLE:[URL_CREDENTIALS]@bucket/logs/2026",
        "s3a://ASIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI+K7MDENG+bPxRfiCYEXAMPLEKEY@bucket"
            + " | s3a://ASIAIOSFODNN7EXAMPLE:[URL_CREDENTIALS]@bucket",
        // Not an access key id, or not 40 chars: the user info ends at the '/' as any URL's does.
        "s3n://AKIAIOSFODNN7EXAMPL:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY@bucket"
            + " | s3n://AKIAIOSFODNN7EXAMPL:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY@bucket",
        "s3n://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE@bucket"
            + " | s3n://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE@bucket",
        "http://host:8080/a/b@c | http://host:8080/a/b@c",
    })
    void masksAnAwsSecretKeyWrittenRawInAnS3Url(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    private static final String TELEGRAM = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    /** 68 chars, as Discord's webhook tokens are. */
    private static final String DISCORD = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123";

    /** A Discord webhook's token, in the five forms a URL is written: only the token after the webhook's id. */
    @ParameterizedTest
    @ValueSource(strings = {
        "https://discord.com/api/webhooks/1234567890123456789/%s",
        "DISCORD_WEBHOOK_URL=https://discordapp.com/api/webhooks/123456789012345678/%s",
        "{\"webhook\":\"https://discord.com/api/v10/webhooks/1234567890123456789/%s?wait=true\"}",
        "POST https://canary.discord.com/api/webhooks/1234567890123456789/%s failed with 429",
        "alerts go to https://Discord.com/api/webhooks/1234567890123456789/%s from now on",
        "https://discord.com:443/api/webhooks/1234567890123456789/%s", // the port written out, as the audit does
    })
    void masksADiscordWebhooksToken(String form) {
        String line = String.format(form, DISCORD);
        assertEquals(String.format(form, "[URL_CREDENTIALS]"), masker.mask(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://notdiscord.com/api/webhooks/1234567890123456789/%s", // another host
        "https://discord.com.evil.io/api/webhooks/1234567890123456789/%s",
        "https://discord.com.evil.io:443/api/webhooks/1234567890123456789/%s",
        "https://discord.com:/api/webhooks/1234567890123456789/%s", // a colon, no port
        "https://example.com/api/webhooks/1234567890123456789/%s",
        "https://discord.com/api/channels/1234567890123456789/%s", // no webhook
        "https://discord.com/api/webhooks/1234/%s", // an id too short
        "https://discord.com/api/webhooks/1234567890123456789/%sAbCdEfGhIjKlMn", // a token too long
        "https://discord.com:8443/api/webhooks/1234567890123456789/AbCdEf", // too short
    })
    void leavesOtherDiscordUrlsAlone(String form) {
        String line = String.format(form, DISCORD);
        assertEquals(line, masker.mask(line));
    }

    /** A Telegram bot's token in a Bot API path: only the secret after the bot's id. */
    @ParameterizedTest
    @ValueSource(strings = {
        "https://api.telegram.org/bot110201543:%s/getMe",
        "http-outgoing-0 >> GET /bot110201543:%s/sendMessage?chat_id=42 HTTP/1.1",
        "https://api.telegram.org/file/bot110201543:%s/photos/file_7.jpg",
        "{\"url\":\"https://api.telegram.org/bot110201543:%s/getUpdates\"}",
        "webhook set by calling https://api.telegram.org/bot110201543:%s",
        "https://api.telegram.org/bot5555555555:%sQ/getMe", // 35 chars, as most tokens are
    })
    void masksATelegramBotTokenInItsApiPath(String form) {
        String line = String.format(form, TELEGRAM);
        assertEquals(String.format(form, "[URL_CREDENTIALS]").replace("]Q/", "]/"), masker.mask(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/robot110201543:%s/getMe",            // not the API's /bot
        "/bot1102:%s/getMe",                   // an id too short
        "/bot110201543:%sAAAAAAA/getMe",       // a secret too long
        "/bot110201543:AAHdq/getMe",           // too short
        "/bot110201543:aAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe",
    })
    void leavesOtherPathsAlone(String form) {
        String line = String.format(form, TELEGRAM);
        assertEquals(line, masker.mask(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@example.com/x", "http://example.com:8080/a@b", "redis://cache:6379",
        "postgres://app:@db/app", "jdbc:postgresql://db:5432/app", "see http://host/a:b@c", "://x:y@z",
        "postgres://app:${DB_PASSWORD}@db/app", "http://example.com/?next=http://x"})
    void leavesUrlsWithoutAPasswordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Reactor Netty 1.3 (run here on 2026-12-07) handed http://bob:pa55word@127.0.0.1:41649/x: its pool and its error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Creating a new [http] client pool [PoolFactory{evictionInterval=PT0S}] for"
            + " [bob:pa55word@127.0.0.1/<unresolved>:41649]"
            + " | Creating a new [http] client pool [PoolFactory{evictionInterval=PT0S}] for"
            + " [bob:[URL_CREDENTIALS]@127.0.0.1/<unresolved>:41649]",
        "java.net.UnknownHostException: Failed to resolve 'bob:pa55word@127.0.0.1' [A(1), AAAA(28)] after 2 queries"
            + " | java.net.UnknownHostException: Failed to resolve 'bob:[URL_CREDENTIALS]@127.0.0.1' [A(1),"
            + " AAAA(28)] after 2 queries",
        "Connecting with admin:S3cret!Pw9@localhost:5432 | Connecting with admin:[URL_CREDENTIALS]@localhost:5432",
        "postgres://app:s3cr3tPw@127.0.0.1:5432/app    | postgres://app:[URL_CREDENTIALS]@127.0.0.1:5432/app",
        // jnats 2.26's connect trace: a NATS URL's user info alone is the token its clients send.
        "connect trace: trying to connect to nats://tk_9Fh3Lq8Zx2Vn7Wc4@127.0.0.1:24223"
            + " | connect trace: trying to connect to nats://[URL_CREDENTIALS]@127.0.0.1:24223",
        "https://8b081006f7e3dfc967a64cb14028d512c9791e55@github.com:443/acme/app.git"
            + " | https://[URL_CREDENTIALS]@github.com:443/acme/app.git",
    })
    void masksThePasswordBeforeAnAddressWithNoScheme(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** The same shape before a name, or after a key, or with a port's digits: no user info. */
    @ParameterizedTest
    @ValueSource(strings = {"pulling nginx:1.25@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "Login user:bob@10.0.0.7 accepted", "mailto:ops@127.0.0.1", "db:5432@10.0.0.7", "sip:alice@192.168.1.20:5060",
        "at 10:30@127.0.0.1", "bob:s3cret@127.0.0.1x", "cluster:abc@1.2.3.4.5",
        // Camel 4.22 hides the password itself, in the endpoint's URI and its path.
        "Creating endpoint uri=[http://bob:xxxxxx@127.0.0.1:22391/x], path=[bob:xxxxxx@127.0.0.1:22391/x]",
        // HDFS's client names its lease renewer's thread by the user and the NameNode (Hadoop 3.4).
        "DEBUG [LeaseRenewer:root@localhost:39317] org.apache.hadoop.hdfs.client.impl.LeaseRenewer: Lease renewer daemon"})
    void leavesTheShapeAloneWhereItHoldsNoPassword(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Jetty 12's client names a destination by an object holding the URL: a host, a port and hashes, no user info. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Created HttpDestination[Origin@271803a6[http://127.0.0.1:18704]@7f4624a[proto=[http/1.1],nego=false]]@81b5db0",
        "STARTED HttpDestination[Origin@271803a6[http://127.0.0.1:18704,tag=null,protocol=Protocol@7f4624a[p=http/1.1]]]",
        // Jetty 9.4's HttpConfiguration (Spark 3.5's UI at DEBUG): a URL with no host, a port, then an object.
        "HttpConnectionFactory@fe7b6b0[HTTP/1.1] added {HttpConfiguration@54e3658c{32768/8192,8192/8192,https://:0,"
            + "[SecureRequestCustomizer@7ab4ae59]},POJO}",
        "(http://localhost:8080)@1a2b3c", "{https://api:443,id=1,owner=Pool@5e2c3d18}",
    })
    void leavesAUrlABracketClosesBeforeAnAtAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[postgres://app:s3cr3tPw@db:5432/app]   | [postgres://app:[URL_CREDENTIALS]@db:5432/app]",
        "(redis://:hunter2Xq@cache:6379)         | (redis://:[URL_CREDENTIALS]@cache:6379)",
        "url=<amqp://guest:gu3st!@mq>            | url=<amqp://guest:[URL_CREDENTIALS]@mq>",
        "postgres://app:p@ss],w0rd@db/app        | postgres://app:[URL_CREDENTIALS]@db/app",
    })
    void masksThePasswordOfAUrlInBrackets(String text, String masked) {
        assertEquals(masked, masker.mask(text));
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Starting bot 5463567634:AADnNXT3fpOiHtfpn_PlzPOhGS8NiChp311     | Starting bot 5463567634:[URL_CREDENTIALS]",
        "rotated to 82796061:AAu31G5OSVD9kIcIugqj3bpB8cyOYPgJMM3, at 10:41 | "
            + "rotated to 82796061:[URL_CREDENTIALS], at 10:41",
    })
    void masksATelegramBotTokenWrittenAlone(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "id 5463567634:AADnNXT3fpOiHtfpn_PlzPOhGS8NiChp31",   // 34 chars after the ':'
        "id 5463567634:ABDnNXT3fpOiHtfpn_PlzPOhGS8NiChp311",  // not "AA"
        "id 546356:AADnNXT3fpOiHtfpn_PlzPOhGS8NiChp311",      // an id too short
        "x5463567634:AADnNXT3fpOiHtfpn_PlzPOhGS8NiChp311",    // inside a word
        "seq 12345678:AADnNXT3fpOiHtfpn_PlzPOhGS8NiChp311x9"})
    void leavesOtherShapesAfterAnIdAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
