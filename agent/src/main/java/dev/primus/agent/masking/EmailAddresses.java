package dev.primus.agent.masking;

/**
 * email: {@code local@domain.tld}, found from its '@', or from the {@code %40} that URL-encodes it
 * in a query or form body ({@code ?email=jane.doe%40example.com}). The local part is letters, digits and
 * {@code . _ % + -} (at most 64, starting with a letter or digit), and an apostrophe between two
 * of its letters or digits ({@code o'brien}); the domain is two or more
 * labels with a letters-only top-level label of two or more. So {@code @Override},
 * {@code foo@bar} and {@code lib@1.2.3} are not addresses. Letters and digits are those of any
 * script, as internationalised addresses (RFC 6531) and domains are written:
 * {@code jürgen.müller@müller-bau.de}, {@code виктор@пример.рф}. Also a UPI payment address, the
 * same shape with a payment app's or bank's handle for a domain ({@code gaurav.kumar@okhdfcbank}).
 */
final class EmailAddresses {
    private static final int MAX_LOCAL = 64;
    private static final String REALM = "realm=";
    private static final String CLUSTER_DOMAIN = "cluster.local";
    /** As far back as a URL's user and password are read (UrlCredentials reads 512 chars forward). */
    private static final int MAX_USER_INFO = 512;
    private static final int MAX_LABEL = 63;
    /** An identity hash in hex is up to 8 digits; fewer than 5 are rare, and a domain's first label as often. */
    private static final int MIN_IDENTITY_HASH = 5;
    /** {@code Integer.toString} of a non-negative identity hash: up to 10 digits. */
    private static final int MAX_DECIMAL_HASH = 10;
    private static final int MAX_DOMAIN = 253;
    /** The clients that take a {@code user@host} to log in to, as their first word. */
    private static final String[] SSH_COMMANDS = {"ssh", "scp", "sftp", "rsync", "mosh", "ssh-copy-id"};
    /** The domains SSH implementations name their own algorithms under: OpenSSH's and libssh's. */
    private static final String[] SSH_VENDOR_DOMAINS = {"openssh.com", "libssh.org"};
    /**
     * OpenSSH's names of one word with no digit: its compression, its SFTP extensions, its global
     * and channel requests ({@code compression: zlib@openssh.com}, {@code [fsync@openssh.com 1, ...]}).
     */
    private static final String[] SSH_ONE_WORD_NAMES = {"zlib", "fsync", "hardlink", "limits", "statvfs", "fstatvfs",
        "lsetstat", "keepalive", "ping", "eow", "tun"};
    /** What a preview that cut a value ends it with ({@link #cutDomainEnd}). */
    private static final String ELLIPSIS = "...";
    /** The fewest chars of a domain a preview cut that still read as one: {@code exam...} does, {@code ab...} not. */
    private static final int MIN_CUT_DOMAIN = 4;
    /** An IMAP address's empty route before its quoted mailbox ({@link #imapAddress}). */
    private static final String IMAP_ROUTE = "NIL \"";
    /** What Jakarta Mail's Message-ID holds after its numbers: {@code .JavaMail.user@host}. */
    private static final String JAVAMAIL = "JavaMail.";
    /** The SSH user of every git host (GitHub, GitLab, Bitbucket): {@code git@github.com}. */
    private static final String GIT_USER = "git";
    /** What a Linux kernel's boot banner says before its version: {@link #isKernelBuilder}. */
    private static final String KERNEL_BANNER = "Linux version ";
    private static final int MAX_KERNEL_VERSION = 64;
    /** The header or field that names a mail's id, compared as keys are: {@link #isMessageId}. */
    private static final String MESSAGE_ID = "messageid";
    /** Dovecot's name for it in its LMTP and IMAP lines: {@code msgid=<…>}. */
    private static final String MSGID = "msgid";
    /**
     * The keys of a mail's ids, compared as keys are: its own, Dovecot's, the ids it answers and
     * refers to, and the made-up id a CRAM-MD5 server sends as its challenge (RFC 2195,
     * {@code <pid.time@host>}).
     */
    private static final String[] MESSAGE_ID_KEYS = {MESSAGE_ID, MSGID, "inreplyto", "references", "challenge"};
    /** The longest Message-ID read back over, and the most of References' earlier ids stepped over. */
    private static final int MAX_ID = 256;
    private static final int MAX_REFERENCES = 16;
    /** The name RabbitMQ gives every node of a cluster before its host. */
    private static final String RABBIT_NODE = "rabbit";
    private static final String[] FILE_EXTENSIONS = {"log", "txt", "json", "xml", "yml", "yaml", "properties", "conf",
        "cfg", "ini", "java", "class", "jar", "war", "lock", "pid", "tmp", "bak", "gz", "csv", "sql", "out", "err",
        "html", "htm", "png", "jpg", "gif", "pem", "crt", "der", "jks", "sock",
        // systemd's unit types, whose template units are named with an '@' (getty@tty1.service,
        // user@1000.service), in every system log; not "target", which is a top-level domain.
        "service", "socket", "timer", "path", "slice", "scope", "device", "swap", "mount", "automount"};

