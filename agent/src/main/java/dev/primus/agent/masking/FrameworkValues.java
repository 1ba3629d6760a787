package dev.primus.agent.masking;

/**
 * What stands after a secret-looking key in a framework's own log lines and is not a secret:
 * {@code null}, {@code true}/{@code false}, an authentication method's name ({@code auth=Basic},
 * {@code authentication method: trust}), a Java type name, an object's {@code toString}
 * ({@code Credentials{user=bob}}, {@code Token@1a2b3c}, {@code Key[alg=RS256]}), the start of a
 * nested structure ({@code {}, {@code [}, {@code <}), a placeholder ({@code ${DB_PASSWORD}}, {@code ?},
 * {@code $1}, {@code %s}, {@code $DB_PASSWORD}), a word that says the value is hidden or absent ({@code REDACTED}), an
 * absolute path ({@code PWD=/home/app}, the working directory), a module's call that labels a syslog
 * line ({@code auth: pam_unix(sshd:auth):}) or a value already hidden
 * ({@code ****}). Each was seen masked on real server logs, where masking
 * it only makes the line harder to read and says nothing is hidden that was not.
 *
 * <p>A password that is literally one of these words is left in clear: {@code password=true}
 * says nothing an attacker would not guess first.
 */
final class FrameworkValues {
    private static final String[] WORDS = {"null", "nil", "none", "true", "false", "undefined", "empty", "n/a", "-",
        // A hex dump's column border where a key ends its text column (netty's "|s WHERE token = |").
        "|",
        // Authentication methods and schemes, as HTTP, PostgreSQL, Kafka, AMQP and Spring name them.
        "basic", "bearer", "digest", "negotiate", "ntlm", "kerberos", "oauth", "oauth2", "oidc", "saml", "ldap",
        "jwt", "trust", "md5", "scram-sha-256", "scram-sha-1", "scram-sha-512", "peer", "ident", "gss", "sspi",
        "radius", "cert", "pam", "reject", "plain", "anonymous", "mtls", "x509", "external", "client_credentials",
        "authorization_code", "refresh_token", "enabled", "disabled", "required", "optional",
        // A switch's state, and a guard's mode as this agent's own start-up line gives it ("auth=monitor;").
        "on", "off", "monitor", "enforce",
        // Hadoop's authentication methods, as its RPC and UserGroupInformation print a user: "hdfs (auth:SIMPLE)".
        "simple", "token", "proxy", "certificate", "kerberos_ssl",
        // SOCKS methods, as Dante names them: "auth: username." is RFC 1929's username/password method;
        // RADIUS's and PPP's, as eapol_test writes an EAP method's inner one: "Phase 2 auth=MSCHAPV2".
        "username", "gssapi", "rfc931", "bsdauth", "pap", "chap", "mschap", "mschapv2", "eap",
        // MySQL's "(using password: YES)"; Tomcat's res-auth; and words that say a value is hidden or absent.
        "yes", "no", "container", "application", "redacted", "masked", "hidden", "protected", "filtered", "removed",
        "omitted", "expired", "invalid", "missing", "unset", "undef", "ok", "read", "write", "unexpected", "expected",
        // What Class.toString() starts with: Hadoop's "Added HDFS_BLOCK_TOKEN:class org.apache…BlockTokenIdentifier".
        "class", "interface",
        // An empty container's toString: java.util.Optional's, Guava's ("none" above: Scala's, Vavr's).
        "optional.empty", "optional.absent()",
        // Eclipse Paho's connect options: "password=[notnull]" says one is set, not what it is.
        "notnull",
        // PAM's management groups after its service: pam_unix(passwd:chauthtok), pam_unix(sshd:session).
        "chauthtok", "session", "account",
        // What a check says of a signature or token: "JWT signature: valid", "token: verified".
        "valid", "verified", "unverified", "failed", "mismatch", "matched", "present", "absent",
        // What a step says it came to: Android's "registerToken: success", "refreshToken: done".
        "success", "succeeded", "successful", "done", "completed", "pending", "denied", "granted", "rejected",
        "revoked", "refreshed", "received", "skipped", "ignored", "accepted", "unknown", "timeout",
        // strongSwan's "plugin 'hmac': loaded successfully".
        "loaded", "unloaded",
        // Signature algorithms, as JOSE and HTTP message signatures name them ("Signature: RS256").
        "rs256", "rs384", "rs512", "hs256", "hs384", "hs512", "es256", "es384", "es512", "ps256", "ps384", "ps512",
        "eddsa", "ed25519", "ed448", "rsa", "dsa", "ecdsa", "hmac-sha256", "hmac-sha512", "rsa-sha256", "rsa-sha512",
        "ecdsa-sha256",
        // Password hashing schemes, as a store's settings name them ("password_hash: bcrypt"), Spring's "noop" among them.
        "bcrypt", "scrypt", "argon2", "argon2i", "argon2d", "argon2id", "pbkdf2", "sha1", "sha-1", "sha256", "sha-256",
        "sha512", "sha-512", "noop",
        // OAuth 2.0's error codes (RFC 6749 5.2, RFC 6750 3.1): "Failed to refresh token: invalid_grant".
        "invalid_grant", "invalid_token", "invalid_request", "invalid_client", "invalid_scope", "unauthorized_client",
        "access_denied", "expired_token", "insufficient_scope", "unsupported_grant_type",
        // Prose after a flag or key named in a message: "Using --password via the CLI is insecure".
        "via", "has", "is", "was", "not", "and", "or", "to", "for", "of", "in", "on", "with",
        // coturn's "check_stun_auth: Cannot find credentials of user <bob>".
        "cannot", "unable",
        // YAML tags that load the value from elsewhere: Ansible Vault, CloudFormation, Home Assistant.
        "!vault", "!ref", "!sub", "!getatt", "!importvalue", "!secret", "!env",
        // A type where a schema or a signature declares the field: GraphQL's "$password: String!", OpenAPI's
        // "password: string", Kotlin's "password: String".
        "string", "string!", "int", "int!", "integer", "long", "float", "float!", "double", "boolean", "boolean!",
        "id!", "char[]"};
    private static final int MAX_WORD = 20;
    /** What Spring's codecs write where they cut a value they log: {@code (truncated)...}. */
    static final String TRUNCATED = "(truncated)";
    /** How far an object's toString is read for its closing bracket. */
    private static final int MAX_OBJECT = 4096;
    /** The longest Kubernetes object's name, a DNS subdomain's ({@link #isNamespacedName}). */
    private static final int MAX_DNS_NAME = 253;
    /** The longest dotted setting's name {@link #isDottedPairAt} reads. */
    private static final int MAX_SETTING = 64;
    /** CloudTrail's {@code "sessionToken":"HIDDEN_DUE_TO_SECURITY_REASONS"} in every AssumeRole event. */
    private static final String AWS_HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    /** The most digits and humps a class name a developer wrote holds ({@link #isRandomLooking}). */
    private static final int MAX_NAME_DIGITS = 4;
    private static final int MAX_NAME_HUMPS = 8;
    /** The most digits of a positional parameter read as one ({@code $1} to {@code $999}). */
    private static final int MAX_POSITIONAL_DIGITS = 3;

