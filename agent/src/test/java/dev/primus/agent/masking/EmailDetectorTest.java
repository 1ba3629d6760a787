package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
    private final Masker masker = Masker.builder().detectors("email").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "john.doe@example.com", "JOHN@EXAMPLE.COM", "first+tag@mail.example.co.uk", "a_b-c%d@sub-domain.example.org",
        "x@example.museum",
        // Digits for a domain's first label (China's mail providers), a capital before '@' but no package.
        "zhang.wei@163.com", "Bob@12345.com", "John.Smith@cafe1.de", "Connections@8de145.init",
    })
    void masksEmailAddresses(String email) {
        assertEquals("from [EMAIL] ok", masker.mask("from " + email + " ok"));
    }

    @Test
    void masksAnAddressInAngleBracketsAndKeepsTheBrackets() {
        assertEquals("To: John <[EMAIL]>", masker.mask("To: John <john@example.com>"));
    }

    @Test
    void masksOnlyTheAddressAfterAKey() {
        assertEquals("user=[EMAIL]; mailto:[EMAIL]", masker.mask("user=john@example.com; mailto:jane@example.com"));
    }

    @Test
    void leavesTheSentenceFullStopOutOfTheAddress() {
        assertEquals("write to [EMAIL].", masker.mask("write to john@example.com."));
    }

    @Test
    void doesNotTakeTheEscapedLineBreakIntoTheAddress() {
        assertEquals("a\\n[EMAIL]", masker.mask("a\njohn@example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UPI collect: {\"vpa\":\"gaurav.kumar@okhdfcbank\",\"amount\":\"499.00\"}"
            + " | UPI collect: {\"vpa\":\"[EMAIL]\",\"amount\":\"499.00\"}",
        "payerVpa=rahulsharma1990@paytm status=SUCCESS  | payerVpa=[EMAIL] status=SUCCESS",
        "paid to asha.r@ybl.                            | paid to [EMAIL].",
    })
    void masksAUpiPaymentAddress(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rabbit@upinode", "x@paytm.internal.example.log", "thread@SBI", "git@upi:repo", "a@ybl2"})
    void leavesWhatIsNoUpiAddressAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.o'brien@example.com", "d'angelo@example.com", "o'neil.o'hara@example.ie"})
    void takesAnApostropheInANameIntoTheAddress(String email) {
        assertEquals("contact [EMAIL] now", masker.mask("contact " + email + " now"));
    }

    @Test
    void leavesTheQuotesAroundAnAddressOutOfIt() {
        assertEquals("user='[EMAIL]' name='[EMAIL]' it's [EMAIL]",
                masker.mask("user='john@example.com' name='o'x@example.com' it's y@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@Override", "foo@bar", "lib@1.2.3", "user@localhost", "@", "a@b.c", "name@example.c0m", "@@@",
        "x@-example.com", "x@example-.com",
        "rabbit@localhost.log", "node@host.example.json", // a node name and its file, not an address
        // An object's toString, then a method's name in camel case (Metro's fiber trace): no top-level domain.
        "com.sun.xml.ws.protocol.soap.ClientMUTube@779dfe55.processRequest",
        // A qualified class's object, then a member: the JDK's LDAP pool, OpenJPA's fields (a decimal hash).
        "com.sun.jndi.ldap.pool.Connections@68de145.release():", "\"r.model.AppUser@1564892747.apiKey\"",
        "r.model.AppUser@1564892747.email",
        // An HTTP Digest realm named after a host, as RFC 7616 suggests: a protection space, no mailbox.
        "realm=\"testrealm@host.com\"", "WWW-Authenticate: Digest realm=intranet@example.com",
        // An Erlang node's name in a Kubernetes cluster's DNS (RabbitMQ's cluster operator): no mailbox there.
        "rabbit@rabbitmq-0.rabbitmq-headless.default.svc.cluster.local", "couchdb@couchdb-1.couchdb.db.svc.cluster.local",
    })
    void leavesThingsThatAreNotAddressesAlone(String text) {
        assertEquals("see " + text + " here", masker.mask("see " + text + " here"));
    }

    /** systemd's template units, as syslog and the journal name them: the unit type is no top-level domain. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Started getty@tty1.service - Getty on tty1.", "Started user@1000.service - User Manager for UID 1000.",
        "wg-quick@wg0.service: Succeeded.", "Listening on sshd@0-10.0.0.5:22-10.0.0.9:51234.socket",
        "Started certbot-renew@example.timer", "Created slice system-getty.slice and openvpn@client.service",
    })
    void leavesSystemdUnitsAlone(String line) {
        assertEquals(line, masker.mask(line));
    }

    /** .target is a brand's top-level domain as well as a unit type: an address there stays one. */
    @org.junit.jupiter.api.Test
    void masksAnAddressInTheTargetDomain() {
        assertEquals("mail [EMAIL]", masker.mask("mail jane@corp.target"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Cloning into app... git@github.com:acme/app.git",
        "git@github.com: Permission denied (publickey).",
        "remote: deploy@build.example.com:/srv/repo.git", "scp backup@host.example.org:~/dump.sql .",
        "Git@GitHub.com: Permission denied",
    })
    void leavesAGitOrScpRemoteAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sent to bob@example.com: ok           | sent to [EMAIL]: ok",
        "sent to bob@example.com:              | sent to [EMAIL]:",
        "to=bob@example.com:\\nnext           | to=[EMAIL]:\\nnext",
        "'bob@example.com:'                    | '[EMAIL]:'",
        "gitter@example.com: hi                | [EMAIL]: hi",
        "git@example.com ok                    | [EMAIL] ok",
        // Addresses ':' joins, as Log4j2 names its SMTP manager: another address, no remote's path.
        "SMTP:ops@example.com:oncall@example.org | SMTP:[EMAIL]:[EMAIL]",
    })
    void masksAnAddressFollowedByAColonThatStartsNoPath(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** curl's USER:PASSWORD: the user is a mailbox (Atlassian's and Zendesk's APIs log in so), not a remote. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "curl -u bob@example.com:s3cret https://x.example.com        | curl -u [EMAIL]:s3cret https://x.example.com",
        "curl -s --user bob@example.com:s3cret https://x.example.com | curl -s --user [EMAIL]:s3cret https://x.example.com",
        "curl --user=bob@example.com:s3cret https://x.example.com    | curl --user=[EMAIL]:s3cret https://x.example.com",
        "curl -U bob@example.com:s3cret -x proxy:3128 https://x      | curl -U [EMAIL]:s3cret -x proxy:3128 https://x",
        "rsync -u deploy@web1.example.com:/srv/app ./app             | rsync -u deploy@web1.example.com:/srv/app ./app",
        "tool -u deploy@web1.example.com:/srv/app                    | tool -u deploy@web1.example.com:/srv/app",
    })
    void masksTheUserOfCurlsUserFlag(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void masksAnAddressWithAccentedLetters() {
        assertEquals("Sending welcome mail to [EMAIL]",
                masker.mask("Sending welcome mail to j\u00fcrgen.m\u00fcller@m\u00fcller-bau.de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u0432\u0438\u043a\u0442\u043e\u0440@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", // Cyrillic
        "\u7528\u6237@\u4f8b\u5b50.\u4e2d\u56fd", // Chinese
        "\u0930\u093e\u092e@\u0909\u0926\u093e\u0939\u0930\u0923.\u092d\u093e\u0930\u0924", // Devanagari, vowel signs
        "caf\u00e9@example.com", "bob@b\u00fccher.example", "\u00e9l\u00e8ve.\u00e9cole@example.fr",
    })
    void masksAnAddressWithLettersOfAnyScript(String email) {
        assertEquals("from [EMAIL] ok", masker.mask("from " + email + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "m\u00fcller@localhost", "\u00e9@1.2.3", "caf\u00e9@h\u00f4te", "x@\u00e9xample.c\u00f60m",
        "m\u00fcller@host.log", "@\u00dcbersicht",
    })
    void leavesNonAsciiThingsThatAreNotAddressesAlone(String text) {
        assertEquals("see " + text + " here", masker.mask("see " + text + " here"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"GET /api/users?email=jane.doe%40example.com HTTP/1.1\" 200 | \"GET /api/users?email=[EMAIL] HTTP/1.1\" 200",
        "body: email=jane%2Bnews%40example.com&remember=on          | body: email=[EMAIL]&remember=on",
    })
    void masksAnAddressWhoseAtIsUrlEncoded(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"done 50% of 40 jobs", "a%40b", "rate=100%40ms", "x%40example"})
    void leavesEncodedTextThatIsNoAddressAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Login successful for user kafka/broker1.acme.io@ACME.IO using keytab",
        "principal=HTTP/app.acme.io@ACME.IO", "logged in as nn/namenode.example.com@EXAMPLE.COM",
        // Hadoop's placeholder for the host's name in a service principal, as its default configuration writes it.
        "<name>mapreduce.jobhistory.principal</name><value>jhs/_HOST@REALM.TLD</value>"})
    void leavesKerberosServicePrincipalsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void masksAnAddressWrittenInUpperCase() {
        assertEquals("to [EMAIL] ok", masker.mask("to BOB@ACME.IO ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh -p 2222 deploy@bastion.example.com",
        "ssh -i key.pem ec2-user@ec2-54-1-2-3.compute-1.amazonaws.com",
        "sshpass -p x ssh deploy@sftp.example.com uptime", "rsync -az ./dist deploy@web1.example.com",
        "/usr/bin/ssh deploy@web1.example.com uptime"})
    void leavesTheLoginOfAnSshClientAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ssh done; mail bob@example.com     | ssh done; mail [EMAIL]",
        "sent to bob@example.com via ssh    | sent to [EMAIL] via ssh",
        "sshd accepted for bob@example.com  | sshd accepted for [EMAIL]",
    })
    void masksAnAddressNearTheWordSshOutsideItsCommand(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kernel: Linux version 2.6.5-1.358 (bhcompile@bugs.build.redhat.com) (gcc version 3.3.3 20040412) #1 Sat May 8",
        "[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0)",
        "Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045.buildd) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0)"})
    void leavesTheBuilderInALinuxKernelsBootBannerAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** OpenSSH and libssh name their own algorithms under their domains: sshd's debug log, auditd's CRYPTO_SESSION. */
    @ParameterizedTest
    @ValueSource(strings = {
        "type=CRYPTO_SESSION msg='op=start direction=from-server cipher=chacha20-poly1305@openssh.com ksize=512 mac= "
            + "pfs=curve25519-sha256@libssh.org spid=1299 suid=74'",
        "debug1: kex: server->client cipher: aes128-gcm@openssh.com MAC: <implicit> compression: none",
        "debug1: kex: host key algorithm: ssh-ed25519-cert-v01@openssh.com",
        "MACs hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com",
        // JSch 2.28 at INFO, Apache MINA SSHD 2.20 at DEBUG (SFTP's extensions, a chunk cut mid-name).
        "kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: zlib@openssh.com",
        "appendOpenSSHExtensions(ServerSessionImpl[bob@/127.0.0.1:50630]): [fsync@openssh.com 1, hardlink@openssh.com 1,"
            + " lsetstat@openssh.com 1, posix-rename@openssh.com 1, limits@openssh.com 1]",
        "[chunk #2](128/999) 12@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,cu",
        "m@openssh.com,aes256-gcm@openssh.com,aes128-cbc"})
    void leavesSshAlgorithmNamesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail djm@openssh.com about the release | mail [EMAIL] about the release",
        "sent to aes128-gcm@example.com         | sent to [EMAIL]",
    })
    void masksAPersonsAddressAtAnSshDomain(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Linux version 6.1 mailed to (bob@example.com)   | Linux version 6.1 mailed to ([EMAIL])",
        "contact (bob@example.com) about Linux version 6 | contact ([EMAIL]) about Linux version 6",
        "version 6.1.0 (bob@example.com)                 | version 6.1.0 ([EMAIL])",
    })
    void masksAnAddressNearTheKernelBannersWordsOutsideIt(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/cleanup[20944]: 4F2A81C0B3D: message-id=<20240314032550.4F2A81C0B3D@mail01.example.com>",
        "lmtp(bob)<17879><NN5PHpWFFmvXRQAAg+zDdQ>: Info: msgid=<1796638101048924357.0@mail.partner-corp.example.com>: saved",
        "Message-ID: <CAH2xYz123abc@mail.gmail.com>",
        // Gmail's ids hold '+' and '='; the ids a mail answers and refers to; Exim's CRAM-MD5 challenge at -d+all.
        "Message-ID: <CAJvTdKn6i+2Xh=z9qFJZ5bYpG0qF8yM0m1VwR7Tj9kQ@mail.gmail.com>",
        "In-Reply-To: <CAJvTdKn6i2XhZ9qFJZ5bYpG0qF8yM0m1VwR7Tj9kQ@mail.gmail.com>",
        "References: <a1b2c3@mx.example.com> <d4e5f6@mx.example.com>",
        "15:55:07.400 21617           challenge = <21617.1796658907@mail.c.example.com>",
        "node           : rabbit@rabbitmq-0.rabbitmq-nodes.default",
        "Starting broker... completed with 3 plugins. node rabbit@mq1.prod.example",
        // An IMAP trace's ENVELOPE (GreenMail 2.1, Angus Mail 2.0): Jakarta Mail's Message-ID, no key before it.
        "S: * 1 FETCH (ENVELOPE (\"Mon, 7 Dec 2026\" \"Order\" NIL NIL NIL \"<572868060.0.1796630450308@example.org>\"))",
        "In-Reply-To: x \"<1234.5.1700000000.JavaMail.app@host.example>\"",
        "NIL \"INBOX\" NIL NIL", "(NIL NIL \"undisclosed-recipients\" NIL)", "NIL \"a\" \"b\")", "Null pointer",
        "handler=com.acme.Foo@1a2b3c... (truncated)", "Object@abcdef...", "bob@ab..."})
    void leavesMessageIdsAndRabbitMqNodesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "from=<bob@example.com>                        | from=<[EMAIL]>",
        "reply-to: <bob@example.com>                   | reply-to: <[EMAIL]>",
        "mail to rabbit.fan@example.com                | mail to [EMAIL]",
        "to: \"<12345678@qq.com>\"                        | to: \"<[EMAIL]>\"",
        "to: <1.2@example.com>                         | to: <[EMAIL]>",
        // After keys that name no mail's id, and a sender's address after an id's key but outside its brackets.
        "reply to <bob@example.com> <alice@example.com> | reply to <[EMAIL]> <[EMAIL]>",
        "From: Bob <bob@example.com> references: none  | From: Bob <[EMAIL]> references: none",
        "challenge = bob@example.com                   | challenge = [EMAIL]",
        // A preview that cut the address and said so: jnats' message preview, Jetty's buffer summary.
        "received IncomingMessage {\"email\":\"erin.nats@example... headers=x"
            + " | received IncomingMessage {\"email\":\"[EMAIL]... headers=x",
        "Encoding [{customer={name=Alice, email=alice.morgan@example.c (truncated)...]"
            + " | Encoding [{customer={name=Alice, email=[EMAIL] (truncated)...]",
        "user bob@host and more words (truncated)...   | user bob@host and more words (truncated)...",
        // IMAP's ENVELOPE (GreenMail 2.1's and Angus Mail 2.0's traces): the mailbox and host in quoted fields of their own.
        "(\"Alice Johnson\" NIL \"alice.johnson\" \"example.org\")) ((NIL NIL \"support\" \"shop.example.com\"))"
            + " | (\"Alice Johnson\" NIL \"[EMAIL]\")) ((NIL NIL \"[EMAIL]\"))",
    })
    void masksAddressesInAngleBracketsAndLocalPartsLikeANodes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }
}