    /**
     * The handles of UPI payment addresses, as NPCI lists them for the apps and banks most people
     * use: PhonePe, Google Pay, Paytm, Amazon Pay, BHIM, WhatsApp, the banks' own.
     */
    private static final String[] UPI_HANDLES = {"ybl", "ibl", "axl", "okaxis", "okhdfcbank", "okicici", "oksbi", "paytm",
        "ptyes", "ptaxis", "pthdfc", "ptsbi", "apl", "yapl", "rapl", "upi", "icici", "hdfcbank", "sbi", "axisbank", "axisb",
        "kotak", "indus", "federal", "yesbank", "idfcbank", "idfcfirst", "rbl", "boi", "pnb", "barodampay",
        "unionbankofindia", "cnrb", "ikwik", "freecharge", "airtel", "jio", "waicici", "wahdfcbank", "waaxis", "wasbi",
        "fbl", "jupiteraxis", "naviaxis", "superyes", "abfspay", "aubank", "kvb", "kbl", "dbs", "hsbc", "citi", "myicici"};
    private static final int MAX_UPI_HANDLE = 16;

    private EmailAddresses() {
    }

    /** {@code at} is the '@'. */
    static long match(CharSequence s, int from, int at, int end) {
        // The '@' URL-encoded, as a query or form body holds an address: jane.doe%40example.com.
        int domain = s.charAt(at) != '%' ? at + 1 : isEncodedAt(s, at, end) ? at + 3 : -1;
        if (domain < 0) {
            return Match.NONE;
        }
        // The domain first: most '@' in a log line are no address ("Endpoint@1f2e3d"), and the
        // few chars after one tell so at once, where the local part is read back up to 64 chars.
        int domainEnd = domainEnd(s, domain, end);
        if (domainEnd < 0) {
            domainEnd = upiHandleEnd(s, domain, end);
        }
        if (domainEnd < 0) {
            domainEnd = cutDomainEnd(s, domain, end);
        }
        if (domainEnd < 0) {
            return Match.NONE;
        }
        int start = localStart(s, from, at);
        return start < 0 || isRemote(s, start, at, domainEnd, end) && !CommandPasswordFlags.isCurlUser(s, from, start)
                || isDigestRealm(s, from, start)
                || isKerberosPrincipal(s, from, start, domain, domainEnd)
                || isSshLogin(s, from, start) || isKernelBuilder(s, from, start) || isMessageId(s, from, start, at)
                || isRabbitNode(s, start, at) || isSshAlgorithm(s, start, at, domain, domainEnd)
                || isObjectThenMember(s, start, at, domain, domainEnd)
                ? Match.NONE : Match.of(start, domainEnd);
    }