    /** What Spark writes after the stars of a value it redacts ({@link #isHidden}). */
    private static final String REDACTED = "(redacted)";
    /** The length of the JVM's id at the head of c3p0's identity token ({@link #isPoolIdentity}). */
    private static final int MIN_POOL_VM_ID = 16;
    private static final int MAX_POOL_VM_ID = 32;
    /** The descriptors of a primitive array's type, as {@code Object.toString} writes one: {@code [C@7f0eb4b4}. */
    private static final String ARRAY_TYPES = "BCDFIJSZ";
    /** An identity hash's hex digits at most, as {@code Object.toString} writes one. */
    static final int MAX_IDENTITY_HASH = 8;
    /** A query's named parameter, ':' and a name: {@code :apiKey}, {@code :0}. */
    private static final int MAX_NAMED_PARAMETER = 33;

    private FrameworkValues() {
    }

    /** Whether {@code s[start, stop)} is one of the values above (not a secret). */
    static boolean isOne(CharSequence s, int start, int stop) {
        if (stop <= start) {
            return true;
        }
        char first = s.charAt(start);
        if (first == '[' || first == '<') {
            return true;
        }
        if (TextSearch.startsWith(s, start, stop, TRUNCATED)) {
            return true; // Spring's codecs cut a long value to nothing: "welcomeToken= (truncated)..."
        }
        if (first == '{' || first == '(') {
            // An object or a parenthesised word, closed where the value ends ({user=bob}, (none)), or
            // a structure the value only opens ({"value": ..., {{ .Values.x }}, {user=bob,);
            // "(qlNSXWq;UQ" and "{+ADxSn%9c" are generated passwords.
            return s.charAt(stop - 1) == closing(first) || opensStructure(s, start, stop);
        }
        if (isPlaceholder(s, start, stop)) {
            return true;
        }
        if (first == '/' && (stop == start + 1 || CharClass.isLetter(s.charAt(start + 1)) && isPath(s, start, stop))) {
            return true; // a path: PWD=/home/app in sudo's and Maven's logs is the working directory, PWD=/ the root
        }
        return isWord(s, start, stop) || isHidden(s, start, stop) || isTypeOrObject(s, start, stop)
                || isHexNumber(s, start, stop) || isJcaSignatureAlgorithm(s, start, stop) || isCallLabel(s, start, stop)
                || isPoolIdentity(s, start) || isCallExpression(s, start, stop);
    }

    /**
     * A function called, as code or a formula a log prints where the value would be: strongSwan's
     * {@code AUTH = prf(prf(secret, keypad), octets)}, {@code password = getPassword()}. A name in lower
     * case or camel case, a '(', then no argument or a list of them, ", " between, closed on its line;
     * no quoted literal in the value read, which may be the secret ({@code crypt( 'x', password_hash)}; one
     * right after the '(' is read as the value before this is asked, {@link ValueWrappers#functionLiteral}).
     * Read past the value's end ({@code stop}), which a key's reading puts at the first ',' or space.
     */
    private static boolean isCallExpression(CharSequence s, int start, int stop) {
        int open = start;
        while (open < s.length() && open - start < MAX_WORD
                && (CharClass.isAlnum(s.charAt(open)) || s.charAt(open) == '_')) {
            open++;
        }
        if (open - start < 2 || !CharClass.isLower(s.charAt(start)) || open == s.length() || s.charAt(open) != '(') {
            return false;
        }
        int depth = 0;
        boolean list = s.charAt(open + 1 < s.length() ? open + 1 : open) == ')';
        for (int i = open; i < s.length() && i - open < MAX_OBJECT; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || i < stop && CharClass.isQuote(c)) {
                return false; // a literal in the value read may be the secret: SQL's crypt('x', password_hash)
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            list |= c == ',' && i + 1 < s.length() && s.charAt(i + 1) == ' ';
            if (depth == 0) {
                return list;
            }
        }
        return false;
    }

    /**
     * c3p0's identity token, which names a connection pool, its data source and its MBean
     * ({@code identityToken -> z8kfltbmmjfxlaurllst|1165b38} in the settings every pool logs at INFO
     * when it starts): the JVM's id in lower-case letters and digits, a '|', an identity hash in hex.
     * Read past the value's end, which a key's reading may put at the '|'.
     */
    private static boolean isPoolIdentity(CharSequence s, int start) {
        int bar = start;
        while (bar < s.length() && (CharClass.isLower(s.charAt(bar)) || CharClass.isDigit(s.charAt(bar)))) {
            bar++;
        }
        if (bar - start < MIN_POOL_VM_ID || bar - start > MAX_POOL_VM_ID || bar == s.length() || s.charAt(bar) != '|') {
            return false;
        }
        int hash = bar + 1;
        int i = CharClass.hexEnd(s, hash, Math.min(s.length(), hash + MAX_IDENTITY_HASH));
        return i > hash && (i == s.length() || !CharClass.isWord(s.charAt(i)));
    }