    /**
     * Whether the address is an object's {@code toString} and then a member's name, as the JDK's LDAP
     * pool traces what it calls ({@code com.sun.jndi.ldap.pool.Connections@68de145.release()}): a class's
     * qualified name (a package in lower case, a '.', a name starting with a capital), then a domain
     * of two labels, the first an identity hash in hex with a digit and a letter in it, or in decimal
     * (OpenJPA's {@code r.model.AppUser@1564892747.apiKey}). A camel-case
     * member needs no package ({@link #isHashThenMethod}).
     */
    private static boolean isObjectThenMember(CharSequence s, int start, int at, int domain, int domainEnd) {
        int simpleName = at;
        while (simpleName > start && s.charAt(simpleName - 1) != '.') {
            simpleName--;
        }
        if (simpleName - 2 < start || !CharClass.isUpper(s.charAt(simpleName)) || !CharClass.isLower(s.charAt(start))
                || !CharClass.isLower(s.charAt(simpleName - 2))) {
            return false;
        }
        int hashEnd = TextSearch.indexOf(s, '.', domain, domainEnd);
        if (hashEnd - domain < MIN_IDENTITY_HASH || TextSearch.indexOf(s, '.', hashEnd + 1, domainEnd) >= 0) {
            return false;
        }
        if (isDecimalHash(s, domain, hashEnd)) {
            return true;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = domain; i < hashEnd; i++) {
            digit |= CharClass.isDigit(s.charAt(i));
            letter |= CharClass.isLetter(s.charAt(i));
        }
        return digit && letter && hashEnd - domain <= FrameworkValues.MAX_IDENTITY_HASH
                && CharClass.hexEnd(s, domain, hashEnd) == hashEnd;
    }

    /** Whether {@code s[start, stop)} is an identity hash as OpenJPA writes one, in decimal: {@code AppUser@1564892747}. */
    private static boolean isDecimalHash(CharSequence s, int start, int stop) {
        return stop - start <= MAX_DECIMAL_HASH && CharClass.digitsEnd(s, start, stop) == stop;
    }

    /**
     * Whether the address is an HTTP Digest realm, which RFC 7616 suggests naming after a host
     * ({@code realm="intranet@example.com"}, {@code realm="testrealm@host.com"}): a protection space.
     */
    private static boolean isDigestRealm(CharSequence s, int from, int start) {
        int key = start > from && s.charAt(start - 1) == '"' ? start - 1 : start;
        return key - REALM.length() >= from && TextSearch.startsWithIgnoreCase(s, key - REALM.length(), key, REALM);
    }

    /**
     * Whether the address is the name of an SSH algorithm that its implementation named under its
     * own domain, as sshd's debug log, auditd's {@code CRYPTO_SESSION} records and {@code ssh -Q} print them:
     * {@code cipher=chacha20-poly1305@openssh.com}, {@code pfs=curve25519-sha256@libssh.org},
     * {@code hmac-sha2-256-etm@openssh.com}, {@code posix-rename@openssh.com}. Such a name joins
     * words with '-' or holds a digit, or is one of {@link #SSH_ONE_WORD_NAMES} or one char; a developer's
     * {@code djm@openssh.com} is none of them.
     */
    private static boolean isSshAlgorithm(CharSequence s, int start, int at, int domain, int domainEnd) {
        if (!TextSearch.isOneOf(s, domain, domainEnd, SSH_VENDOR_DOMAINS)) {
            return false;
        }
        boolean dash = false;
        boolean digit = false;
        for (int i = start; i < at; i++) {
            dash |= s.charAt(i) == '-';
            digit |= CharClass.isDigit(s.charAt(i));
        }
        // A local part of one char is a name's end that a row of a packet dump cut (m@openssh.com of aes128-gcm@…).
        return dash || digit || at - start == 1 || TextSearch.isOneOf(s, start, at, SSH_ONE_WORD_NAMES);
    }

    /**
     * Whether the address is the host part of a Kerberos service principal, {@code service/host@REALM}
     * ({@code kafka/broker1.acme.io@ACME.IO}, {@code HTTP/app.acme.io@ACME.IO}): a '/' before it and
     * a realm in upper case, as Kerberos writes realms; Hadoop's placeholder for the host's name too,
     * {@code nn/_HOST@ACME.IO}. A user's {@code bob@ACME.IO} stays masked.
     */
    private static boolean isKerberosPrincipal(CharSequence s, int from, int start, int domain, int domainEnd) {
        int slash = start - 1 > from && s.charAt(start - 1) == '_' ? start - 2 : start - 1;
        if (slash < from || s.charAt(slash) != '/') {
            return false;
        }
        for (int i = domain; i < domainEnd; i++) {
            if (CharClass.isLower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEncodedAt(CharSequence s, int at, int end) {
        return at + 3 < end && s.charAt(at + 1) == '4' && s.charAt(at + 2) == '0';
    }

    /**
     * Whether the address is a git or scp remote, {@code user@host:path} ({@code git@github.com:acme/app.git}),
     * or git's SSH user before a message ({@code git@github.com: Permission denied}): a login on a
     * host, not a mailbox. An address and then ": " ({@code sent to bob@example.com: ok}) or another
     * address ({@code bob@example.com:alice@example.org}) stays one.
     */
    private static boolean isRemote(CharSequence s, int start, int at, int domainEnd, int end) {
        if (domainEnd >= end || s.charAt(domainEnd) != ':') {
            return false;
        }
        return TextSearch.equalsIgnoreCase(s, start, at, GIT_USER)
                || (domainEnd + 1 < end && isPathStart(s.charAt(domainEnd + 1)) && !isLocalPartAt(s, domainEnd + 1, end));
    }

    /**
     * Whether another address's local part starts at {@code at}: a list of addresses ':' joins, as
     * Log4j2 names its SMTP manager ({@code SMTP:ops@example.com:oncall@example.org}), not a remote's path.
     */
    private static boolean isLocalPartAt(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at < MAX_LOCAL && (CharClass.isWord(s.charAt(i)) || ".%+-".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return i > at && i < end && s.charAt(i) == '@';
    }

    /**
     * Whether the address is the {@code user@host} an ssh client logs in with ({@code ssh -i k.pem
     * ec2-user@ec2-54-1-2-3.compute-1.amazonaws.com}, {@code sshpass -p x ssh deploy@host}): one of
     * {@link #SSH_COMMANDS} is a command's name earlier on the same command ({@link CommandWords}).
     */
    private static boolean isSshLogin(CharSequence s, int from, int start) {
        return CommandWords.givenTo(s, from, start, SSH_COMMANDS);
    }

    /**
     * Whether the address is the one a Linux kernel names its builder by in the banner every boot
     * log holds, {@code Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 ...)}:
     * a distribution's build account or list, not a person's mailbox. Only right after the banner's
     * words and version.
     */
    private static boolean isKernelBuilder(CharSequence s, int from, int start) {
        int version = start - 2;
        if (version <= from || s.charAt(start - 1) != '(' || s.charAt(version) != ' ') {
            return false;
        }
        int i = version;
        while (i > from && version - i <= MAX_KERNEL_VERSION && s.charAt(i - 1) > ' ') {
            i--;
        }
        return i < version && TextSearch.startsWith(s, i - KERNEL_BANNER.length(), i, KERNEL_BANNER);
    }

    /**
     * Whether the address is a mail's Message-ID in its angle brackets, as a mail server logs it
     * ({@code message-id=<20240314032550.4F2A81C0B3D@mail01.example.com>}, Postfix's cleanup; Dovecot's
     * {@code msgid=<…>}) or a
     * client ({@code Message-ID: <CAH2x...@mail.gmail.com>}): a name the sender's host made up. Also
     * one in angle brackets whose local part Jakarta Mail made, digits that '.' joins
     * ({@code <572868060.0.1796630450308@example.org>}, {@code <1234.5.1700000000.JavaMail.app@host>}), as
     * an IMAP trace's ENVELOPE gives it with no key before it.
     */
    private static boolean isMessageId(CharSequence s, int from, int start, int at) {
        int i = idStart(s, from, start);
        if (i <= from || s.charAt(i) != '<') {
            return false;
        }
        if (isJakartaMailId(s, i + 1, at)) {
            return true;
        }
        // References' earlier ids, "<a@x> <b@y>": the key stands before the first.
        for (int k = 0; k < MAX_REFERENCES && i - 2 > from && s.charAt(i - 1) == ' ' && s.charAt(i - 2) == '>'; k++) {
            int previous = TextSearch.lastIndexOf(s, '<', Math.max(from, i - 2 - MAX_ID), i - 2);
            if (previous < 0) {
                return false;
            }
            i = previous;
        }
        if (i > from && s.charAt(i - 1) == ' ') {
            i--;
        }
        if (i <= from || (s.charAt(i - 1) != '=' && s.charAt(i - 1) != ':')) {
            return false;
        }
        int keyEnd = i > from + 1 && s.charAt(i - 2) == ' ' ? i - 2 : i - 1; // CRAM-MD5's "challenge = <…>"
        for (String key : MESSAGE_ID_KEYS) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the Message-ID holding the address at {@code start} opens: its '<' before the chars a
     * sender's host puts in one but an address's start does not take ({@code <CAJvTd+2Xh=z9q@mail.gmail.com>}),
     * or {@code start - 1}.
     */
    private static int idStart(CharSequence s, int from, int start) {
        int i = start - 1;
        while (i > from && start - i <= MAX_ID && (s.charAt(i) == '=' || s.charAt(i) == '+' || s.charAt(i) == '/'
                || CharClass.isAlnum(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == '_')) {
            i--;
        }
        return i > from && s.charAt(i) == '<' ? i : start - 1;
    }

    /** Digits and '.' with two dots or more, then Jakarta Mail's own word or the '@'. */
    private static boolean isJakartaMailId(CharSequence s, int start, int at) {
        int dots = 0;
        int i = start;
        while (i < at && (CharClass.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            dots += s.charAt(i) == '.' ? 1 : 0;
            i++;
        }
        return dots >= 2 && (i == at || TextSearch.startsWith(s, i, at, JAVAMAIL));
    }

    /**
     * Whether the address is a RabbitMQ node's Erlang name, {@code rabbit@} and its host
     * ({@code rabbit@rabbitmq-0.rabbitmq-nodes.default}), as every RabbitMQ log and CLI names one.
     */
    private static boolean isRabbitNode(CharSequence s, int start, int at) {
        return at - start == RABBIT_NODE.length() && TextSearch.startsWith(s, start, at, RABBIT_NODE);
    }

    /** A char a remote's path starts with: {@code acme/app.git}, {@code /srv/repo.git}, {@code ~/repo}. */
    private static boolean isPathStart(char c) {
        return CharClass.isWord(c) || c == '/' || c == '~' || c == '.' || c == '-';
    }

    /**
     * An address as IMAP's ENVELOPE gives one, its mailbox and host in quoted fields of their own after
     * the route's {@code NIL} ({@code ("Alice Johnson" NIL "alice.johnson" "example.org")}, in a
     * {@code FETCH} a client's or server's trace logs): the span from the mailbox to the host, masked as one
     * address. {@code at} is the 'N' of {@code NIL} at a word start. RFC 3501, 9: addr-name addr-adl
     * addr-mailbox addr-host.
     */
    static long imapAddress(CharSequence s, int at, int end) {
        int mailbox = at + IMAP_ROUTE.length();
        if (!TextSearch.startsWith(s, at, end, IMAP_ROUTE) || mailbox >= end) {
            return Match.NONE;
        }
        int mailboxEnd = mailbox;
        while (mailboxEnd < end && mailboxEnd - mailbox <= MAX_LOCAL && isLocal(s.charAt(mailboxEnd))) {
            mailboxEnd++;
        }
        int host = mailboxEnd + 3;
        if (mailboxEnd == mailbox || host >= end || s.charAt(mailboxEnd) != '"' || s.charAt(mailboxEnd + 1) != ' '
                || s.charAt(mailboxEnd + 2) != '"') {
            return Match.NONE;
        }
        int hostEnd = domainEnd(s, host, end);
        return hostEnd > 0 && hostEnd + 1 < end && s.charAt(hostEnd) == '"' && s.charAt(hostEnd + 1) == ')'
                ? Match.of(mailbox, hostEnd) : Match.NONE;
    }

    private static int localStart(CharSequence s, int from, int at) {
        int start = at;
        while (start > from && (isLocal(s.charAt(start - 1)) || isApostropheInName(s, from, start - 1, at))
                && !CharClass.isEscapedBreak(s, from, start - 1)) {
            if (at - --start > MAX_LOCAL) {
                return -1;
            }
        }
        // Starting at a letter or digit: partial output (*.**_@...) keeps only separators here.
        while (start < at && !isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        return start == at || s.charAt(at - 1) == '.' || inUrlUserInfo(s, from, start) ? -1 : start;
    }

    /**
     * Whether the local part starting at {@code start} is in a URL's user info ({@code //app:pw@db},
     * {@code //user@host}, {@code //app:Pw9x!Q2@db}, whose password holds a char no local part
     * does): a user and password, not an address; url_credentials masks the password. Read back
     * to the {@code ://} before it, over anything but a space, a quote, a line break or the '/', '?' or
     * '#' that ends it.
     */
    private static boolean inUrlUserInfo(CharSequence s, int from, int start) {
        int i = start;
        while (i > from && start - i <= MAX_USER_INFO && !isUserInfoEnd(s.charAt(i - 1))
                && !CharClass.isEscapedBreak(s, from, i - 1)) {
            i--;
        }
        return i - 3 >= from && s.charAt(i - 1) == '/' && s.charAt(i - 2) == '/' && s.charAt(i - 3) == ':';
    }

    private static boolean isUserInfoEnd(char c) {
        return c == '/' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\n' || c == '\r'
                || c == '<' || c == '>';
    }

    /** End of a valid domain starting at {@code at}, or -1. */
    private static int domainEnd(CharSequence s, int at, int end) {
        int labels = 0;
        int lastLabel = -1;
        int stop = -1;
        int i = at;
        while (true) {
            int j = i;
            while (j < end && (isNameChar(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            if (j == i || j - i > MAX_LABEL || s.charAt(i) == '-' || s.charAt(j - 1) == '-') {
                break;
            }
            labels++;
            lastLabel = i;
            stop = j;
            if (j + 1 < end && s.charAt(j) == '.' && isLetterOrDigit(s.charAt(j + 1))) {
                i = j + 1;
            } else {
                break;
            }
        }
        if (labels < 2 || stop - at > MAX_DOMAIN || stop - lastLabel < 2 || CharClass.wordAt(s, stop, end)) {
            return -1;
        }
        return isTopLevel(s, lastLabel, stop) && !isFileExtension(s, lastLabel, stop) && !isClusterName(s, at, stop)
                && !isHashThenMethod(s, at, lastLabel, stop) ? stop : -1;
    }

    /**
     * Whether the "domain" is an object's identity hash and then a method's name in camel case, as
     * Metro's fiber trace writes an object and what it calls ({@code ClientMUTube@779dfe55.processRequest}):
     * two labels, the first of hex digits as {@code Object.toString} writes a hash (or decimal ones), the last with a
     * capital after a lower-case letter and a lower-case letter after that capital. An address glued to
     * the next word stays one ({@code bob@example.comINFO}).
     */
    private static boolean isHashThenMethod(CharSequence s, int domain, int lastLabel, int stop) {
        int hashEnd = lastLabel - 1;
        if ((hashEnd - domain > FrameworkValues.MAX_IDENTITY_HASH || CharClass.hexEnd(s, domain, hashEnd) != hashEnd)
                && !isDecimalHash(s, domain, hashEnd)) {
            return false;
        }
        for (int k = lastLabel + 1; k + 1 < stop; k++) {
            if (CharClass.isUpper(s.charAt(k)) && CharClass.isLower(s.charAt(k - 1)) && CharClass.isLower(s.charAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of a domain a preview cut and marked so with "...", as a client shows the first bytes of a
     * payload or a buffer (jnats' {@code {"email":"erin.nats@example...|}, Jetty's
     * {@code "bob@example....rd"}), or with Spring's {@code (truncated)} after a space
     * ({@code email=alice@example.c (truncated)...}): a host's chars, then the mark. -1 otherwise.
     */
    private static int cutDomainEnd(CharSequence s, int at, int end) {
        if (at >= end || !CharClass.isLetter(s.charAt(at))) {
            return -1; // an object's hash (Foo@1a2b3c...) starts with a digit as often as not
        }
        boolean hex = true;
        int i = at;
        while (i < end && i - at <= MAX_DOMAIN
                && (isNameChar(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '.' || s.charAt(i) == ' ')) {
            boolean cut = s.charAt(i) == '.' && TextSearch.startsWith(s, i, end, ELLIPSIS)
                    || s.charAt(i) == ' ' && TextSearch.startsWith(s, i + 1, end, FrameworkValues.TRUNCATED);
            if (!cut && s.charAt(i) == ' ') {
                return -1;
            }
            if (cut) {
                return i - at >= MIN_CUT_DOMAIN && !hex && CharClass.isAlnum(s.charAt(i - 1)) ? i : -1;
            }
            hex &= CharClass.isHex(s.charAt(i));
            i++;
        }
        return -1;
    }

    /**
     * The end of a UPI payment address's handle at {@code at} ({@code gaurav.kumar@okhdfcbank},
     * {@code 9876543210@ybl}): one word of lower-case letters that is one of {@link #UPI_HANDLES};
     * or -1. A UPI id names a person's bank account as an address names their mailbox, and is
     * written in the same shape without a dot.
     */
    private static int upiHandleEnd(CharSequence s, int at, int end) {
        int stop = at;
        while (stop < end && stop - at <= MAX_UPI_HANDLE && CharClass.isLower(s.charAt(stop))) {
            stop++;
        }
        if (stop == at || stop - at > MAX_UPI_HANDLE || CharClass.wordAt(s, stop, end)
                || stop < end && s.charAt(stop) == '.' && CharClass.wordAt(s, stop + 1, end)) {
            return -1;
        }
        return TextSearch.isOneOf(s, at, stop, UPI_HANDLES) ? stop : -1;
    }

    /**
     * A name in a Kubernetes cluster's DNS ({@code rabbitmq-0.rabbitmq-headless.default.svc.cluster.local}):
     * no mailbox is there; what stands before the '@' is an Erlang node's or a service's name
     * ({@code rabbit@...}, as RabbitMQ's cluster operator names its nodes).
     */
    private static boolean isClusterName(CharSequence s, int domain, int stop) {
        int suffix = stop - CLUSTER_DOMAIN.length();
        return suffix > domain && s.charAt(suffix - 1) == '.'
                && TextSearch.startsWithIgnoreCase(s, suffix, stop, CLUSTER_DOMAIN);
    }

    /** A top-level label: letters of any script ({@code .de}, {@code .рф}, {@code .中国}, {@code .भारत}). */
    private static boolean isTopLevel(CharSequence s, int start, int stop) {
        if (!isLetter(s.charAt(start))) {
            return false;
        }
        for (int k = start + 1; k < stop; k++) {
            char c = s.charAt(k);
            if (!isLetter(c) && (c < 128 || !isMark(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A last label that is a file's extension and no top-level domain: {@code rabbit@localhost.log},
     * a node name and its log file; {@code getty@tty1.service}, a systemd unit. Extensions that are
     * also country domains ({@code .sh}, {@code .py}, {@code .md}) stay addresses.
     */
    private static boolean isFileExtension(CharSequence s, int start, int stop) {
        for (String extension : FILE_EXTENSIONS) {
            if (stop - start == extension.length() && TextSearch.startsWithIgnoreCase(s, start, stop, extension)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An apostrophe between two letters or digits of the local part ({@code john.o'brien@},
     * {@code d'angelo@}), as names are written; one before the local part is a quote around the
     * address ({@code user='john@...'}), and stays outside it.
     */
    private static boolean isApostropheInName(CharSequence s, int from, int i, int at) {
        return s.charAt(i) == '\'' && i > from && i + 1 < at && isLetterOrDigit(s.charAt(i - 1))
                && isLetterOrDigit(s.charAt(i + 1));
    }

    private static boolean isLocal(char c) {
        return isNameChar(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** A letter or digit of any script; ASCII ones without a table look-up. */
    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? CharClass.isAlnum(c) : Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? CharClass.isLetter(c) : Character.isLetter(c);
    }

    /**
     * A letter or digit of any script, or a combining mark after one: the vowel signs of Indic
     * scripts are marks ({@code राम}), and a name written in them would otherwise break apart.
     */
    private static boolean isNameChar(char c) {
        return c < 128 ? CharClass.isAlnum(c) : Character.isLetterOrDigit(c) || isMark(c);
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