    /**
     * A module called with its arguments and a ':' after, as syslog's programs label what a line is
     * about: PAM's {@code auth: pam_unix(dovecot:auth): authentication failure}, dovecot's
     * {@code auth: passwd-file(bob,1.2.3.4): unknown user} and {@code ldap(bob,1.2.3.4,<LZmGp6mZ>):}. A
     * name, a '(' and the ')' that closes it right before the value's last char, the ':'.
     */
    private static boolean isCallLabel(CharSequence s, int start, int stop) {
        if (stop - start < 4 || s.charAt(stop - 1) != ':' || s.charAt(stop - 2) != ')') {
            return false;
        }
        int open = start;
        while (open < stop && (CharClass.isAlnum(s.charAt(open)) || s.charAt(open) == '_' || s.charAt(open) == '-')) {
            open++;
        }
        if (open == start || open >= stop || s.charAt(open) != '(') {
            return false;
        }
        int depth = 0;
        for (int i = open; i < stop - 1; i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < stop - 2) {
                return false; // closed before the end: "f(x)y):"
            }
        }
        return depth == 0;
    }

    /** After its opening bracket, nothing, a quote or another bracket, or a key's ':' or '=' further on. */
    private static boolean opensStructure(CharSequence s, int start, int stop) {
        if (stop - start == 1 || "{([\"'".indexOf(s.charAt(start + 1)) >= 0) {
            return true;
        }
        for (int i = start + 2; i < stop; i++) {
            if (s.charAt(i) == '=' || s.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /** The bracket that closes {@code open}. */
    static char closing(char open) {
        return open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : '>';
    }

    /**
     * Whether {@code s[start, stop)}, from its '/', reads as a path: path chars only, and a second
     * '/' or no capital ({@code /home/app}, {@code /tmp}, {@code /Users/bob}); not a password that
     * starts with a '/' ({@code /gG8SioTUHLa0}, {@code /LyhH].hbx}).
     */
    private static boolean isPath(CharSequence s, int start, int stop) {
        boolean nested = false;
        boolean capital = false;
        for (int i = start + 1; i < stop; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                nested = true;
            } else if (CharClass.isUpper(c)) {
                capital = true;
            } else if (!CharClass.isAlnum(c) && ".-_~+@:".indexOf(c) < 0) {
                return false;
            }
        }
        return nested || !capital;
    }

    /** A JCA signature algorithm: {@code SHA256withRSA}, {@code SHA384withECDSA}, {@code SHA256withRSA/PSS}. */
    private static boolean isJcaSignatureAlgorithm(CharSequence s, int start, int stop) {
        if (stop - start > MAX_WORD || !TextSearch.startsWithIgnoreCase(s, start, stop, "sha")) {
            return false;
        }
        int with = start + 3;
        while (with < stop && CharClass.isDigit(s.charAt(with))) {
            with++;
        }
        return with > start + 3 && TextSearch.startsWithIgnoreCase(s, with, stop, "with") && with + 4 < stop;
    }

    /**
     * A name and its ':' after a key's ':', the next key of a heading that the first only labels
     * ({@code Token: kind: HDFS}): letters, digits, '_', '-' or '.', the first a letter. After '='
     * such a ':' is the sentence's ({@code password=hunter2: denied}).
     */
    static boolean isNextKey(CharSequence s, int start, int stop) {
        if (stop - start < 2 || s.charAt(stop - 1) != ':' || !CharClass.isLetter(s.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < stop - 1; i++) {
            char c = s.charAt(i);
            if (!CharClass.isWord(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * A field of an object's {@code toString} after a key's '=', a name of lower-case letters, '=' and
     * one of the values above or a number, then a space, ',' or the end: the key names an object
     * whose fields follow, not a secret (Eclipse Paho's {@code token=key=null ,topics=corpus/t0}).
     * Asked after the keys of machine-made values only, not a secret's: a password may be {@code retry=3}.
     */
    static boolean isFieldAt(CharSequence s, int at, int end) {
        int equals = at;
        while (equals < end && equals - at <= MAX_WORD && CharClass.isLower(s.charAt(equals))) {
            equals++;
        }
        int letters = equals - at;
        while (letters > 0 && equals < end && equals - at <= MAX_WORD && CharClass.isDigit(s.charAt(equals))) {
            equals++; // a percentile's name: Redis's p50=, p99=
        }
        if (letters < 1 || equals - at < 2 || equals >= end || s.charAt(equals) != '=') {
            return false;
        }
        int stop = equals + 1;
        while (stop < end && stop - equals <= MAX_WORD && s.charAt(stop) != ' ' && s.charAt(stop) != ',') {
            stop++;
        }
        boolean number = stop > equals + 1 && isDecimal(s, equals + 1, stop);
        return (stop == end || s.charAt(stop) == ' ' || s.charAt(stop) == ',')
                && (number || stop > equals + 1 && isWord(s, equals + 1, stop));
    }

    /** Digits, and at most one '.' between two of them: {@code 17}, {@code 5.023}. */
    private static boolean isDecimal(CharSequence s, int start, int stop) {
        int dot = TextSearch.indexOf(s, '.', start, stop);
        return dot < 0 ? CharClass.digits(s, start, stop - start, stop)
                : dot > start && dot + 1 < stop && CharClass.digits(s, start, dot - start, dot)
                        && CharClass.digits(s, dot + 1, stop - dot - 1, stop);
    }

    /**
     * A dotted setting and its '=' after a key's ':' and a space, the value a word: what the key
     * labels is a setting, not a secret ({@code Retrieving credentials: auth.source=shared_credentials_file}).
     * Asked after {@code credentials} only.
     */
    static boolean isDottedPairAt(CharSequence s, int at, int end) {
        if (at >= end || !CharClass.isLetter(s.charAt(at))) {
            return false;
        }
        boolean dotted = false;
        for (int i = at + 1; i < end && i - at <= MAX_SETTING; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                return dotted && CharClass.isAlnum(s.charAt(i - 1)) && i + 1 < end && CharClass.isLetter(s.charAt(i + 1));
            }
            if (c == '.') {
                dotted |= CharClass.isAlnum(s.charAt(i - 1)) && i + 1 < end && CharClass.isLetter(s.charAt(i + 1));
            } else if (!CharClass.isAlnum(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return false;
    }

    /**
     * A name of three or more dotted parts of lower-case letters (a '-' too, no digit), then the
     * value's end: a package's or a host's name after {@code auth} (Android's sync authority,
     * {@code auth: com.android.contacts}), which names a service, not a credential.
     */
    static boolean isDottedNameAt(CharSequence s, int at, int end) {
        int dots = 0;
        int i = at;
        while (i < end && i - at <= MAX_SETTING) {
            if (!CharClass.isLower(s.charAt(i))) {
                return false;
            }
            while (i < end && (CharClass.isLower(s.charAt(i)) || s.charAt(i) == '-')) {
                i++;
            }
            if (i + 1 >= end || s.charAt(i) != '.' || !CharClass.isLower(s.charAt(i + 1))) {
                break;
            }
            dots++;
            i++;
        }
        return dots >= 2 && (i == end || s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '}');
    }

    /**
     * A C or Java constant's name, capitals and digits in parts that '_' joins, each starting with a
     * capital, then no more of a word: what {@code auth} is set to in a daemon's debug
     * ({@code cupsdIsAuthorized: auth=CUPSD_AUTH_ALLOW...}), a mode, not a credential. A token in
     * capitals alone would be base32's, which has no '_'; base64url's has lower-case letters.
     */
    static boolean isConstantNameAt(CharSequence s, int at, int end) {
        int parts = 0;
        int i = at;
        while (i < end && i - at <= MAX_SETTING && CharClass.isUpper(s.charAt(i))) {
            while (i < end && (CharClass.isUpper(s.charAt(i)) || CharClass.isDigit(s.charAt(i)))) {
                i++;
            }
            parts++;
            if (i + 1 >= end || s.charAt(i) != '_') {
                break;
            }
            i++;
        }
        return parts >= 2 && (i == end || !CharClass.isWord(s.charAt(i)) && s.charAt(i) != '-');
    }

    /**
     * A Kubernetes object's namespace and name, {@code default/db-credentials}: each a DNS label's
     * chars (lower-case letters, digits, '-', '.'), starting with a letter, one '/' between them.
     * Generated data with a '/' (base64) has capitals in it.
     */
    static boolean isNamespacedName(CharSequence s, int start, int stop) {
        int slash = TextSearch.indexOf(s, '/', start, stop);
        return slash > start && slash + 1 < stop && isDnsName(s, start, slash) && isDnsName(s, slash + 1, stop);
    }

    private static boolean isDnsName(CharSequence s, int start, int stop) {
        if (stop - start > MAX_DNS_NAME || !CharClass.isLower(s.charAt(start))) {
            return false;
        }
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isLower(c) && !CharClass.isDigit(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * The words, in lower case, for the kind of object a Kubernetes message names a secret by, not
     * one's value. Not "token": {@code Authorization: Token 9944b0...} is a scheme and its credential.
     */
    private static final String[] SECRET_KINDS = {"secret", "secrets"};
    private static final String[] C_COMPOSITES = {"struct", "union", "enum"};
    /** The shortest word after a scheme's name read as its credential ({@code auth: bearer abc123def456}). */
    private static final int MIN_CREDENTIAL = 6;

    /**
     * After a key's ':', the word for a kind of secret that a sentence goes on after: a message
     * naming a secret, not giving one. Kubernetes writes {@code Couldn't get secret
     * default/db-credentials: secret "db-credentials" not found} and {@code failed to list
     * *v1.Secret: secrets "db-credentials" is forbidden}. The word alone at the end of its line
     * ({@code password: secret}) may be a weak password, and stays masked, as does one before the
     * next key ({@code password: secret user=bob}).
     */
    static boolean isKindInProse(CharSequence s, int start, int stop, int end) {
        if (!TextSearch.isOneOf(s, start, stop, SECRET_KINDS) || stop + 1 >= end || s.charAt(stop) != ' '
                || Character.isWhitespace(s.charAt(stop + 1))) {
            return false;
        }
        return !wordHoldsOneOf(s, stop + 1, end, "="); // the next key: "password: secret user=bob"
    }

    /**
     * After a key's ':', C's word for a composite type then the type's name: a dump of a structure's
     * field, Samba's NDR print ({@code pending_auth: struct smbXsrv_session_auth0}), not a value.
     */
    static boolean isCompositeType(CharSequence s, int start, int stop, int end) {
        if (!TextSearch.isOneOf(s, start, stop, C_COMPOSITES) || stop + 1 >= end || s.charAt(stop) != ' ') {
            return false;
        }
        char first = s.charAt(stop + 1);
        return CharClass.isLetter(first) || first == '_';
    }

    /** Whether the word at {@code at}, up to the next whitespace, holds one of {@code separators}: it is the next key. */
    private static boolean wordHoldsOneOf(CharSequence s, int at, int end, String separators) {
        for (int i = at; i < end && !Character.isWhitespace(s.charAt(i)); i++) {
            if (separators.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[start, stop)}, the word after an authorization scheme, is a word of a
     * sentence that goes on: a message about a scheme, not a credential sent with it
     * ({@code authorization: Signature verification failed for keyId k1}, {@code SCRAM-SHA-512
     * mechanism negotiated}). Lower-case letters only, as no token is, then a space and a word,
     * quote or marker that is no next key.
     */
    static boolean isWordInProse(CharSequence s, int start, int stop, int end) {
        if (stop - start < 2 || stop - start > MAX_WORD || stop + 1 >= end || s.charAt(stop) != ' ') {
            return false;
        }
        for (int i = start; i < stop; i++) {
            if (!CharClass.isLower(s.charAt(i))) {
                return false;
            }
        }
        char next = s.charAt(stop + 1);
        if (next == '[' || next == '*') {
            // Our marker (its hash may hold a ':') or partial mask of a value the word went on
            // before: a second pass answers as the first did.
            return true;
        }
        // Not before the next key ("Authorization: Bearer abc user=bob") or a credential ("auth: token abc123def4").
        return (CharClass.isLetter(next) || CharClass.isQuote(next)) && !wordHoldsOneOf(s, stop + 1, end, "=:")
                && !holdsLettersAndDigits(s, stop + 1, end);
    }

    /**
     * Whether the word at {@code at} is at least {@link #MIN_CREDENTIAL} chars of a token's
     * alphabet with both a letter and a digit in it: a credential, not a sentence's next word.
     */
    private static boolean holdsLettersAndDigits(CharSequence s, int at, int end) {
        boolean letter = false;
        boolean digit = false;
        int i = at;
        for (; i < end && !Character.isWhitespace(s.charAt(i)); i++) {
            char c = s.charAt(i);
            if (!CharClass.isAlnum(c) && "._~+/=-".indexOf(c) < 0) {
                return false;
            }
            letter |= CharClass.isLetter(c);
            digit |= CharClass.isDigit(c);
        }
        return letter && digit && i - at >= MIN_CREDENTIAL;
    }

    /** {@code 0x1234}: a handle, a pointer or flags, as C and Objective-C code logs one; 16 hex digits at most. */
    private static boolean isHexNumber(CharSequence s, int start, int stop) {
        return stop - start >= 3 && stop - start <= 18 && s.charAt(start) == '0' && s.charAt(start + 1) == 'x'
                && CharClass.hexDigits(s, start + 2, stop);
    }

    /**
     * As {@link #isOne}, for a value in quotes, which a person or a serializer wrote as a string:
     * a word, a placeholder or a hidden value; a bracket, a path or a type name is the string's own.
     */
    static boolean isOneInQuotes(CharSequence s, int start, int stop) {
        if (stop <= start) {
            return true;
        }
        char first = s.charAt(start);
        if (first == '<') {
            return true;
        }
        if (first == '[' && stop - start > 2 && s.charAt(stop - 1) == ']') { // Rails' "[FILTERED]", "[REDACTED]"
            return isWord(s, start + 1, stop - 1) || isHidden(s, start + 1, stop - 1);
        }
        return isPlaceholder(s, start, stop) || isWord(s, start, stop) || isHidden(s, start, stop)
                || isObjectDescription(s, start, stop) || isArrayIdentity(s, start, stop);
    }

    /**
     * A Java array's {@code toString}, its type's descriptor and its identity hash, as a builder prints
     * a {@code char[]} password it holds ({@code password="[C@7f0eb4b4"}, Log4j2's status): no chars of it.
     */
    private static boolean isArrayIdentity(CharSequence s, int start, int stop) {
        int at = start + 2;
        if (stop - start < 4 || s.charAt(start) != '[' || ARRAY_TYPES.indexOf(s.charAt(start + 1)) < 0
                || s.charAt(at) != '@') {
            return false;
        }
        return stop - at - 1 <= MAX_IDENTITY_HASH && CharClass.hexEnd(s, at + 1, stop) == stop;
    }

    /**
     * An object's {@code toString} of fields in brackets after its class's name and a space, as Spring
     * Security describes an authentication ({@code 'RememberMeAuthenticationToken [Principal=…,
     * Credentials=[PROTECTED], …]'}), closed within the quotes: its fields are the masker's to judge.
     */
    private static boolean isObjectDescription(CharSequence s, int start, int stop) {
        int name = start;
        while (name < stop && Character.isJavaIdentifierPart(s.charAt(name))) {
            name++;
        }
        if (name - start < 2 || !CharClass.isUpper(s.charAt(start)) || name + 2 >= stop || s.charAt(name) != ' '
                || s.charAt(name + 1) != '[' || s.charAt(stop - 1) != ']') {
            return false;
        }
        return TextSearch.indexOf(s, '=', name + 2, stop) > 0 && closesOnLine(s, name + 1);
    }

    private static boolean isWord(CharSequence s, int start, int stop) {
        if (stop - start > MAX_WORD) {
            return false;
        }
        if (stop - start > 2 && s.charAt(stop - 1) == '.' && CharClass.isLetter(s.charAt(stop - 2))) {
            stop--; // the word ends a sentence: Dante's "auth: username.  Packet: …"
        }
        for (String word : WORDS) {
            if (word.length() == stop - start && TextSearch.startsWithIgnoreCase(s, start, stop, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A parameter a statement or template fills in later: {@code ${DB_PASSWORD}}, JDBC's {@code ?}, a format's {@code %s}
     * or {@code %1$s}, a rewrite rule's back-reference ({@code %2}, {@code $1}), a shell's {@code $DB_PASSWORD}
     * (upper case) or {@code $(cat /run/secrets/db)},
     * a template's {@code {{ .Values.db.password }}}, a GraphQL variable ({@code login(password: $password)}:
     * a '$' and letters, lower case first).
     */
    private static boolean isPlaceholder(CharSequence s, int start, int stop) {
        char first = s.charAt(start);
        int length = stop - start;
        if (first == '?') {
            // A bind placeholder; P6Spy's one-line format puts its '|' right after the statement's last
            // ("... and password = ?|select ... and password = 'x'"), the value's SQL after it; JPQL's ?1.
            return length == 1 || s.charAt(start + 1) == '|'
                    || length <= MAX_POSITIONAL_DIGITS + 1 && CharClass.digits(s, start + 1, length - 1, stop);
        }
        if (first == ':' && length > 1 && length <= MAX_NAMED_PARAMETER) {
            // A named parameter of JPQL, Hibernate and Spring's NamedParameterJdbcTemplate (":apiKey",
            // ":user_id"), or a numbered one (EclipseLink's ":0"), as a query is logged before its values are
            // bound: a name has no digit, which a generated password starting with ':' would.
            if (length <= MAX_POSITIONAL_DIGITS + 1 && CharClass.digits(s, start + 1, length - 1, stop)) {
                return true;
            }
            for (int i = start + 1; i < stop; i++) {
                if (!CharClass.isLetter(s.charAt(i)) && s.charAt(i) != '_') {
                    return false;
                }
            }
            return CharClass.isLower(s.charAt(start + 1));
        }
        if (length > 1 && s.charAt(start + 1) == '{' && (first == '{' || first == '$' || first == '%' || first == '#')) {
            return true; // ${DB_PASSWORD}, and a template's {{ vault_db_password }} (Jinja, Helm, Mustache)
        }
        if (first == '%') {
            // %s, %1$s; and %2, a back-reference to a condition's group in Apache mod_rewrite's rules
            // ("setting lastsub to rule with output /api/$1?migrated_token=%2"), a batch file's argument;
            // Python's %(name)s, as gunicorn prints its access log's format ("auth=\"%({authorization}i)s\"").
            char last = s.charAt(stop - 1);
            return length <= 4 && CharClass.isLetter(last) || length == 2 && CharClass.isDigit(last)
                    || length > 3 && s.charAt(start + 1) == '(' && s.charAt(stop - 2) == ')' && CharClass.isLetter(last);
        }
        if (first == '@' && length > 2 && s.charAt(start + 1) == 'P' && CharClass.digits(s, start + 2, length - 2, stop)) {
            return true; // @P0: a parameter of SQL Server's sp_executesql, as its JDBC driver names them
        }
        if (first != '$' || length < 2) {
            return false;
        }
        if (s.charAt(start + 1) == '(') {
            return true;
        }
        if (length <= MAX_POSITIONAL_DIGITS + 1 && CharClass.digits(s, start + 1, length - 1, stop)) {
            return true; // $2: a positional parameter (PostgreSQL's, as its driver and server log a query)
        }
        if (CharClass.isLower(s.charAt(start + 1))) {
            for (int i = start + 2; i < stop; i++) {
                if (!CharClass.isLetter(s.charAt(i))) {
                    return false;
                }
            }
            return true; // $password: a GraphQL query's variable, a script's
        }
        for (int i = start + 1; i < stop; i++) {
            char c = s.charAt(i);
            if (!(CharClass.isUpper(c) || c == '_' || (i > start + 1 && CharClass.isDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code ****}, OkHttp's {@code ██}, three or more x, or what AWS CloudTrail writes in place of
     * a session token ({@link #AWS_HIDDEN}): a value already hidden. So are three or more dots and
     * an ellipsis, what Keycloak's access log writes for a credential ({@code Authorization: Bearer ...}).
     */
    private static boolean isHidden(CharSequence s, int start, int stop) {
        if (stop - start == AWS_HIDDEN.length() && TextSearch.startsWith(s, start, stop, AWS_HIDDEN)) {
            return true;
        }
        char first = s.charAt(start);
        boolean repeatedThrice = stop - start >= 3;
        if (first != '*' && first != '\u2588' && first != '\u2026' && (first != 'x' && first != 'X' && first != '.'
                || !repeatedThrice)) {
            return false;
        }
        int i = start;
        while (i < stop && s.charAt(i) == first) {
            i++;
        }
        // Spark's own mask of a setting it redacts, in its logs and event logs: spark.ssl.keyPassword=*********(redacted).
        return i == stop || first == '*' && i - start >= 3 && stop - i == REDACTED.length()
                && TextSearch.startsWith(s, i, stop, REDACTED)
                || first == '*' && isWordInStars(s, start, stop);
    }

    /** A word of the list between two stars, as a framework marks what it hid: Micronaut's {@code *MASKED*}. */
    private static boolean isWordInStars(CharSequence s, int start, int stop) {
        return stop - start > 2 && s.charAt(stop - 1) == '*' && isWord(s, start + 1, stop - 1);
    }

    /**
     * A Java name, dotted, followed by nothing (a fully qualified type: {@code org.acme.Token}), by
     * {@code @hex} (an identity {@code toString}) or by a bracket (a record's or Lombok's
     * {@code toString}: {@code Credentials[user=bob]}). A plain word is a type only when dotted
     * with lower-case package names first; a bracket needs an upper-case or dotted name, so that
     * {@code abc(1)} stays a value.
     */
    private static boolean isTypeOrObject(CharSequence s, int start, int stop) {
        if (!Character.isJavaIdentifierStart(s.charAt(start)) || isVaultToken(s, start, stop)) {
            return false;
        }
        int i = start;
        int dots = 0;
        int lastSegment = start;
        boolean lowerPackages = true;
        while (i < stop) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i + 1 >= stop || !Character.isJavaIdentifierStart(s.charAt(i + 1))) {
                    return false;
                }
                lowerPackages &= isPackageName(s, lastSegment, i);
                dots++;
                lastSegment = i + 1;
            } else if (!Character.isJavaIdentifierPart(c)) {
                break;
            }
            i++;
        }
        boolean typeName = CharClass.isUpper(s.charAt(lastSegment)) && (dots == 0 || lowerPackages)
                && !isRandomLooking(s, lastSegment, i);
        if (i == stop) {
            return dots > 0 && typeName;
        }
        char after = s.charAt(i);
        if (after == '@') {
            return typeName && isIdentityHash(s, i + 1, stop, dots > 0);
        }
        // A record's or Lombok's toString closes on its line, spaces in it or not (Android's
        // "Token{a64f992 ActivityRecord{de9231d u0 ...}}"): "RNmHkW(vQ7&F5p" is a password.
        return (after == '{' || after == '[' || after == '(') && typeName && closesOnLine(s, i);
    }

    /** Whether the bracket at {@code open} is closed before its line, or the text, ends. */
    private static boolean closesOnLine(CharSequence s, int open) {
        char opening = s.charAt(open);
        char closing = closing(opening);
        int limit = Math.min(s.length(), open + MAX_OBJECT);
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = s.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return true;
            } else if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return false;
    }

    /** Lower-case letters, digits and '_', the first a letter: a Java package's name, as the convention writes it. */
    private static boolean isPackageName(CharSequence s, int start, int stop) {
        if (!CharClass.isLower(s.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isLower(c) && !CharClass.isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a class name's place holds what a machine made, not a name a developer wrote: more
     * than {@value #MAX_NAME_DIGITS} digits, or more than {@value #MAX_NAME_HUMPS} humps (a capital
     * after a lower-case letter or a digit). {@code dp.pt.Xk9mP2qLw8zT4vR7nB3c...}, a Doppler token,
     * reads as a package and a class but for that; {@code AbstractHttp2ClientConnectionManager} does not.
     */
    private static boolean isRandomLooking(CharSequence s, int start, int stop) {
        int digits = 0;
        int humps = 0;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                digits++;
            } else if (i > start && CharClass.isUpper(c) && !CharClass.isUpper(s.charAt(i - 1))) {
                humps++;
            }
        }
        return digits > MAX_NAME_DIGITS || humps > MAX_NAME_HUMPS;
    }

    /**
     * A HashiCorp Vault token ({@code hvs.CAESIJ...}, batch {@code hvb.}, recovery {@code hvr.}),
     * which reads as a package and a class: {@code X-Vault-Token: hvs.x} is a credential.
     */
    private static boolean isVaultToken(CharSequence s, int start, int stop) {
        return stop - start > 4 && s.charAt(start) == 'h' && s.charAt(start + 1) == 'v' && s.charAt(start + 3) == '.'
                && (s.charAt(start + 2) == 's' || s.charAt(start + 2) == 'b' || s.charAt(start + 2) == 'r');
    }

    /**
     * An identity hash code in hex as {@code Object.toString} writes it: 5 to 8 hex digits (a
     * 31-bit hash under 0x10000 is one in 32,768). After an undotted name it must hold a letter
     * too, since {@code Object.toString} writes the class's full name: {@code Admin@123} and
     * {@code Welcome@2024} are the shape of a password, not of an object.
     */
    private static boolean isIdentityHash(CharSequence s, int start, int stop, boolean dottedType) {
        if (stop - start < 5 || stop - start > MAX_IDENTITY_HASH) {
            return false;
        }
        boolean letter = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isHex(c)) {
                return false;
            }
            letter |= !CharClass.isDigit(c);
        }
        return dottedType || letter;
    }
}
