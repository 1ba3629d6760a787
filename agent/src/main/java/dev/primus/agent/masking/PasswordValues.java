package dev.primus.agent.masking;

/**
 * password_kv: the value of a secret-looking key. Keys are matched case-insensitively, alone or as
 * the last word of a longer key ({@code db_password}, {@code X-Auth-Token}, {@code clientSecret}),
 * in these written forms, each found from the char that ends its key:
 * <ul>
 *   <li>{@code k=v}, {@code k: v}, {@code "k":"v"}, {@code "k" : "v"}, {@code 'k'='v'}, {@code "k" => "v"},
 *   and with escaped quotes, as JSON inside a JSON string holds them ({@code \"k\":\"v\"}): from '=' or ':'.</li>
 *   <li>XML elements: {@code <password>v</password>}, {@code <db:password>v}, and those a {@code key}
 *   or {@code name} attribute names ({@code <entry key="password">v</entry>} of a Properties file):
 *   from '>'; the attribute beside such a one, {@code <property name="password" value="v"/>}:
 *   from the '=' of {@code value}.</li>
 *   <li>Command-line flags: {@code --password v}, {@code -storepass v}: from the '-' that starts them
 *   ({@code --password=v} is the first form); and the short flags that take a password in a few
 *   well-known commands, {@code mysql -phunter2}, {@code sshpass -p v}, {@code curl -u user:v}
 *   ({@link CommandPasswordFlags}).</li>
 *   <li>A password a space after its word in a sentence, {@code with password hunter2}, and in an
 *   element of escaped XML, {@code &lt;password&gt;v}: from the word's 'p' ({@link ProsePasswords},
 *   {@link EscapedElements}).</li>
 *   <li>URL-encoded, as a logged return URL or form body holds a query: {@code password%3Dv%26next%3D1}:
 *   from the '%' of {@code %3D}; the value ends at {@code %26}, {@code &} or whitespace. And with the
 *   '=' escaped as Gson writes it in a JSON string (a backslash and {@code u003d}): from the backslash.</li>
 * </ul>
 * {@code password}, {@code passwd}, {@code passphrase} and {@code secret} also end a key with no
 * break before them ({@code PGPASSWORD}, {@code dbpassword}, {@code CLIENTSECRET}): no other word
 * ends so. Only the value is masked. A quoted value runs to its closing quote (spaces included); an
 * unquoted one to whitespace, an escaped line break, a closing bracket it did not open
 * ({@code User(password=abc)} masks {@code abc}), or a {@code &}, {@code ,} or {@code ;} that
 * separates it from what follows: one followed by the next key ({@code &user=}, {@code ,role:}),
 * a space or nothing. Inside a word ({@code Tr0ub4dor&3}) such a char is part of the password. A
 * value that never ends (an unclosed quote) is masked to the end of the message: over-masking a
 * line beats leaking a password. A cookie header's value runs over the {@code name=value} pairs
 * "; " joins ({@link #cookies}). After {@code Authorization:} the first word is read as a scheme, whatever it is
 * ({@code Basic}, {@code Api-Token}), and only the credential after it is masked; after other keys
 * only the well-known schemes are.
 *
 * <p>A framework's own words are not secrets, and are left alone ({@link FrameworkValues}).
 */
final class PasswordValues {
    /** The colon and equals sign of CJK text (U+FF1A, U+FF1D): separators of a key as ':' and '=' are. */
    static final char FULL_WIDTH_COLON = '\uFF1A';
    static final char FULL_WIDTH_EQUALS = '\uFF1D';
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    /**
     * Vault AppRole's {@code secret_id} ({@code spring.cloud.vault.app-role.secret-id}), a credential;
     * but as AWS writes it, {@code SecretId}, the name of a Secrets Manager secret: a key only with
     * a '_', '-' or '.' before its {@code id}.
     */
    private static final String SECRET_ID = "secretid";
    /**
     * A card's or an account's PIN, and a one-time code: keys only before 4 to 12 digits
     * ({@code PIN=4821}, {@code "atm_pin": "482193"}, {@code otp=482913}, {@code mfaCode: 482913}),
     * so that a GPIO pin's number ({@code pin=17}), a pin of a dependency's version, and Erlang's
     * release ({@code Erlang/OTP: 25.3}) stay.
     */
    private static final String[] DIGIT_KEYS = {"pin", "otp", "totp", "hotp", "otpcode", "mfacode", "verificationcode",
        "smscode", "confirmationcode", "2facode", "logincode", "signincode", "resetcode", "onetimecode", "authcode",
        "authenticationcode", "verifycode", "activationcode", "emailcode", "twofactorcode"};
    /** Where keytool's {@code -storepass:env X} and {@code -storepass:file X} find the password. */
    private static final String[] PASSWORD_SOURCES = {"env", "file"};
    private static final int MIN_CODE_DIGITS = 4;
    private static final int MAX_CODE_DIGITS = 12;
    /**
     * Compared ignoring case and the '_', '-', '.' or space between their words ({@link KeyedValue#startOfName}):
     * {@code apikey} is {@code api_key}, {@code API-Key}, {@code api.key} and {@code API key}. The
     * {@link #DIGIT_KEYS} are keys too, appended.
     */
    private static final String[] KEYS = withDigitKeys("password", "passwd", "pwd", "pass", "passphrase", "secret", "token",
        "apikey", "secretkey", "privatekey", "encryptionkey", "signingkey", "masterkey", "hmackey",
        "sharedaccesskey", "subscriptionkey", "licensekey", "secretkeybase",
        // The session cookies of servlet containers, PHP, ASP.NET, Express and Laravel: a session's id is its
        // credential wherever it is written, a rewrite rule's condition or a query string as well as a Cookie header.
        "jsessionid", "phpsessid", "aspnetsessionid", "connectsid", "laravelsession",
        "auth", "authorization", "credentials", "credential", "storepass", "keypass", "srcstorepass", "deststorepass",
        "srckeypass", "destkeypass", "appkey", "userinfo", "sonarlogin", "cookie", "cvv", "cvc", "cvv2", "cvc2",
        "securitycode", "tokenvalue", "secretstring", "passcode",
        // Keycloak's CREDENTIAL.SECRET_DATA: a password's hash and salt as JSON, which a guess can be checked against;
        // OpenLDAP's password policy keeps old passwords' hashes under pwdHistory (time#syntax#length#{SSHA}…).
        "secretdata", "pwdhistory",
        // Spring Authorization Server's columns of a grant's codes: authorization_code_value, user_code_value,
        // device_code_value (its tokens' end in token_value).
        "authorizationcodevalue", "usercodevalue", "devicecodevalue",
        // An Azure Functions key (x-functions-key); Cloudflare's global API key (X-Auth-Key), Datadog's
        // application key (DD-APPLICATION-KEY), New Relic's insert key (X-Insert-Key); a symmetric key by
        // its cipher's name; an account's recovery code.
        "functionskey", "authkey", "applicationkey", "insertkey", "aeskey", "recoverycode",
        // A search service's admin key (Algolia, Meilisearch), an analytics write key (Segment), a push
        // service's or gateway's server key (Firebase Cloud Messaging, Midtrans); a password's shortest
        // abbreviation ({@code DB_PW}, {@code LDAP_BIND_PW}, {@code bindPw}); OAuth's device code,
        // which a device polls with until the user approves it.
        "adminkey", "writekey", "serverkey", "pw", "devicecode",
        // OAuth's PKCE verifier and a grant's authorization code; S3's customer-provided encryption key
        // (x-amz-server-side-encryption-customer-key); a webhook's or service's shared key; an HMAC's key.
        "codeverifier", "authorizationcode", "encryptioncustomerkey", "sharedkey", "webhookkey", "hmac", "cipherkey",
        // RADIUS's keys of a session, as FreeRADIUS -X prints its reply: EAP's master session keys, MPPE's.
        "eapmsk", "eapemsk", "mppesendkey", "mpperecvkey",
        // The answer to an account's recovery question: a password by another name.
        "secretanswer", "securityanswer",
        // Indian payment gateways' merchant secrets: Paytm's merchant key, PhonePe's salt key, PayU's and
        // Easebuzz's salt, CCAvenue's working key.
        "merchantkey", "saltkey", "salt", "workingkey",
        // Redis's own password directives (redis.conf, CONFIG SET, redis-server --requirepass): the server's, a replica's.
        "requirepass", "masterauth",
        // A request signature (AWS SigV4 and presigned URLs, X-Goog-Signature, Stripe-Signature): valid until it expires.
        // And the webhook headers that name their hash: GitHub's X-Hub-Signature-256, Shopify's X-Shopify-Hmac-Sha256.
        "signature", "signature256", "hmacsha256", SECRET_ID,
        // A Kubernetes registry Secret's data: base64 of the registries' credentials.
        "dockerconfigjson", "dockercfg",
        // The word for a password in German, Portuguese, Spanish (as identifiers spell it), Dutch and French.
        "passwort", "kennwort", "senha", "contrasena", "wachtwoord", "motdepasse",
        // And in Italian, Romanian and Turkish, Polish ("hasło" reads as "haslo"), Czech, Turkish ("şifre"),
        // Swedish, Hungarian, Finnish, Norwegian, Danish. Those in scripts of their own are ForeignPasswordWords':
        // every key here is Latin-1, so that no String the engine reads is stored in UTF-16.
        "parola", "haslo", "heslo", "sifre", "losenord", "jelszo", "salasana", "passord", "adgangskode",
        // A wallet's seed phrase (BIP-39's mnemonic, MetaMask's secret recovery phrase): the wallet itself.
        "mnemonic", "seedphrase", "recoveryphrase",
        // Spring Security's remember-me key, which signs every remember-me cookie it issues; a form's
        // anti-forgery token, Spring Security's _csrf ("csrf_token" and "X-CSRF-Token" end in a key word already).
        "remembermekey", "csrf");
    /**
     * What may follow a key word in a form's field name and keep it a secret: {@code password_confirmation},
     * {@code passwordConfirm}, {@code new_password_repeat}, {@code password_new}; and a bracket
     * ({@code user[password]} of Rails and PHP forms, PHP's {@code [password] => x}, {@code password[0]}).
     */
    private static final String[] KEY_SUFFIXES = {"confirmation", "confirm", "repeat", "again", "retype", "verify",
        "new", "old"};
    /**
     * The numbers a form gives the fields of a new password and its repetition: Django's
     * {@code password1} and {@code new_password2}, {@code password_1}. After the words for a
     * password only ({@link #PASSWORD_WORDS}): "oauth2" and "token1" name other things.
     */
    private static final String NUMBERED = "12";
    /**
     * What a stored password's key adds to say it holds its hash ({@code password_hash},
     * {@code passwordDigest}, Rails' {@code password_digest}): after the words for a password only,
     * since the hash of a weak password gives the password back offline; {@code token_hash} stays.
     */
    private static final String[] HASH_SUFFIXES = {"hash", "digest"};
    /** The longest scheme id of a crypt or PHC hash read as one ({@code pbkdf2-sha512}), between its '$'s. */
    private static final int MAX_HASH_SCHEME = 16;
    /** bcrypt's {@code $2a$}: a '$', the scheme's two chars; its hash, {@code $2a$10$} and 53 chars, is 60 long. */
    private static final int BCRYPT_SCHEME = 3;
    private static final int BCRYPT_LENGTH = 60;
    /** The shortest crypt or PHC hash: its scheme, its parameters or salt, and the hash itself. */
    private static final int MIN_HASH = 20;
    /** Keys after which the first word of the value is an HTTP authentication scheme, whatever its name. */
    private static final String[] AUTHORIZATION_KEYS = {"authorization"};
    /** Keys whose value may be a user and a password with " / " between ({@link #slashedPasswordEnd}). */
    private static final String[] CREDENTIAL_KEYS = {"credentials", "credential"};
    /** Keys whose value is words: a passphrase, a seed phrase ({@link #phraseEnd}). */
    private static final String[] PHRASE_KEYS = {"passphrase", "mnemonic", "seedphrase", "recoveryphrase"};
    /** An app password as Google shows it: four groups of four lower-case letters ({@link #appPasswordEnd}). */
    private static final int APP_PASSWORD_GROUP = 4;
    private static final int APP_PASSWORD_GROUPS = 4;
    /** BIP-39's longest phrase: 24 words. */
    private static final int MAX_PHRASE_WORDS = 24;
    /** The longest word of a phrase read on: BIP-39's are 3 to 8 letters, a passphrase's a little longer. */
    private static final int MAX_PHRASE_WORD = 12;
    /**
     * Keys whose value a machine makes: after their ':' and a space, a word of lower-case letters
     * that a sentence goes on after is a heading's text ({@code auth: mode enforce -> off}), not the
     * value. A password may be such a word ({@code password: letmein for bob}): not the words for one.
     */
    private static final String[] MACHINE_VALUE_KEYS = {"auth", "token", "secret", "apikey", "secretkey"};
    /** The longest lower-case word read as a name's part after a machine value's key ({@link #isIdentifierPart}). */
    private static final int MAX_NAME_WORD = 12;
    /** Keys that are also a service's host name or a cache key's prefix: {@code auth:8080}, {@code token:48213}. */
    private static final String[] NAME_KEYS = {"auth", "token"};
    /** The keys a quoted value a space apart is read after: the words for a password, as SQL and messages use them. */
    static final String[] PASSWORD_WORDS = {"password", "passwd", "pwd", "passphrase", "passwort", "kennwort",
        "senha", "contrasena", "wachtwoord", "motdepasse", "parola", "haslo", "heslo", "sifre", "losenord", "jelszo",
        "salasana", "passord", "adgangskode"};
    /**
     * Keys whose value, as bytes in hex that ':' joins, is a KDF's salt ({@link #isColonHexBytes}), as a
     * key file's is stored in clear; a payment gateway's salt is letters. The cookie's are {@link #cookies}'.
     */
    private static final String[] NONCE_KEYS = {"salt"};
    /** The fewest bytes {@link #isColonHexBytes} reads as a nonce: SSH's KEXINIT cookie and a bcrypt salt are 16. */
    private static final int MIN_NONCE_BYTES = 8;
    /** A column holding a session's id ({@link #isSecretName}), compared as {@link KeyedValue#keyEndsWith} does. */
    private static final String SESSION_ID_COLUMN = "sessionid";
    /** Django's sessions table names its id so: {@code django_session.session_key}. */
    private static final String SESSION_KEY_COLUMN = "sessionkey";
    /** The header that sets one cookie, its attributes after it ({@code ; Path=/; HttpOnly}), not more cookies. */
    private static final String SET_COOKIE = "set-cookie";
    /** The elements of a name/value pair in XML ({@link #isNamedValueElement}), compared as keys are. */
    private static final String XML_VALUE = "value";
    private static final String XML_NAME = "name";
    /** The most whitespace between the name's end tag and the value's start tag: a line break and an indent. */
    private static final int MAX_XML_GAP = 16;
    /** Keys whose value is a list of {@code name=value} pairs that "; " joins: a session id is as good as a password. */
    private static final String[] COOKIE_KEYS = {"cookie"};
    /** Keys whose value may be {@code name=value} pairs that ',' joins ({@link #signedPairs}). */
    private static final String[] SIGNATURE_KEYS = {"signature", "signature256"};
    /**
     * The keys that end a key whatever stands before them, not only after a separator or as a
     * camelCase hump: environment variables and properties written in one case ({@code PGPASSWORD},
     * {@code MYSQLPASSWORD}, {@code appsecret}). Unlike "pass" (bypass, compass) or "token"
     * (nexttoken, a page cursor), no word ends with these but a key for a secret.
     */
    private static final String[] KEYS_AFTER_ANY_PREFIX = {"password", "passwd", "passphrase", "secret"};
    /** The index of "password" in {@link #KEYS}. */
    private static final int PASSWORD = 0;
    /** Which lower-case ASCII chars end some key: the common ':' after a digit or "INFO" is rejected at once. */
    private static final boolean[] KEY_LAST_CHARS = new boolean[128];
    /**
     * Entry {@code c}: the indexes in {@link #KEYS} of the keys that end with c, so that a key
     * ending in 'e' ("name", "type") is compared with the three keys that do, not with all of them.
     */
    private static final int[][] KEYS_ENDING_IN = new int[128][];
    /** Entry {@code c}: the {@link #KEY_SUFFIXES} that end with c. */
    private static final String[][] SUFFIXES_ENDING_IN = new String[128][];

    static {
        for (int k = 0; k < KEYS.length; k++) {
            char last = KEYS[k].charAt(KEYS[k].length() - 1);
            KEY_LAST_CHARS[last] = true;
            int[] keys = KEYS_ENDING_IN[last] == null ? new int[0] : KEYS_ENDING_IN[last];
            KEYS_ENDING_IN[last] = java.util.Arrays.copyOf(keys, keys.length + 1);
            KEYS_ENDING_IN[last][keys.length] = k;
        }
        for (String suffix : KEY_SUFFIXES) {
            char last = suffix.charAt(suffix.length() - 1);
            KEY_LAST_CHARS[last] = true;
            String[] suffixes = SUFFIXES_ENDING_IN[last] == null ? new String[0] : SUFFIXES_ENDING_IN[last];
            SUFFIXES_ENDING_IN[last] = java.util.Arrays.copyOf(suffixes, suffixes.length + 1);
            SUFFIXES_ENDING_IN[last][suffixes.length] = suffix;
        }
        KEY_LAST_CHARS[']'] = true;
        KEY_LAST_CHARS[')'] = true; // PostgreSQL's Key (api_key)=(...): ContextualKeys.duplicateKeyValue
        for (char digit : NUMBERED.toCharArray()) {
            KEY_LAST_CHARS[digit] = true;
        }
    }

    private static final String[] SETTINGS = {"session_authorization"};
    /** The EAP method that authenticates with a password, by the name hostapd and wpa_supplicant label lines with. */
    private static final String EAP_PWD = "eap-pwd";
    /**
     * Tokens that are cursors, not credentials: what a paged or streaming API hands back to be
     * sent with the next call (AWS's {@code nextToken}, {@code NextContinuationToken}, CloudWatch
     * Logs' {@code nextSequenceToken}, Google's {@code pageToken}, a sync or resume point), and
     * .NET's {@code CancellationToken}. Compared as keys are, ignoring case and '_', '-', '.'.
     */
    private static final String[] CURSOR_TOKENS = {"nexttoken", "pagetoken", "nextpagetoken", "sequencetoken",
        "nextsequencetoken", "continuationtoken", "nextcontinuationtoken", "paginationtoken", "synctoken",
        "nextsynctoken", "resumetoken", "cancellationtoken", "changetoken"};
    private static final String[] SCHEMES = {"basic", "bearer", "digest", "token", "negotiate"};
    private static final int MAX_SPACES = 3;
    /**
     * The most spaces read back from a '=' to its key, and on from a ':' to its value: a plan or
     * dump that aligns its '=' or its values in a column, as Terraform's plan and kubectl's
     * describe do ({@code + password                = "x"}, {@code DB_PASSWORD:          x}).
     */
    private static final int MAX_ALIGNMENT = 48;
    /** How far a value, a quoted string or a bracket is read before it is judged; an unquoted value longer is a value. */
    private static final int MAX_QUOTED = 4096;
    /** The fewest bytes a space apart that read as a value in hex, not a word: a token's, a key's. */
    private static final int MIN_HEX_BYTES = 8;
    /** The attributes of a cookie a response sets (RFC 6265 5.2), as they follow its value. */
    /** The longest cookie value read: a session's id, a remember-me token in base64. */
    private static final int MAX_COOKIE = 1024;
    private static final String MAX_AGE = "max-age=";
    private static final String[] COOKIE_ATTRIBUTES = {"path=", "domain=", "expires=", MAX_AGE, "httponly", "secure",
        "samesite="};
    private static final int MAX_SCHEME = 32;
    private static final int MAX_KEY = 64;
    /** What starts a YAML core tag ({@code !!str}, {@code !!binary}), before the value it types. */
    private static final String YAML_CORE_TAG = "!!";
    private static final String API_KEY = "apikey";
    /** The most digits of a protocol API's number after {@code apiKey} (Kafka's run to about 90): no key is so short. */
    private static final int MAX_API_NUMBER_DIGITS = 3;
    /** Keys, besides the words for a password, whose value a person may choose in capitals too ({@link #isConstantName}). */
    private static final String[] CHOSEN_KEYS = {"pass", "pw", "passcode", "secret", "secretanswer", "securityanswer"};
    /** The longest one-word constant's name read as one ({@link #isConstantName}): {@code HEARTBEAT}, {@code METADATA}. */
    private static final int MAX_CONSTANT_WORD = 12;
    private static final String CDATA = "<![CDATA[";
    /**
     * An XML element aws_secret_key does not read: STS's {@code <SecretAccessKey>x</SecretAccessKey>} in a
     * wire log. Not a key here otherwise, where aws_secret_key judges the value by its shape.
     */
    private static final String AWS_SECRET_ELEMENT = "secretaccesskey";
    /** A key, but not an XML element's name: {@link #isSecretElement}. */
    private static final String XML_SIGNATURE = "signature";
    /** Spring's validation warning: {@code on field 'password': rejected value [x]; codes [...]}. */
    private static final String REJECTED_VALUE = "rejected value ";
    /** MySQL's statement that gives an account a password after a '=': {@link #isSetPasswordFor}. */
    private static final String SET_PASSWORD_FOR = "set password for ";
    /** Between a quoted key and its quoted value: {@code 'keystorePass' to 'x'}. */
    private static final String QUOTED_TO = "' to ";
    /** Keys that a test runner's or a mail server's summary gives a count ({@link #isCount}). */
    private static final String[] COUNTER_KEYS = {"pass", "auth"};
    private static final String PASS = "pass";
    private static final String URL_ENCODED_SPACE = "%20";
    /** The longest label {@link #isLabelAfterEmptyValue} reads. */
    private static final int MAX_LABEL = 12;
    /** The words of a key written in hex words ({@link #hexGroupsEnd}): 32 to 64 bits each. */
    private static final int MIN_HEX_GROUP = 8;
    private static final int MAX_HEX_GROUP = 16;
    private static final String OPENSSH_DEBUG = "debug";
    /**
     * etcd's {@code initial-cluster-token}: a name that keeps two clusters bootstrapping on one
     * network apart, printed in its every start-up line, no credential.
     */
    private static final String CLUSTER_TOKEN = "initialclustertoken";
    /** What names a session's or a credential's cookie, in lower case ({@link #namesCredentialCookie}). */
    private static final String[] CREDENTIAL_COOKIE_WORDS = {"sess", "sid", "auth", "token", "remember", "login", "user"};
    /** The longest cookie value read as a visitor's choice ({@link #onlyPreferences}). */
    private static final int MAX_PREFERENCE = 16;
    /** The longest cookie value with a digit read as a choice: no session's id is guessed in 36^6 tries. */
    private static final int MAX_SHORT_CHOICE = 6;
    /** The words a name starts with, before "of", when it measures a secret ({@link #namesMeasureOf}). */
    private static final String[] MEASURES = {"age", "length", "size", "count", "number", "type", "kind", "lifetime"};
    private static final int MAX_COUNTER_DIGITS = 3;
    /** Between a plan's old value and its new one: {@link #changedValueEnd}. */
    private static final String CHANGED_TO = " -> ";

    private PasswordValues() {
    }

    private static String[] withDigitKeys(String... keys) {
        String[] all = java.util.Arrays.copyOf(keys, keys.length + DIGIT_KEYS.length);
        System.arraycopy(DIGIT_KEYS, 0, all, keys.length, DIGIT_KEYS.length);
        return all;
    }

    /**
     * Whether a key this detector reads from '=', ':' or '>' may end with ASCII char {@code c},
     * right before its separator (or the element's '>').
     */
    static boolean mayEndKey(char c) {
        char last = CharClass.toLower(c);
        return last < 128 ? KEY_LAST_CHARS[last] : ForeignPasswordWords.mayEnd(c);
    }

    /**
     * The ASCII separator a full-width one of CJK text stands for: {@code 密码：x} and
     * {@code 密码＝x} separate as {@code 密码:x} and {@code 密码=x}; any other char is itself.
     */
    static char asciiSeparator(char c) {
        return c == FULL_WIDTH_COLON ? ':' : c == FULL_WIDTH_EQUALS ? '=' : c;
    }

    /**
     * {@code at} is '=', ':', '>', '%', a '\\', a single quote, a '_' before "token", "secret",
     * "key" or "pas", a 'T', 'S' or 'K' after a lower-case letter or digit (accessToken), or at a word start
     * a '-', a 'p', 't', 's' or 'k' in either case, an 'O', 'A', 'L' or 'B', a '$' or a '{';
     * {@code from} is where the last value found ends, {@code textStart} where the text starts.
     */
    static long match(CharSequence s, int textStart, int from, int at, int end) {
        if (mayStartQuotedKey(s.charAt(at))) {
            long quoted = QuotedPairs.valueAfterKey(s, from, at, end);
            if (quoted != Match.NONE) {
                return quoted;
            }
        }
        switch (s.charAt(at)) {
            case '>':
                return xmlElement(s, from, at, end);
            case '-':
                if (at + 1 < end && s.charAt(at + 1) == '>') {
                    return arrowKeyValue(s, from, at, end);
                }
                // A known command's flag first: mysql's "-pS3cretPw" is the password, though it ends as a key's
                // name would; not at the second '-' of "--password=v", which is no "-p" of mysql's.
                boolean secondDash = at > from && s.charAt(at - 1) == '-';
                long knownFlag = secondDash ? Match.NONE : CommandPasswordFlags.match(s, from, at, end);
                return knownFlag != Match.NONE ? knownFlag : commandLineFlag(s, from, at, end);
            case '%':
                return encodedKeyValue(s, from, at, end);
            case '\\':
                return jsonEscapedKeyValue(s, from, at, end);
            case 'A':
            case 'L':
                return ProtocolCommands.match(s, from, at, end);
            case 'B':
                long by = IdentifiedBy.match(s, from, at, end);
                return by != Match.NONE ? by : CookieDiagnostics.encodedIdentity(s, at, end);
            case 'p':
            case 'P':
                long note = DovecotAuthDebug.beforeNote(s, from, at, end);
                if (note != Match.NONE) {
                    return note;
                }
                long command = ProtocolCommands.match(s, from, at, end);
                long prose = command != Match.NONE ? command : ProsePasswords.match(s, at, end);
                long escaped = prose != Match.NONE ? prose : EscapedElements.match(s, at, end);
                long link = escaped != Match.NONE ? escaped : PasswordLinks.match(s, from, at, end);
                long bracketed = link != Match.NONE ? link : BracketedParameters.match(s, from, at, end);
                return bracketed != Match.NONE ? bracketed : CasTickets.bare(s, at, end);
            case 's':
            case 'S':
                long login = OracleConnectStrings.afterSqlPlus(s, at, end);
                if (login == Match.NONE) {
                    login = RedisConfigSet.match(s, from, at, end);
                }
                if (login == Match.NONE) {
                    login = CamelRouteHeaders.match(s, at, end);
                }
                if (login == Match.NONE) {
                    login = RedisAclRules.match(s, at, end);
                }
                long named = login != Match.NONE ? login : ProseSecrets.match(s, from, at, end);
                return named != Match.NONE ? named : CasTickets.bare(s, at, end);
            case 't':
            case 'T':
                long token = ProseSecrets.match(s, from, at, end);
                return token != Match.NONE ? token : CasTickets.bare(s, at, end);
            case 'k':
            case 'K':
                return ProseSecrets.match(s, from, at, end);
            case 'O':
                return OneTimeCodes.match(s, at, end);
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                return NamedCodes.match(s, textStart, from, at, end);
            case '_':
                long secret = ProseSecrets.afterUnderscore(s, from, at, end);
                return secret != Match.NONE || !PasswordLinks.mayFollowUnderscore(s, at, end) ? secret
                        : passwordWordAfterUnderscore(s, from, at + 1, end);
            case '{':
                return DelegatedPasswords.match(s, at, end);
            case '$':
                long substituted = LogbackSubstitutions.match(s, from, at, end);
                return substituted != Match.NONE ? substituted : CryptHashes.match(s, at, end);
            case '\'':
                long afterWord = ZooKeeperDigestIds.match(s, from, at, end);
                if (afterWord == Match.NONE) {
                    afterWord = DovecotAuthDebug.mismatch(s, from, at, end);
                }
                if (afterWord == Match.NONE) {
                    afterWord = quotedAfterKeyWord(s, from, at, end);
                }
                if (afterWord == Match.NONE) {
                    afterWord = quotedAfterQuotedKey(s, from, at, end);
                }
                if (afterWord == Match.NONE) {
                    afterWord = ContextualKeys.duplicateEntry(s, from, at, end);
                }
                if (afterWord == Match.NONE) {
                    afterWord = CookieDiagnostics.match(s, from, at, end);
                }
                return afterWord != Match.NONE ? afterWord : SqlInsertValues.match(s, textStart, at, end);
            default:
                return keyValue(s, from, at, end);
        }
    }

    /**
     * A single-quoted value a space apart from a word for a password ({@link #PASSWORD_WORDS}), as SQL writes one
     * ({@code ALTER USER app WITH PASSWORD 'x'}, {@code CREATE ROLE app LOGIN PASSWORD 'x'},
     * {@code CREATE USER app IDENTIFIED BY 'x'}, MySQL 8's {@code IDENTIFIED WITH caching_sha2_password BY 'x'},
     * MySQL's {@code PASSWORD('x')}) and a message may
     * ({@code invalid password 'x'}):
     * from the opening quote, up to the closing one on the same line. A double quote is no trigger:
     * it would stop the scan at every JSON string.
     */
    private static long quotedAfterKeyWord(CharSequence s, int from, int at, int end) {
        if (at - 1 <= from || s.charAt(at - 1) != ' ' && s.charAt(at - 1) != '(') {
            return Match.NONE;
        }
        // Or MySQL's function of the same name: SET PASSWORD FOR app = PASSWORD('x').
        int keyEnd = s.charAt(at - 1) == '(' ? at - 1 : skipSpacesBack(s, from, at);
        boolean sqlGivesPassword = IdentifiedBy.endsClause(s, from, keyEnd)
                || keyEnd > from && s.charAt(keyEnd - 1) == '=' && isSetPasswordFor(s, from, keyEnd - 1);
        int key = sqlGivesPassword ? -1 : keyEndingAt(s, from, keyEnd);
        if (!sqlGivesPassword && (key < 0 || !isOneOf(KEYS[key], PASSWORD_WORDS))) {
            return Match.NONE; // "Secret 'db-password' rotated" names a secret, it holds none
        }
        int limit = (int) Math.min(end, (long) at + 1 + MAX_QUOTED);
        int close = at + 1;
        while (close < limit && s.charAt(close) != '\'' && s.charAt(close) != '\n' && s.charAt(close) != '\r') {
            close++;
        }
        if (close >= limit || s.charAt(close) != '\'' || close == at + 1
                || FrameworkValues.isOneInQuotes(s, at + 1, close)) {
            return Match.NONE;
        }
        return Match.of(at + 1, close);
    }

    /**
     * A single-quoted value after a single-quoted secret key and {@code to}, as Tomcat's digester
     * warns of a connector attribute it does not know ({@code Setting property 'keystorePass' to
     * 'x' did not find a matching property.}) and Spring's binder says what it sets: up to the
     * closing quote on the same line.
     */
    private static long quotedAfterQuotedKey(CharSequence s, int from, int at, int end) {
        int keyQuote = at - QUOTED_TO.length();
        if (keyQuote <= from || !TextSearch.startsWith(s, keyQuote, at, QUOTED_TO)) {
            return Match.NONE;
        }
        int key = keyEndingAt(s, from, keyQuote);
        int keyStart = key < 0 ? -1 : KeyedValue.nameStart(s, from, keyQuote);
        if (keyStart <= from || s.charAt(keyStart - 1) != '\'') {
            return Match.NONE;
        }
        int close = TextSearch.indexOf(s, '\'', at + 1, (int) Math.min(end, (long) at + 1 + MAX_QUOTED));
        if (close < 0 || close == at + 1 || TextSearch.indexOf(s, '\n', at + 1, close) >= 0
                || FrameworkValues.isOneInQuotes(s, at + 1, close)) {
            return Match.NONE;
        }
        return Match.of(at + 1, close);
    }

    /**
     * After a user and a space, " / " and the password, as a start-up banner gives both
     * ({@code Default admin credentials: admin / Xk9mP2qL}): where the password ends, or -1.
     */
    private static int slashedPasswordEnd(CharSequence s, int space, int end) {
        if (space + 3 >= end || s.charAt(space + 1) != '/' || s.charAt(space + 2) != ' ') {
            return -1;
        }
        int stop = space + 3;
        while (stop < end && stop - space - 3 < MAX_QUOTED && !Character.isWhitespace(s.charAt(stop))) {
            stop++;
        }
        return stop > space + 3 ? stop : -1;
    }

    /**
     * After a passphrase's or seed phrase's first word and a space, the end of the lower-case words
     * that go on with it, one space apart, 24 words in all at most
     * ({@code mnemonic: abandon ability able ...}, {@code passphrase=correct horse battery staple});
     * -1 when no such word follows. A word of another shape ({@code Accepted}, {@code user=bob}) ends it.
     */
    private static int phraseEnd(CharSequence s, int space, int end) {
        int stop = -1;
        int at = space;
        for (int words = 1; words < MAX_PHRASE_WORDS && at + 1 < end && s.charAt(at) == ' '; words++) {
            int word = at + 1;
            int wordEnd = word;
            while (wordEnd < end && wordEnd - word <= MAX_PHRASE_WORD && CharClass.isLower(s.charAt(wordEnd))) {
                wordEnd++;
            }
            int length = wordEnd - word;
            if (length == 0 || length > MAX_PHRASE_WORD || wordEnd < end && !endsPhraseWord(s.charAt(wordEnd))) {
                break; // a key (user=bob), a path, a longer word
            }
            stop = wordEnd;
            at = wordEnd;
        }
        return stop;
    }

    /**
     * Where an app password ends that is written as its issuer shows it, four groups of four
     * lower-case letters a space apart ({@code spring.mail.password=abcd efgh ijkl mnop}, Google's),
     * when the value at {@code start} is the first group and the three others follow; -1 otherwise.
     */
    private static int appPasswordEnd(CharSequence s, int start, int stop, int end) {
        if (stop - start != APP_PASSWORD_GROUP || !CharClass.lowers(s, start, stop)) {
            return -1;
        }
        int at = stop;
        for (int group = 1; group < APP_PASSWORD_GROUPS; group++) {
            int next = at + 1 + APP_PASSWORD_GROUP;
            if (next > end || s.charAt(at) != ' ' || !CharClass.lowers(s, at + 1, next)) {
                return -1;
            }
            at = next;
        }
        return at == end || endsPhraseWord(s.charAt(at)) ? at : -1; // not a key's name: abcd efgh ijkl user=bob
    }

    /** Whether {@code c} may follow a word of a phrase: a space, or punctuation that ends a sentence or a structure. */
    private static boolean endsPhraseWord(char c) {
        return c == ' ' || c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}'
                || c == '"' || c == '\'' || c == '\n' || c == '\r';
    }

    /**
     * Where the new value ends when the quoted value at {@code value}, closed at {@code stop}, is
     * an old one a plan shows changed ({@code ~ password = "old" -> "new"}, Terraform's): both are
     * masked as one. -1 otherwise.
     */
    private static int changedValueEnd(CharSequence s, int value, int stop, int end) {
        char quote = s.charAt(value);
        int next = stop + 1 + CHANGED_TO.length();
        if (!CharClass.isQuote(quote) || stop >= end || s.charAt(stop) != quote
                || !TextSearch.startsWith(s, stop + 1, end, CHANGED_TO) || next >= end || s.charAt(next) != quote) {
            return -1;
        }
        int close = closingQuote(s, next + 1, end, quote);
        return close < end ? close : -1;
    }

    /**
     * Whether the '=' at {@code equals} is MySQL's {@code SET PASSWORD FOR 'app'@'%' = 'x'}: the words,
     * then one account, then the '='.
     */
    private static boolean isSetPasswordFor(CharSequence s, int from, int equals) {
        int account = skipSpacesBack(s, from, equals);
        int i = account;
        while (i > from && account - i <= MAX_KEY && s.charAt(i - 1) != ' ') {
            i--;
        }
        int words = i - SET_PASSWORD_FOR.length();
        return i < account && words >= from && TextSearch.startsWithIgnoreCase(s, words, i, SET_PASSWORD_FOR);
    }

    /**
     * {@code password -> x}: a Scala {@code Map}'s {@code toString}; the value as after '='. Also a
     * placeholder and what it resolved to, as Apache Camel logs each at DEBUG
     * ({@code Resolved text: {{db.password}} -> x}); not a URL's last segment ({@code http://h/token -> x}),
     * nor a method's name and what it came to ({@code changePassword -> password changed for bob}).
     */
    private static long arrowKeyValue(CharSequence s, int from, int at, int end) {
        int keyEnd = skipSpacesBack(s, from, at);
        if (keyEnd - 2 > from && s.charAt(keyEnd - 1) == '}' && s.charAt(keyEnd - 2) == '}') {
            keyEnd -= 2;
        }
        int key = keyEndingAt(s, from, keyEnd);
        int nameStart = KeyedValue.nameStart(s, from, keyEnd);
        if (key < 0 || isSetting(s, from, keyEnd) || nameStart > from && s.charAt(nameStart - 1) == '/'
                || CodeLabels.isVerbNamed(s, from, keyEnd)) {
            return Match.NONE;
        }
        int value = at + 2;
        while (value < end && value - at - 2 < MAX_SPACES && s.charAt(value) == ' ') {
            value++;
        }
        return valueAt(s, value, end, isAuthorization(key));
    }

    /** {@code key%3Dvalue}: a URL-encoded '=' after a key; the value up to {@code %26}, '&' or whitespace. */
    private static long encodedKeyValue(CharSequence s, int from, int at, int end) {
        return isEncodedEquals(s, at, end) ? escapedKeyValue(s, from, at, at + 3, end, false) : Match.NONE;
    }

    /**
     * A key, then '=' escaped as Gson writes it in a JSON string by default (HTML-safe: a backslash
     * and {@code u003d}), as in a logged query or connection string in a Gson-made line; the value
     * up to the escaped '&' of the next pair ({@code u0026}), an escaped quote or line break, '"',
     * '&' or whitespace. Other escapes (the {@code u003c} of a '<' in the password) go on the value.
     */
    private static long jsonEscapedKeyValue(CharSequence s, int from, int at, int end) {
        return isUnicodeEscape(s, at, end, '3', 'd') ? escapedKeyValue(s, from, at, at + 6, end, true) : Match.NONE;
    }

    /**
     * The value from {@code start} after an escaped '=' at {@code at} (URL-encoded, or as JSON
     * escapes it when {@code json}), when a key ends right before it; up to the end that escaping writes.
     */
    private static long escapedKeyValue(CharSequence s, int from, int at, int start, int end, boolean json) {
        if (keyEndingAt(s, from, at) < 0 || isSetting(s, from, at)) {
            return Match.NONE;
        }
        int stop = start;
        while (stop < end && !(json ? isJsonEscapedValueEnd(s, stop, end) : isEncodedValueEnd(s, stop, end))) {
            stop++;
        }
        return stop == start || FrameworkValues.isOne(s, start, stop) ? Match.NONE : Match.of(start, stop);
    }

    /** Whether a backslash, {@code u00}, {@code high} and {@code low} (in either case) start at {@code at}. */
    private static boolean isUnicodeEscape(CharSequence s, int at, int end, char high, char low) {
        return at + 5 < end && s.charAt(at) == '\\' && s.charAt(at + 1) == 'u' && s.charAt(at + 2) == '0'
                && s.charAt(at + 3) == '0' && s.charAt(at + 4) == high && CharClass.toLower(s.charAt(at + 5)) == low;
    }

    private static boolean isJsonEscapedValueEnd(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '&' || c == '"') {
            return true;
        }
        return c == '\\' && i + 1 < end && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r'
                || isUnicodeEscape(s, i, end, '2', '6'));
    }

    private static boolean isEncodedEquals(CharSequence s, int at, int end) {
        return at + 3 < end && s.charAt(at + 1) == '3' && (s.charAt(at + 2) == 'D' || s.charAt(at + 2) == 'd');
    }

    private static boolean isEncodedValueEnd(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '&' || c == '"' || c == '\''
                || isEscapedBreakAt(s, i, end)
                || (c == '%' && i + 2 < end && s.charAt(i + 1) == '2' && s.charAt(i + 2) == '6');
    }

    private static long keyValue(CharSequence s, int from, int at, int end) {
        char separator = asciiSeparator(s.charAt(at));
        if (separator == ':' && at + 2 < end && s.charAt(at + 1) == ':' && s.charAt(at + 2) == ' ') {
            return ldifValue(s, from, at, end);
        }
        if (at + 1 < end && (s.charAt(at + 1) == '=' || (separator == ':' && s.charAt(at + 1) == ':'))) {
            // "==", ":=", "::" read as code (Token::name), not as a setting; "==>" starts MyBatis's statements.
            return separator == '=' ? MyBatisParameters.match(s, at, end) : Match.NONE;
        }
        if (separator == '=' && at > from && "=!<>".indexOf(s.charAt(at - 1)) >= 0) {
            return Match.NONE;
        }
        if (separator == ':' && at + 2 < end && s.charAt(at + 1) == '/' && s.charAt(at + 2) == '/') {
            return Match.NONE; // a URL's scheme: url_credentials reads what follows
        }
        if (separator == ':' && isProcessTag(s, from, at)) {
            return Match.NONE; // syslog's "passwd[9012]: password changed for deploy": a program and its pid
        }
        int keyEnd = separator == '=' ? skipSpacesBack(s, from, at, MAX_ALIGNMENT) : skipSpacesBack(s, from, at);
        if (keyEnd > from && (CharClass.isQuote(s.charAt(keyEnd - 1)) || s.charAt(keyEnd - 1) == '`')) {
            keyEnd--; // or a backtick: MySQL's quoted column, `password`='x'
            if (keyEnd > from && s.charAt(keyEnd - 1) == '\\') {
                keyEnd--; // \"password\": JSON inside a JSON string
            }
        }
        int key = keyEndingAt(s, from, keyEnd);
        boolean secret = key >= 0 ? !isSetting(s, from, keyEnd) && !isNameInIdentifier(s, from, keyEnd)
                && !XmlNamespaces.isPrefix(s, from, keyEnd, at)
                && !(separator == ':' && (TestVerdicts.isPassed(s, from, keyEnd, at + 1, end)
                        || at + 1 < end && s.charAt(at + 1) == ' ' && CodeLabels.isLoggerName(s, from, keyEnd)))
                : separator == '=' && isValueOfNamedSecret(s, from, keyEnd)
                || NamedValueFields.isValueOfNamedSecret(s, from, keyEnd, at, end)
                || separator == ':' && (JsonWebKeys.isPrivateMember(s, from, keyEnd, end)
                        || ElasticsearchApiKeys.isEncodedKey(s, from, keyEnd, at, end)
                        || PasswordFingerprints.isOne(s, from, keyEnd, at));
        if (secret && separator == ':' && namesWhereThePasswordIs(s, from, keyEnd, at, end)) {
            return Match.NONE;
        }
        if (!secret && separator == '=' && at > from && s.charAt(at - 1) == ')') {
            return ContextualKeys.duplicateKeyValue(s, from, at, end);
        }
        if (!secret && separator == '=' && ContextualKeys.namesSecret(s, from, keyEnd, keyEnd < at)) {
            long value = valueOfKey(s, from, at, keyEnd, -1, end);
            return value != Match.NONE && ContextualKeys.isSecretValue(s, from, keyEnd, value) ? value : Match.NONE;
        }
        if (!secret) {
            long inContext = valueSecretByContext(s, from, keyEnd, at, end);
            if (inContext != Match.NONE || separator != ':' || key >= 0) {
                return inContext;
            }
            long oracle = OracleConnectStrings.match(s, from, at, end);
            if (oracle != Match.NONE) {
                return oracle;
            }
            long digestId = ZooKeeperDigestIds.match(s, from, at, end);
            if (digestId != Match.NONE) {
                return digestId;
            }
            long params = PreparedStatementParams.match(s, from, at, end);
            return params != Match.NONE ? params : SimpleJdbcInsertValues.match(s, from, at, end);
        }
        return withoutUrlsColon(s, from, keyEnd, valueOfKey(s, from, at, keyEnd, key, end), end);
    }

    /**
     * A query parameter's value less the ':' after it where a space follows: Go's errors write a URL
     * and then ": " and the message ({@code …/fail?api_key=ak_live_51Hx9QmPzR2: internal error}).
     */
    private static long withoutUrlsColon(CharSequence s, int from, int keyEnd, long value, int end) {
        if (value == Match.NONE) {
            return value;
        }
        int stop = Match.end(value);
        if (stop - 1 <= Match.start(value) || s.charAt(stop - 1) != ':' || stop < end && s.charAt(stop) != ' ') {
            return value;
        }
        int name = KeyedValue.nameStart(s, from, keyEnd);
        boolean query = name > from && (s.charAt(name - 1) == '?' || s.charAt(name - 1) == '&');
        return query ? Match.of(Match.start(value), stop - 1) : value;
    }

    /**
     * Whether password_kv may start at the '_' at {@code at}: a name's last part that is a
     * token's, secret's or key's word ({@link ProseSecrets#mayFollowUnderscore}), or a password's
     * ({@link PasswordLinks#mayFollowUnderscore}): the scan's check before it asks.
     */
    static boolean mayFollowUnderscore(CharSequence s, int at, int end) {
        return ProseSecrets.mayFollowUnderscore(s, at, end) || PasswordLinks.mayFollowUnderscore(s, at, end);
    }

    /**
     * A password word at {@code at} that a '_' puts inside a name: a reset link's path segment
     * ({@code /forgot_password/x}) or Tomcat's bracketed parameter ({@code [new_password] with value [x]}).
     */
    private static long passwordWordAfterUnderscore(CharSequence s, int from, int at, int end) {
        // A name ending in the word, and its value a space after it, as after the word alone: etcdctl's
        // "put /config/smtp/auth_password x", a shell's "db_password x".
        long prose = s.charAt(at) == 'p' || s.charAt(at) == 'P' ? ProsePasswords.match(s, at, end) : Match.NONE;
        if (prose != Match.NONE) {
            return prose;
        }
        long link = PasswordLinks.match(s, from, at, end);
        return link != Match.NONE ? link : BracketedParameters.matchInName(s, from, at, end);
    }

    /**
     * The value of a key that names no secret, but that what stands around it makes one: a cookie in
     * HttpClient's debug lines ({@code [name: SESSION][value: x]}), a session's id ({@code sessionId=x}),
     * OAuth's {@code code} in a token request, a CAS ticket ({@code ticket=ST-1-…}). NONE for any other.
     */
    private static long valueSecretByContext(CharSequence s, int from, int keyEnd, int at, int end) {
        long value = HttpClientCookies.match(s, from, keyEnd, at, end);
        if (value == Match.NONE) {
            value = ProseSecrets.sessionIdAfterKey(s, from, keyEnd, at, end);
        }
        if (value == Match.NONE) {
            value = OAuthCodes.match(s, from, keyEnd, at, end);
        }
        if (value == Match.NONE) {
            value = cookieWithAttributes(s, from, keyEnd, at, end);
        }
        return value != Match.NONE ? value : CasTickets.match(s, at, end);
    }

    /**
     * A cookie a response sets, written with its attributes but not its header's name (Shiro's
     * {@code Added HttpServletResponse Cookie [SHIROSID=x; Path=/; HttpOnly]}): a value of a name no key
     * knows is a cookie's when {@code "; "} and an attribute RFC 6265 defines come after it, and is
     * judged as Set-Cookie's (a visitor's choice, {@code theme=dark; Path=/}, stays).
     */
    private static long cookieWithAttributes(CharSequence s, int from, int keyEnd, int at, int end) {
        if (s.charAt(at) != '=' || keyEnd != at || at + 1 >= end || CharClass.isQuote(s.charAt(at + 1))) {
            return Match.NONE; // quoted, the cookie is the string's: Tomcat's setcookie="JSESSIONID=x; Path=/"
        }
        int name = KeyedValue.nameStart(s, from, keyEnd);
        // Read no further than a cookie is long: a line of "k=k=k=…" must not cost a read to its end per '='.
        int limit = (int) Math.min(end, (long) at + 1 + MAX_COOKIE);
        int stop = unquotedEnd(s, at + 1, end, limit);
        if (stop + 2 >= limit || s.charAt(stop) != ';' || s.charAt(stop + 1) != ' '
                || cookieAttributeAt(s, name, end) >= 0) {
            return Match.NONE; // no attribute follows, or this pair is one: "Max-Age=31536000; Expires=…"
        }
        int lineEnd = TextSearch.lineEnd(s, stop, end);
        boolean set = false;
        for (int attribute = stop + 2; attribute > 0; ) {
            int known = cookieAttributeAt(s, attribute, lineEnd);
            if (known < 0) {
                break;
            }
            int value = attribute + COOKIE_ATTRIBUTES[known].length();
            if (COOKIE_ATTRIBUTES[known].equals(MAX_AGE) && value < lineEnd && s.charAt(value) == '0'
                    && (value + 1 == lineEnd || !CharClass.isDigit(s.charAt(value + 1)))) {
                return Match.NONE; // a cookie cleared: Shiro's "rememberMe=deleteMe; Path=/; Max-Age=0"
            }
            set = true;
            int attributeEnd = TextSearch.indexOf(s, ';', attribute, lineEnd);
            attribute = attributeEnd < 0 ? -1 : nextCookie(s, attributeEnd, lineEnd);
        }
        return set ? cookies(s, name, end, true) : Match.NONE;
    }

    /** Which of {@link #COOKIE_ATTRIBUTES} starts at {@code at}, or -1. */
    private static int cookieAttributeAt(CharSequence s, int at, int end) {
        for (int k = 0; k < COOKIE_ATTRIBUTES.length; k++) {
            if (TextSearch.startsWithIgnoreCase(s, at, end, COOKIE_ATTRIBUTES[k])) {
                return k;
            }
        }
        return -1;
    }


    /**
     * Whether the key is the shell's {@code PWD}, in capitals and alone, and its value a path, quoted or not: the
     * working directory in an environment's dump (Django's error report, sudo's log), no password.
     */
    private static boolean isWorkingDirectory(CharSequence s, int from, int keyEnd, int key, int value, int end) {
        if (key < 0 || !KEYS[key].equals("pwd") || keyEnd - 3 < from || !TextSearch.startsWith(s, keyEnd - 3, keyEnd, "PWD")
                || keyEnd - 3 > from && CharClass.isWord(s.charAt(keyEnd - 4))) {
            return false;
        }
        int path = value < end && CharClass.isQuote(s.charAt(value)) ? value + 1 : value;
        return path < end && s.charAt(path) == '/';
    }

    /** Whether the key ending at {@code keyEnd} is a variable's name in {@code ${…}}. */
    private static boolean isVariable(CharSequence s, int from, int keyEnd) {
        int name = KeyedValue.nameStart(s, from, keyEnd);
        return name - 2 >= from && s.charAt(name - 1) == '{' && s.charAt(name - 2) == '$';
    }

    /** Whether {@code 3D}, quoted-printable's '=' after its own '=', stands at {@code at} before a space or a quote. */
    private static boolean isQuotedPrintableEquals(CharSequence s, int at, int end) {
        return at + 2 < end && s.charAt(at) == '3' && s.charAt(at + 1) == 'D'
                && (s.charAt(at + 2) == ' ' || CharClass.isQuote(s.charAt(at + 2)));
    }

    /**
     * Whether the quote at {@code value} closes a string the key's name opened ({@code 'Authorization: '}),
     * then a space or the end follow: the value is empty, and the next quote opens another string.
     */
    private static boolean closesKeysString(CharSequence s, int from, int keyEnd, int value, int end) {
        if (value >= end || !CharClass.isQuote(s.charAt(value)) || value + 1 < end && s.charAt(value + 1) != ' ') {
            return false;
        }
        int name = KeyedValue.nameStart(s, from, keyEnd);
        return name > from && s.charAt(name - 1) == s.charAt(value);
    }

    /**
     * LDIF's base64 value, {@code userPassword:: e1NTSEF9VzZwaDVN...} (RFC 2849: "::" then a space):
     * the value of a secret key as after one ':'. {@code at} is the first ':'.
     */
    private static long ldifValue(CharSequence s, int from, int at, int end) {
        int key = keyEndingAt(s, from, at);
        if (key < 0 || isSetting(s, from, at) || isNameInIdentifier(s, from, at)) {
            return Match.NONE;
        }
        long value = valueOfKey(s, from, at + 1, at, key, end);
        return value == Match.NONE ? value : Match.of(Match.start(value), ldifFoldedEnd(s, Match.end(value), end));
    }

    /**
     * Where an LDIF value that ends at {@code valueEnd} ends with its folded lines: RFC 2849 folds a
     * long line by a line break then one space, so a hash's base64 goes on below
     * ({@code userPassword:: e0NSWVBUfSQ2JFh5...\n OZUNKUXAxcmVR...}).
     */
    private static int ldifFoldedEnd(CharSequence s, int valueEnd, int end) {
        int stop = valueEnd;
        while (true) {
            int next = TextSearch.breakEnd(s, stop, end);
            if (next < 0 || next + 1 >= end || s.charAt(next) != ' ' || !CharClass.isBase64(s.charAt(next + 1))) {
                return stop;
            }
            int line = next + 1;
            while (line < end && CharClass.isBase64OrPad(s.charAt(line))) {
                line++;
            }
            if (line < end && TextSearch.breakEnd(s, line, end) < 0) {
                return stop; // not base64 to its end: an indented line of another kind
            }
            stop = line;
        }
    }

    /**
     * The value after the separator at {@code at} of the secret key ending at {@code keyEnd}
     * ({@code key} its index in {@link #KEYS}, or -1 for a field a sibling names), in the shape it
     * comes in: a list, braces, cookies, Spring's rejected value, or a plain or quoted value.
     */
    private static long valueOfKey(CharSequence s, int from, int at, int keyEnd, int key, int end) {
        char separator = asciiSeparator(s.charAt(at));
        // The hash rocket of Ruby, PHP and Perl ("password" => "x") separates as '=' does.
        int value = separator == '=' && at + 1 < end && s.charAt(at + 1) == '>' ? at + 2 : at + 1;
        int spacesFrom = value;
        int maxSpaces = separator == ':' ? MAX_ALIGNMENT : MAX_SPACES;
        while (value < end && value - spacesFrom < maxSpaces && s.charAt(value) == ' ') {
            value++;
        }
        if (separator == ':' && value - spacesFrom == 2 && isLabelAfterEmptyValue(s, value, end)) {
            return Match.NONE; // a linelog's "pass:  cli  nas 127.0.0.1": the value is empty, the next label follows
        }
        if (separator == ':' && value == at + 1 && value < end && s.charAt(value) == '-' && isVariable(s, from, keyEnd)) {
            value++; // a variable's default, "${DB_PASSWORD:-x}" (Logback, Spring, the shell): x, not "-x"
        }
        if (separator == ':' && value == at + 1 && TextSearch.startsWith(s, value, end, URL_ENCODED_SPACE)) {
            value += URL_ENCODED_SPACE.length(); // a header URL-encoded, as Swift logs a request's: "X-Auth-Key:%20x%0A"
        }
        if (separator == '=' && value == at + 1 && isQuotedPrintableEquals(s, value, end)) {
            // Quoted-printable text (a mail a logger sent, Django's error reports): "=3D" is the '=', the value after it.
            value += 2;
            while (value < end && value - at - 3 < maxSpaces && s.charAt(value) == ' ') {
                value++;
            }
        }
        if (isWorkingDirectory(s, from, keyEnd, key, value, end)) {
            return Match.NONE;
        }
        if (closesKeysString(s, from, keyEnd, value, end)) {
            return Match.NONE; // an empty header in a string of its own: curl's -H 'Authorization: ' -X POST …
        }
        if (value == at + 1 && separator == ':' && !CharClass.isQuote(s.charAt(at - 1))
                && isIdentifierPart(s, value, end, key >= 0 && isOneOf(KEYS[key], NAME_KEYS),
                        key >= 0 && isOneOf(KEYS[key], MACHINE_VALUE_KEYS), isNamespaced(s, from, keyEnd))) {
            return Match.NONE;
        }
        if (isCount(s, from, keyEnd, key, value, end)) {
            return Match.NONE;
        }
        if (separator == ':' && value > at + 1 && CodeLabels.isMethodHeading(s, from, keyEnd, value, end)) {
            return Match.NONE; // Android's "checkPassword: userId 0 result 1": a method's name, then its fields
        }
        if (separator == ':' && value > at + 1 && CodeLabels.isFunctionHeading(s, from, keyEnd, value, end)) {
            return Match.NONE; // Samba's "  check_ntlm_password:  Checking password for …": a C function, then its message
        }
        if (key >= 0 && KEYS[key].equals("auth") && (FrameworkValues.isDottedNameAt(s, value, end)
                || FrameworkValues.isConstantNameAt(s, value, end)
                || AuthIdentities.isUsersOwnName(s, from, keyEnd - KEYS[key].length(), value, end))) {
            // imapd's "user=bob auth=bob": who authenticated; Android's sync authority, "auth: com.android.contacts";
            // CUPS's "auth=CUPSD_AUTH_ALLOW...", a constant's name
            return Match.NONE;
        }
        if (separator == ':' && value > at + 1 && key >= 0 && isOneOf(KEYS[key], CREDENTIAL_KEYS)
                && FrameworkValues.isDottedPairAt(s, value, end)) {
            return Match.NONE; // "credentials: auth.source=shared_credentials_file": a setting follows the label
        }
        if (key >= 0 && isOneOf(KEYS[key], DIGIT_KEYS) && !isDigitCode(s, value, end)) {
            return Match.NONE;
        }
        boolean authorization = key >= 0 && isAuthorization(key);
        if (TextSearch.startsWith(s, value, end, REJECTED_VALUE)) {
            return listValue(s, value + REJECTED_VALUE.length(), end, false);
        }
        boolean cookie = key >= 0 && isOneOf(KEYS[key], COOKIE_KEYS);
        boolean setCookie = cookie && keyEnd - SET_COOKIE.length() >= from
                && TextSearch.startsWithIgnoreCase(s, keyEnd - SET_COOKIE.length(), keyEnd, SET_COOKIE);
        if (value < end && s.charAt(value) == '[' && (value == at + 1 || isQuotedItem(s, value + 1, end))) {
            int close = cookie && value == at + 1 ? closingBracket(s, value, end) : -1;
            // Spring's map of headers, {Set-Cookie:[JSESSIONID=x; Path=/]}: the list's one item read as the header's value.
            return close > value ? cookies(s, value + 1, close, setCookie) : listValue(s, value, end, authorization);
        }
        if (value < end && s.charAt(value) == '[' && (separator != '=' || s.charAt(at - 1) == ' ')) {
            // A word in brackets a space apart, "password: [{}]", "password = [{}]"; not after logfmt's empty "password= ".
            long bracketed = ProsePasswords.bracketed(s, value, end);
            if (bracketed != Match.NONE) {
                return bracketed;
            }
        }
        if (value < end && s.charAt(value) == '{' && closesOnLine(s, value, end)) {
            long braced = bracedValue(s, value, end);
            // After a space only an encoder's or LDAP scheme's id: "userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=".
            if (value == at + 1 || braced != Match.NONE && Match.start(braced) == value) {
                return braced;
            }
        }
        if (cookie) {
            return cookies(s, value, end, setCookie);
        }
        if (key >= 0 && isOneOf(KEYS[key], SIGNATURE_KEYS) && value < end && isPairAt(s, value, end)) {
            return signedPairs(s, value, end);
        }
        // Read no further than a key is long: a line of '"k":"k":"k":...' must not cost a read to its end per key.
        int word = separator == ':' ? unquotedEnd(s, value, end, Math.min(end, value + MAX_KEY + 1)) : -1;
        if (word >= 0 && word <= value + MAX_KEY) {
            if (FrameworkValues.isNextKey(s, value, word)) {
                return Match.NONE; // a heading, "Token: kind: HDFS_DELEGATION_TOKEN": the next key has the value
            }
            if (!authorization && (FrameworkValues.isKindInProse(s, value, word, end)
                    || FrameworkValues.isCompositeType(s, value, word, end))) {
                return Match.NONE; // "db-credentials: secret \"db-credentials\" not found", "pending_auth: struct x"
            }
            if (value > at + 1 && key >= 0 && isOneOf(KEYS[key], MACHINE_VALUE_KEYS)
                    && FrameworkValues.isWordInProse(s, value, word, end)) {
                return Match.NONE; // a heading's sentence: "auth: mode enforce -> off", "token: expired for bob"
            }
        }
        value = pastYamlCoreTag(s, value, end);
        if (SqlInsertValues.isNationalQuote(s, value, end)) {
            value++; // SQL Server's N'hunter2': the value is what the quotes hold
        }
        if (authorization && separator == '=' && isWordThenPair(s, value, end)) {
            return Match.NONE; // logfmt: "authorization=missing method=GET" holds no credential
        }
        if (value == at + 1 && key >= 0 && isOneOf(KEYS[key], MACHINE_VALUE_KEYS)
                && !isChosenKey(key) && FrameworkValues.isFieldAt(s, value, end)) {
            // Paho's "token=key=null ,topics=...": an object whose fields follow; Redis's INFO,
            // "cmdstat_auth:calls=17,usec=113": the command's statistics
            return Match.NONE;
        }
        long plain = valueAt(s, value, end, authorization);
        if (plain != Match.NONE && key >= 0 && isOneOf(KEYS[key], SIGNATURE_KEYS)
                && (TextSearch.indexOf(s, ' ', Match.start(plain), Match.end(plain)) >= 0
                        || isJoinedWords(s, Match.start(plain), Match.end(plain)))) {
            // words, no digest: an IDS rule's name, Suricata's "signature":"GPL ATTACK_RESPONSE id check"; the
            // name of the key that signed, BIND's "request has valid signature: update-key"
            return Match.NONE;
        }
        if (plain != Match.NONE && key >= 0 && !isChosenKey(key)
                && isConstantName(s, Match.start(plain), Match.end(plain))) {
            return Match.NONE; // Kafka's RequestHeader(apiKey=FIND_COORDINATOR, ...): an enum's constant
        }
        if (plain != Match.NONE && key >= 0 && isOneOf(KEYS[key], NONCE_KEYS)
                && isColonHexBytes(s, Match.start(plain), Match.end(plain))) {
            return Match.NONE; // a key file's bcrypt "salt=37:48:…" (a cookie's nonce is read in cookies())
        }
        if (plain != Match.NONE && key >= 0 && isOneOf(KEYS[key], MACHINE_VALUE_KEYS)
                && FrameworkValues.isNamespacedName(s, Match.start(plain), Match.end(plain))) {
            return Match.NONE; // a Kubernetes operator's "secret: default/db-credentials": which Secret, not its data
        }
        if (plain != Match.NONE && key >= 0 && KEYS[key].equals(API_KEY)
                && Match.end(plain) - Match.start(plain) <= MAX_API_NUMBER_DIGITS
                && CharClass.digits(s, Match.start(plain), Match.end(plain) - Match.start(plain), Match.end(plain))) {
            return Match.NONE; // Kafka's protocol API by its number: "apiKey":37, ApiVersion(apiKey=0, ...)
        }
        int changedTo = plain == Match.NONE ? -1 : changedValueEnd(s, value, Match.end(plain), end);
        if (changedTo > 0) {
            return Match.of(Match.start(plain), changedTo);
        }
        int groupsEnd = plain == Match.NONE ? -1 : hexGroupsEnd(s, Match.start(plain), Match.end(plain), end);
        if (groupsEnd > 0) {
            return Match.of(Match.start(plain), groupsEnd);
        }
        if (plain == Match.NONE || Match.end(plain) >= end || s.charAt(Match.end(plain)) != ' ') {
            return plain;
        }
        // An unquoted value with a space in it, where its shape says where it ends: an object's
        // toString field, a configuration's line.
        int start = Match.start(plain);
        int stop = separator == '=' ? ToStringFields.valueEnd(s, from, keyEnd, start, Match.end(plain), end) : -1;
        if (stop < 0) {
            stop = ConfigLines.valueEnd(s, from, keyEnd, start, Match.end(plain), end);
        }
        if (stop < 0 && key >= 0 && isOneOf(KEYS[key], CREDENTIAL_KEYS)) {
            stop = slashedPasswordEnd(s, Match.end(plain), end);
        }
        if (stop < 0 && key >= 0 && isOneOf(KEYS[key], PHRASE_KEYS)) {
            stop = phraseEnd(s, Match.end(plain), end);
        }
        if (stop < 0 && key >= 0 && isOneOf(KEYS[key], PASSWORD_WORDS)) {
            stop = appPasswordEnd(s, start, Match.end(plain), end);
        }
        return stop < 0 ? plain : Match.of(start, stop);
    }

    /** Whether {@code s[start, stop)} is {@link #MIN_NONCE_BYTES} or more bytes as two hex digits each, ':' between. */
    private static boolean isColonHexBytes(CharSequence s, int start, int stop) {
        if ((stop - start + 1) % 3 != 0 || (stop - start + 1) / 3 < MIN_NONCE_BYTES) {
            return false;
        }
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if ((i - start) % 3 == 2 ? c != ':' : !CharClass.isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the value of key {@code key} is one a person may choose, a word in capitals or
     * {@code retry=3} among them: the words for a password and the {@link #CHOSEN_KEYS}. After
     * the other keys such shapes read as a framework's (an enum's constant, an object's fields).
     */
    private static boolean isChosenKey(int key) {
        return isOneOf(KEYS[key], PASSWORD_WORDS) || isOneOf(KEYS[key], CHOSEN_KEYS);
    }

    /**
     * Past a YAML core tag and its space at {@code value} ({@code password: !!str 0123}, the value
     * typed so that YAML reads it as a string): where the value itself starts; else {@code value}.
     * Other tags ({@code !vault}, {@code !Ref}) load the value from elsewhere and are left as they are.
     */
    private static int pastYamlCoreTag(CharSequence s, int value, int end) {
        if (!TextSearch.startsWith(s, value, end, YAML_CORE_TAG)) {
            return value;
        }
        int i = value + YAML_CORE_TAG.length();
        while (i < end && CharClass.isLower(s.charAt(i))) {
            i++;
        }
        boolean typed = i > value + YAML_CORE_TAG.length() && i + 1 < end && s.charAt(i) == ' ' && s.charAt(i + 1) != ' ';
        return typed ? i + 1 : value;
    }

    /**
     * Whether {@code s[start, stop)} reads as a constant's name, as an enum's {@code toString} writes it:
     * capitals and '_' only, a word of at most {@link #MAX_CONSTANT_WORD} letters or words that '_' joins
     * ({@code METADATA}, {@code FIND_COORDINATOR}, {@code ACCESS_TOKEN}). A generated key or token holds
     * digits or lower case; a base32 secret of capitals alone is longer. A password may be such a word,
     * so after the keys of {@link #isChosenKey} this is not asked.
     */
    private static boolean isConstantName(CharSequence s, int start, int stop) {
        if (stop - start > MAX_KEY || !CharClass.isUpper(s.charAt(start)) || s.charAt(stop - 1) == '_') {
            return false;
        }
        boolean joined = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                joined = true;
            } else if (!CharClass.isUpper(c)) {
                return false;
            }
        }
        return joined || stop - start <= MAX_CONSTANT_WORD;
    }

    /**
     * Whether the key ending at {@code keyEnd} is a name inside an identifier, not a key: a URL's
     * host ({@code http://auth:9000/}, {@code https://token:x@host} whose password is
     * url_credentials'), or a field of an ARN ({@code arn:aws:secretsmanager:...:secret:prod/db}) or of a
     * CloudFormation dynamic reference ({@code {{resolve:secretsmanager:db:SecretString:password}}}), an
     * EAP method's name ({@code EAP-pwd:}), or a name service's map in a lookup's tag ({@code <passwd="alice">}).
     */
    private static boolean isNameInIdentifier(CharSequence s, int from, int keyEnd) {
        int start = keyEnd;
        while (start > from && keyEnd - start <= MAX_KEY && isNameChar(s.charAt(start - 1)) && s.charAt(start - 1) != ':') {
            start--;
        }
        if (start - 2 >= from && s.charAt(start - 1) == '/' && s.charAt(start - 2) == '/') {
            return true;
        }
        if (keyEnd - start == EAP_PWD.length() && TextSearch.startsWithIgnoreCase(s, start, keyEnd, EAP_PWD)) {
            return true; // an EAP method's name, as hostapd and wpa_supplicant label their lines: "EAP-pwd: ID/Request"
        }
        if (start - 1 >= from && s.charAt(start - 1) == '<' && isLookupTag(s, keyEnd)) {
            return true;
        }
        if (start - 1 < from || s.charAt(start - 1) != ':') {
            return false;
        }
        int token = start - 1;
        while (token > from && keyEnd - token <= MAX_QUOTED && !isTokenBreak(s.charAt(token - 1))) {
            token--;
        }
        return TextSearch.startsWithIgnoreCase(s, token, keyEnd, "arn:")
                || TextSearch.startsWithIgnoreCase(s, token, keyEnd, "{{resolve:");
    }

    /**
     * Whether the name ending at {@code keyEnd}, after a '<', tags a lookup of a name service's map
     * by its key, as nslcd labels each line of a request: {@code <passwd="alice">}, the passwd
     * database and a user's name, closed by {@code ">} on the same word.
     */
    private static boolean isLookupTag(CharSequence s, int keyEnd) {
        if (keyEnd + 2 >= s.length() || s.charAt(keyEnd) != '=' || s.charAt(keyEnd + 1) != '"') {
            return false;
        }
        int close = keyEnd + 2;
        while (close < s.length() && close - keyEnd <= MAX_KEY && s.charAt(close) != '"' && s.charAt(close) != ' ') {
            close++;
        }
        return close + 1 < s.length() && s.charAt(close) == '"' && s.charAt(close + 1) == '>';
    }

    private static boolean isTokenBreak(char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == '\n' || c == '\r';
    }

    /**
     * Whether the word right after a ':' with no space runs into another ':' ({@code auth:session:48213},
     * {@code password:reset:48213}: a cache key or a scope) or, after a key that also names a host or
     * a cache ({@link #NAME_KEYS}), is a port or short id of at most five digits ({@code auth:8080},
     * {@code token:48213}), or, after a key of machine-made values ({@link #MACHINE_VALUE_KEYS}), a
     * word of lower-case letters that a list's ',' or bracket ends ({@code params: [apikey:bob, …]}, a
     * Redis key Redisson logs), or, after a key that is itself a part after a ':', a word of lower-case
     * letters ({@code app:token:jane}): parts of a name, not a value given to a key. Go's {@code CVV:123} and
     * {@code auth:mode enforce} are values.
     */
    private static boolean isIdentifierPart(CharSequence s, int value, int end, boolean nameKey, boolean machineKey,
                                            boolean namespaced) {
        int i = value;
        boolean digits = true;
        boolean lowers = true;
        while (i < end && (CharClass.isAlnum(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
            digits &= CharClass.isDigit(s.charAt(i));
            lowers &= CharClass.isLower(s.charAt(i));
            i++;
        }
        if (i == value) {
            return false;
        }
        boolean wordEnds = i == end || !isNameChar(s.charAt(i)) && s.charAt(i) != '@';
        return (i < end && s.charAt(i) == ':' && i + 1 < end && CharClass.isAlnum(s.charAt(i + 1)))
                || (nameKey && digits && i - value <= 5 && (wordEnds || s.charAt(i) == '/'))
                || (machineKey && lowers && i - value <= MAX_NAME_WORD && i < end && ",])".indexOf(s.charAt(i)) >= 0)
                || (namespaced && lowers && i - value <= MAX_NAME_WORD && wordEnds);
    }

    /**
     * Whether the key ending at {@code keyEnd} is itself a part after a ':', as a Redis key names its
     * namespaces ({@code app:token:jane}, MONITOR's {@code "SETEX" "app:token:jane" "300" …}).
     */
    private static boolean isNamespaced(CharSequence s, int from, int keyEnd) {
        int nameStart = KeyedValue.nameStart(s, from, keyEnd);
        return nameStart - 1 > from && s.charAt(nameStart - 1) == ':' && CharClass.isAlnum(s.charAt(nameStart - 2));
    }

    /** 4 to 12 digits at {@code value}, in quotes or not, and no letter or digit after them. */
    private static boolean isDigitCode(CharSequence s, int value, int end) {
        int i = value < end && CharClass.isQuote(s.charAt(value)) ? value + 1 : value;
        int digits = i;
        while (i < end && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        return i - digits >= MIN_CODE_DIGITS && i - digits <= MAX_CODE_DIGITS
                && (i == end || !CharClass.isAlnum(s.charAt(i)));
    }

    /**
     * A count after the key {@code pass} or {@code auth} written as a word of its own: a test run's
     * summary ({@code pass=124 fail=0}, {@code PASS: 12}), Postfix's count of a client's commands
     * ({@code ehlo=1 auth=0/1 quit=1 commands=3/4}, tried and all: at most {@link #MAX_COUNTER_DIGITS}
     * digits each), or a kubectl secret's size ({@code password:  16 bytes}); after any key, one digit alone,
     * and two after a method's name ({@code setPrivateKey: 01}).
     */
    private static boolean isCount(CharSequence s, int from, int keyEnd, int key, int value, int end) {
        int stop = CharClass.digitsEnd(s, value, end);
        if (stop == value) {
            return false;
        }
        int digits = stop - value;
        if (stop + 1 < end && s.charAt(stop) == '/' && CharClass.isDigit(s.charAt(stop + 1))) {
            stop = CharClass.digitsEnd(s, stop + 1, end); // tried/done
        }
        if (stop < end && CharClass.isWord(s.charAt(stop))) {
            return false;
        }
        if (TextSearch.startsWith(s, stop, end, " bytes") || stop - value == 1 && endsLoneDigit(s, stop, end)) {
            return true; // a lone digit: a flag or a count (pdbedit's "Last bad password : 0"), as no secret is
        }
        if (stop - value == 2 && endsLoneDigit(s, stop, end) && CodeLabels.isVerbNamed(s, from, keyEnd)) {
            return true; // a method's argument or result, Squid's "store.cc(580) setPrivateKey: 01 e:=V/0x55eb…"
        }
        if (key < 0 || !isOneOf(KEYS[key], COUNTER_KEYS)) {
            return false;
        }
        int name = keyEnd - KEYS[key].length();
        boolean whole = name >= from && (name == from || !CharClass.isWord(s.charAt(name - 1)));
        boolean small = digits <= MAX_COUNTER_DIGITS && stop - value <= 2 * MAX_COUNTER_DIGITS + 1;
        return whole && (KEYS[key].equals("pass") || small);
    }

    /**
     * The end of a key written as hex in words of one length, a space apart, when the value
     * {@code s[start, stop)} is the first of them: OpenVPN at verb 9, {@code HMAC KEY: 2ac8d0a2 1fff60c0 …}
     * (eight words of 8, 256 bits); -1 when none follows.
     */
    private static int hexGroupsEnd(CharSequence s, int start, int stop, int end) {
        int length = stop - start;
        if (length < MIN_HEX_GROUP || length > MAX_HEX_GROUP || !CharClass.hexDigits(s, start, stop)) {
            return -1;
        }
        int i = stop;
        while (i + 1 + length <= end && s.charAt(i) == ' ' && CharClass.hexDigits(s, i + 1, i + 1 + length)
                && (i + 1 + length == end || !CharClass.isAlnum(s.charAt(i + 1 + length)))) {
            i += 1 + length;
        }
        return i > stop ? i : -1;
    }

    /**
     * Whether the word at {@code value}, two spaces after a key's ':', is the next field's label:
     * lower-case letters, then two spaces again and a value, as a line format writes an empty
     * value between its labels ({@code pass: %{User-Password} cli %{Calling-Station-Id}}).
     */
    private static boolean isLabelAfterEmptyValue(CharSequence s, int value, int end) {
        int word = value;
        while (word < end && word - value <= MAX_LABEL && CharClass.isLower(s.charAt(word))) {
            word++;
        }
        return word > value && word - value <= MAX_LABEL && word + 2 < end && s.charAt(word) == ' '
                && s.charAt(word + 1) == ' ' && s.charAt(word + 2) != ' ';
    }

    /** Lower-case words that '-' or '_' join, nothing else: a name ({@code update-key}), as no digest is written. */
    private static boolean isJoinedWords(CharSequence s, int start, int stop) {
        boolean joined = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                joined |= i > start && i + 1 < stop;
            } else if (!CharClass.isLower(c)) {
                return false;
            }
        }
        return joined;
    }

    /** Whether a digit's word ends at {@code at}: the end, a space, a closing mark or a sentence's '.', not "1.2". */
    private static boolean endsLoneDigit(CharSequence s, int at, int end) {
        char c = at < end ? s.charAt(at) : ' ';
        if (c == '.') {
            return at + 1 == end || Character.isWhitespace(s.charAt(at + 1));
        }
        return Character.isWhitespace(c) || ";)]}\"'".indexOf(c) >= 0;
    }

    /**
     * A Cookie header's value ({@code Cookie: JSESSIONID=a1; theme=dark}): from the first cookie's
     * value to the end of the last pair that "; " (or RFC 2965's ";") joins to it, names and all,
     * since any of them may be the session. A Set-Cookie header's ({@code setCookie}) sets one cookie, whose attributes
     * follow it ({@code ; Path=/; Expires=Wed, 08 May 2024}): its value only. A quoted value, as any other.
     */
    private static long cookies(CharSequence s, int value, int end, boolean setCookie) {
        if (value >= end || CharClass.isQuote(s.charAt(value))) {
            return valueAt(s, value, end, false);
        }
        int stop = unquotedEnd(s, value, end);
        for (int next = nextCookie(s, stop, end); !setCookie && next > 0 && isPairAt(s, next, end);
                next = nextCookie(s, stop, end)) {
            stop = unquotedEnd(s, next, end);
        }
        int equals = TextSearch.indexOf(s, '=', value, stop);
        if (equals < 0 && !setCookie && stop < end && s.charAt(stop) == ' ') {
            return Match.NONE; // a sentence about a cookie ("remember-me cookie: Cookie token did not ..."), no name=value
        }
        if (equals >= 0 && equals + 1 == stop) {
            return Match.NONE; // a cookie cleared: "Set-Cookie: remember-me=; Max-Age=0"
        }
        int start = equals >= 0 && equals + 1 < stop ? equals + 1 : value;
        if (equals < 0 && isColonHexBytes(s, start, stop)) {
            return Match.NONE; // no name=value but a public nonce: Apache MINA SSHD's KEXINIT "cookie=60:3b:08:…"
        }
        if (equals < 0 && !setCookie && isCookieName(s, start, stop)) {
            return Match.NONE; // a cookie's name, no value: Keycloak's "Could not find cookie: KEYCLOAK_IDENTITY"
        }
        if (equals >= 0 && onlyPreferences(s, value, stop)) {
            return Match.NONE; // Tomcat's request dumper, "cookie=theme=dark": a setting, no session's id
        }
        return stop == start || FrameworkValues.isOne(s, start, stop) ? Match.NONE : Match.of(start, stop);
    }

    /**
     * Where the cookie after the ';' at {@code at} starts ("; ", or RFC 2965's ";" alone:
     * {@code $Version=1;SID=x}); or -1.
     */
    private static int nextCookie(CharSequence s, int at, int end) {
        if (at + 1 >= end || s.charAt(at) != ';') {
            return -1;
        }
        int next = s.charAt(at + 1) == ' ' ? at + 2 : at + 1;
        return next < end ? next : -1;
    }

    /**
     * Whether every cookie in {@code s[from, stop)} ({@code name=value}, "; " between) holds a word,
     * letters and '-' only and at most {@link #MAX_PREFERENCE} chars ({@code theme=dark; lang=en-US}),
     * or lower case with digits at most {@link #MAX_SHORT_CHOICE} ({@code srv_track=be1}, a load
     * balancer's pick of a server): what a site remembers of a visitor's choices, or of its own. An id
     * is longer, or mixes cases and digits.
     */
    private static boolean onlyPreferences(CharSequence s, int from, int stop) {
        int i = from;
        while (i < stop) {
            int equals = TextSearch.indexOf(s, '=', i, stop);
            if (equals < 0 || namesCredentialCookie(s, i, equals)) {
                return false;
            }
            int valueEnd = equals + 1;
            boolean digit = false;
            boolean upper = false;
            while (valueEnd < stop && (CharClass.isLetter(s.charAt(valueEnd)) || s.charAt(valueEnd) == '-'
                    || CharClass.isDigit(s.charAt(valueEnd)))) {
                digit |= CharClass.isDigit(s.charAt(valueEnd));
                upper |= CharClass.isUpper(s.charAt(valueEnd));
                valueEnd++;
            }
            int length = valueEnd - equals - 1;
            if (length == 0 || length > (digit ? upper ? 0 : MAX_SHORT_CHOICE : MAX_PREFERENCE)
                    || valueEnd < stop && s.charAt(valueEnd) != ';') {
                return false;
            }
            i = valueEnd + 2;
        }
        return true;
    }

    /** A cookie named for a session or a credential ({@code SESSION}, {@code PHPSESSID}, {@code auth_token}): no choice. */
    private static boolean namesCredentialCookie(CharSequence s, int name, int nameEnd) {
        for (String word : CREDENTIAL_COOKIE_WORDS) {
            if (TextSearch.lastIndexOfIgnoreCase(s, name, nameEnd, word) >= 0) {
                return true;
            }
        }
        return keyEndingAt(s, name, nameEnd) >= 0;
    }

    /** Capitals, '_' and '-' only, as servers name their cookies ({@code JSESSIONID}, {@code AUTH_SESSION_ID}): no id. */
    private static boolean isCookieName(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (!CharClass.isUpper(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * A signature header of {@code name=value} pairs that ',' joins, Stripe's {@code t=1492774577,v1=5257a8...}:
     * masked from the first value to the last, where reading one value would stop at {@code ,v1=}.
     */
    private static long signedPairs(CharSequence s, int value, int end) {
        int stop = unquotedEnd(s, value, end);
        while (stop + 1 < end && s.charAt(stop) == ',' && isPairAt(s, stop + 1, end)) {
            stop = unquotedEnd(s, stop + 1, end);
        }
        int start = TextSearch.indexOf(s, '=', value, stop) + 1;
        return start >= stop ? Match.NONE : Match.of(start, stop);
    }

    private static boolean isPairAt(CharSequence s, int at, int end) {
        int nameEnd = nameEnd(s, at, end);
        return nameEnd > at && nameEnd < end && s.charAt(nameEnd) == '=';
    }

    /**
     * Whether {@code s[.., keyEnd)} is a {@code value} attribute right after a {@code name} or
     * {@code key} attribute that names a secret.
     */
    private static boolean isValueOfNamedSecret(CharSequence s, int from, int keyEnd) {
        int valueStart = keyEnd - "value".length();
        if (valueStart <= from || !TextSearch.startsWithIgnoreCase(s, valueStart, keyEnd, "value")
                || !isAttributeGap(s.charAt(valueStart - 1))) {
            return false;
        }
        int afterQuote = skipSpacesBack(s, from, valueStart);
        return afterQuote > from && CharClass.isQuote(s.charAt(afterQuote - 1)) && isNamingAttribute(s, from, afterQuote);
    }

    /**
     * Whether the quoted attribute value whose closing quote stands right before {@code afterQuote}
     * is a secret key given to a {@code key} or {@code name} attribute: {@code key="password"},
     * {@code name="db.password"}.
     */
    private static boolean isNamingAttribute(CharSequence s, int from, int afterQuote) {
        int closing = afterQuote - 1;
        char quote = s.charAt(closing);
        int opening = closing - 1;
        while (opening > from && closing - opening <= MAX_KEY && s.charAt(opening) != quote) {
            opening--;
        }
        if (opening <= from + 1 || s.charAt(opening) != quote || s.charAt(opening - 1) != '='
                || keyEndingAt(s, opening + 1, closing) < 0) {
            return false;
        }
        return isAttributeNamed(s, from, opening - 1, "key") || isAttributeNamed(s, from, opening - 1, "name");
    }

    private static boolean isAttributeNamed(CharSequence s, int from, int nameEnd, String name) {
        int start = nameEnd - name.length();
        return start > from && TextSearch.startsWithIgnoreCase(s, start, nameEnd, name)
                && isAttributeGap(s.charAt(start - 1));
    }

    private static boolean isAttributeGap(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code <password>value<} or {@code <entry key="password">value<}: the element's text, up to the next tag. */
    private static long xmlElement(CharSequence s, int from, int at, int end) {
        boolean attributes = at > from && CharClass.isQuote(s.charAt(at - 1));
        boolean secret = attributes ? isNamingAttribute(s, from, at) || isSecretElement(s, from, tagNameEnd(s, from, at))
                : isSecretElement(s, from, at) || isNamedValueElement(s, from, at);
        if (!secret) {
            return Match.NONE;
        }
        if (TextSearch.startsWith(s, at + 1, end, CDATA)) {
            int close = TextSearch.indexOf(s, "]]>", at + 1 + CDATA.length(), end);
            int start = at + 1 + CDATA.length();
            return close <= start ? Match.NONE : Match.of(start, close);
        }
        int limit = (int) Math.min(end, (long) at + 1 + MAX_QUOTED);
        int stop = at + 1;
        while (stop < limit && s.charAt(stop) != '<') {
            stop++;
        }
        if (stop == limit && limit < end) {
            return Match.NONE;
        }
        boolean closed = stop + 1 < end && s.charAt(stop + 1) == '/';
        if (stop > at + 1 && " ])},;\"'".indexOf(s.charAt(at + 1)) >= 0 && !closed) {
            // A placeholder in prose, no element: Redis's "HELLO <proto> AUTH <user> <pass> option can be used ...",
            // vsftpd's "PASS <password>" in quotes, which it writes for the password it hides.
            return Match.NONE;
        }
        if (!closed) {
            stop = escapedLineEnd(s, at + 1, stop); // an element left open ends with its line
        }
        return stop == at + 1 || FrameworkValues.isOne(s, at + 1, stop) ? Match.NONE : Match.of(at + 1, stop);
    }

    /**
     * Whether the '>' at {@code at} ends a {@code <value>} or {@code <param-value>} start tag whose
     * sibling element right before it names a secret: Hadoop's configuration, {@code <property><name>
     * fs.s3a.secret.key</name><value>x</value>}, as its job history keeps every job's, and a web.xml's
     * {@code <param-name>db.password</param-name><param-value>x</param-value>}.
     */
    private static boolean isNamedValueElement(CharSequence s, int from, int at) {
        int nameStart = at;
        while (nameStart > from && at - nameStart <= MAX_KEY && isNameChar(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (nameStart - 1 <= from || s.charAt(nameStart - 1) != '<'
                || !KeyedValue.keyEndsWith(s, nameStart, at, XML_VALUE)) {
            return false;
        }
        int close = nameStart - 1;
        while (close > from && nameStart - close <= MAX_XML_GAP && Character.isWhitespace(s.charAt(close - 1))) {
            close--;
        }
        if (close <= from || s.charAt(close - 1) != '>') {
            return false;
        }
        int endTag = TextSearch.lastIndexOf(s, '<', Math.max(from, close - MAX_KEY), close);
        if (endTag < 0 || endTag + 2 >= close || s.charAt(endTag + 1) != '/'
                || !KeyedValue.keyEndsWith(s, endTag + 2, close - 1, XML_NAME)) {
            return false;
        }
        int text = TextSearch.lastIndexOf(s, '>', Math.max(from, endTag - MAX_KEY), endTag);
        return text >= 0 && text + 1 < endTag && isSecretName(s, text + 1, endTag);
    }

    /**
     * Where the name of the start tag ends whose attributes end at the '>' at {@code at}
     * ({@code <wsse:Password Type="...#PasswordText">}), or {@code at} when no '<' starts one
     * within {@link #MAX_QUOTED} chars before it.
     */
    private static int tagNameEnd(CharSequence s, int from, int at) {
        int open = at - 1;
        while (open > from && at - open <= MAX_QUOTED && s.charAt(open) != '<' && s.charAt(open) != '>') {
            open--;
        }
        if (s.charAt(open) != '<') {
            return at;
        }
        int nameEnd = open + 1;
        while (nameEnd < at && isNameChar(s.charAt(nameEnd))) {
            nameEnd++;
        }
        return nameEnd < at && s.charAt(nameEnd) == ' ' ? nameEnd : at;
    }

    /**
     * Whether the '>' at {@code at} ends a start tag named like a secret: {@code <password>}, {@code <db:Password>};
     * not XML-DSig's {@code <ds:Signature>}, which holds a signature anyone may verify, as the SAML
     * assertions in a log do, nor a page's cursor (S3's {@code <NextContinuationToken>}, {@link #isSetting}).
     */
    private static boolean isSecretElement(CharSequence s, int from, int at) {
        int nameStart = at;
        while (nameStart > from && at - nameStart <= MAX_KEY && isNameChar(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        return nameStart != at && nameStart != from && s.charAt(nameStart - 1) == '<'
                && (keyEndingAt(s, nameStart, at) >= 0 || KeyedValue.keyEndsWith(s, nameStart, at, AWS_SECRET_ELEMENT))
                && !KeyedValue.keyEndsWith(s, nameStart, at, XML_SIGNATURE) && !isSetting(s, nameStart, at);
    }

    /**
     * Whether the ':' at {@code at} ends syslog's tag of a program and its process id,
     * {@code passwd[9012]:} or {@code chpasswd[77]:}, not a key with an index.
     */
    private static boolean isProcessTag(CharSequence s, int from, int at) {
        if (at - 3 < from || s.charAt(at - 1) != ']') {
            return false;
        }
        int open = at - 2;
        while (open > from && CharClass.isDigit(s.charAt(open))) {
            open--;
        }
        return open < at - 2 && s.charAt(open) == '[' && open > from && CharClass.isAlnum(s.charAt(open - 1));
    }

    /**
     * Whether the ':' at {@code at} ends a flag that says where its password is, not what it is:
     * keytool's and jarsigner's {@code -storepass:env STOREPASS} and {@code -keypass:file /run/secrets/kp},
     * the documented way to keep a password off the command line. What follows is a variable's name or a path.
     */
    private static boolean namesWhereThePasswordIs(CharSequence s, int from, int keyEnd, int at, int end) {
        int name = KeyedValue.nameStart(s, from, keyEnd);
        if (name >= keyEnd || s.charAt(name) != '-' || keyEnd != at) {
            return false;
        }
        for (String source : PASSWORD_SOURCES) {
            int stop = at + 1 + source.length();
            if (stop < end && TextSearch.startsWith(s, at + 1, end, source) && s.charAt(stop) == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code --password value} or {@code -storepass value}: the next word; or the next item where
     * the flag is one of a logged argument list's ({@code [mysqldump, --password, v]} of
     * {@code ProcessBuilder.command()}, a container's {@code "args": ["--password", "v"]}).
     */
    private static long commandLineFlag(CharSequence s, int from, int at, int end) {
        if (CharClass.wordBefore(s, from, at) || at - 1 > from && s.charAt(at - 1) == '-' && s.charAt(at - 2) == '-') {
            // After a word, or as a third dash: a banner's rule, the JDK's "----Credentials end----".
            return Match.NONE;
        }
        int nameStart = at + 1 < end && s.charAt(at + 1) == '-' ? at + 2 : at + 1;
        if (nameStart >= end || !CharClass.isLetter(s.charAt(nameStart))) {
            return Match.NONE;
        }
        int nameEnd = nameEnd(s, nameStart, end);
        if (nameEnd + 1 >= end || keyEndingAt(s, nameStart, nameEnd) < 0) {
            return Match.NONE;
        }
        int value = nameEnd + 1;
        if (s.charAt(nameEnd) != ' ') {
            // Not prose's "use --password, not -p", which lists no arguments.
            value = isListItem(s, from, at) ? CommandPasswordFlags.separateValue(s, from, at, nameEnd, end) : -1;
        }
        if (value < 0 || s.charAt(value) == '-') { // the next flag: this one takes no value
            return Match.NONE;
        }
        return valueAt(s, value, end, false);
    }

    /** Whether the word at {@code at}, quoted or not, is an item of a list: after its '[', '(' or ','. */
    private static boolean isListItem(CharSequence s, int from, int at) {
        int before = at > from && CharClass.isQuote(s.charAt(at - 1)) ? at - 2 : at - 1;
        if (before > from && s.charAt(before) == ' ' && s.charAt(before - 1) == ',') {
            return true;
        }
        return before >= from && (s.charAt(before) == '[' || s.charAt(before) == '(' || s.charAt(before) == ',');
    }

    /** The value that starts at {@code value}, quoted or not; NONE when there is none to mask. */
    static long valueAt(CharSequence s, int value, int end) {
        return valueAt(s, value, end, false);
    }

    /**
     * The end of bytes written in hex a space apart, at least {@link #MIN_HEX_BYTES} of them, as the
     * JDK's Kerberos debug writes a token ({@code sending token = a0 82 02 ef 30 82 …}); -1 when the
     * value is no such run. Read one byte at a time, the value would be its first byte.
     */
    private static int hexBytesEnd(CharSequence s, int value, int end) {
        int i = value;
        int bytes = 0;
        while (i + 1 < end && CharClass.isHex(s.charAt(i)) && CharClass.isHex(s.charAt(i + 1))
                && (i + 2 == end || s.charAt(i + 2) == ' ' || !CharClass.isWord(s.charAt(i + 2)))) {
            bytes++;
            i += 2;
            if (i + 1 >= end || s.charAt(i) != ' ') {
                break;
            }
            i++;
        }
        int stop = i > value && s.charAt(i - 1) == ' ' ? i - 1 : i;
        return bytes >= MIN_HEX_BYTES ? stop : -1;
    }

    /**
     * The end of a crypt or PHC hash at {@code value} ({@code $2a$10$...} of bcrypt, {@code $6$...} of
     * sha512-crypt, {@code $argon2id$v=19$m=65536,t=3,p=4$...}): '$', a scheme's id, '$', and the rest of
     * its alphabet, whose ',' and '=' would otherwise end the value; -1 when it is none ({@code $DB_PASSWORD}).
     */
    private static int cryptHashEnd(CharSequence s, int value, int end) {
        int scheme = value + 1;
        while (scheme < end && scheme - value <= MAX_HASH_SCHEME
                && (CharClass.isLower(s.charAt(scheme)) || CharClass.isDigit(s.charAt(scheme)) || s.charAt(scheme) == '-')) {
            scheme++;
        }
        if (scheme == value + 1 || scheme >= end || s.charAt(scheme) != '$') {
            return -1;
        }
        int stop = scheme + 1;
        while (stop < end && CryptHashes.isHashStringChar(s.charAt(stop))) {
            stop++;
        }
        if (scheme - value == BCRYPT_SCHEME && s.charAt(value + 1) == '2' && stop - value > BCRYPT_LENGTH
                && s.charAt(value + BCRYPT_LENGTH) == ',') {
            return value + BCRYPT_LENGTH; // bcrypt's is 60 chars: JDBI's "passwordHash:$2a$10$…,phone:…" goes on after it
        }
        while (s.charAt(stop - 1) == ',') {
            stop--; // the next field's separator, as a toString writes "hash=$2a$..., name=bob"
        }
        return stop - value >= MIN_HASH ? stop : -1;
    }

    private static long valueAt(CharSequence s, int value, int end, boolean authorization) {
        if (value >= end) {
            return Match.NONE;
        }
        char open = s.charAt(value);
        // JSON inside a JSON string ({\"password\":\"x\"}): a quote escaped as the text holds it.
        boolean escaped = open == '\\' && value + 1 < end && CharClass.isQuote(s.charAt(value + 1));
        boolean quoted = escaped || CharClass.isQuote(open);
        int literal = quoted ? -1 : ValueWrappers.functionLiteral(s, value, end);
        int hexBytes = quoted ? -1 : hexBytesEnd(s, value, end);
        int crypt = open == '$' ? cryptHashEnd(s, value, end) : -1;
        if (crypt > 0) {
            return Match.of(value, crypt);
        }
        int start;
        int stop;
        if (escaped) {
            start = value + 2;
            stop = escapedQuote(s, start, end, s.charAt(value + 1));
        } else if (quoted) {
            start = value + 1;
            stop = open == '\'' ? closingApostrophe(s, start, end) : closingQuote(s, start, end, open);
        } else if (hexBytes > 0) {
            return Match.of(value, hexBytes);
        } else if (literal > 0) {
            start = literal;
            stop = closingApostrophe(s, start, end);
            quoted = true;
        } else {
            start = value;
            int limit = (int) Math.min(end, (long) value + MAX_QUOTED);
            stop = unquotedEnd(s, value, end, limit);
            if (stop == limit && limit < end) {
                // Longer than any framework word or placeholder the checks below leave alone: a value,
                // masked whole. Ruling it out after a read to its end would read the rest of a line of
                // "k=<k=<k=<..." once per key.
                return Match.of(start, unquotedEnd(s, value, end));
            }
            long wrapped = ValueWrappers.inner(s, start, stop);
            if (wrapped != Match.NONE) {
                start = Match.start(wrapped);
                stop = Match.end(wrapped);
            }
        }
        if (stop == start) {
            return Match.NONE;
        }
        int scheme = schemeEnd(s, start, stop, end, authorization, quoted);
        if (scheme > 0) {
            boolean parameters = !quoted && AuthParams.sendsParameters(s, start, scheme);
            int params = parameters ? AuthParams.listEnd(s, scheme + 1, end) : -1;
            if (params > 0) {
                return Match.of(scheme + 1, params);
            }
            int credentialEnd = quoted ? stop : unquotedEnd(s, scheme + 1, end);
            if (credentialEnd > scheme + 1) {
                boolean framework = FrameworkValues.isOne(s, scheme + 1, credentialEnd)
                        || FrameworkValues.isNextKey(s, scheme + 1, credentialEnd)
                        || !quoted && FrameworkValues.isWordInProse(s, scheme + 1, credentialEnd, end);
                return framework ? Match.NONE : Match.of(scheme + 1, credentialEnd);
            }
        }
        // Quoted, the value is a string someone wrote, not an object's toString: "[Tr0ub4dor]" is a password.
        boolean framework = quoted ? FrameworkValues.isOneInQuotes(s, start, stop) : FrameworkValues.isOne(s, start, stop);
        return framework ? Match.NONE : Match.of(start, stop);
    }

    /**
     * A list given as the value, as a multimap's {@code toString} writes a header or parameter
     * ({@code {password=[x]}}, {@code Authorization=[Basic x]}, Go's {@code map[Authorization:[Basic x]]})
     * and JSON an array ({@code "Authorization":["Basic x"]}): what stands between the brackets,
     * inside the quotes of a quoted item, the credential after an authorization scheme. NONE when
     * the list does not close on this line (a Java array's {@code [Ljava.lang.String;@1b6d3586}).
     */
    private static long listValue(CharSequence s, int open, int end, boolean authorization) {
        int close = closingBracket(s, open, end);
        if (close < 0) {
            return Match.NONE;
        }
        int start = open + 1;
        int stop = close;
        if (stop - start >= 2 && CharClass.isQuote(s.charAt(start)) && s.charAt(stop - 1) == s.charAt(start)) {
            start++;
            stop--;
        } else if (stop - start >= 4 && s.charAt(start) == '\\' && CharClass.isQuote(s.charAt(start + 1))
                && s.charAt(stop - 1) == s.charAt(start + 1) && s.charAt(stop - 2) == '\\') {
            start += 2; // [\"Basic x\"]: a list in JSON inside a JSON string
            stop -= 2;
        }
        int scheme = schemeEnd(s, start, stop, end, authorization, true);
        if (scheme > 0 && scheme + 1 < stop) {
            start = scheme + 1;
        }
        return FrameworkValues.isOne(s, start, stop) ? Match.NONE : Match.of(start, stop);
    }

    /** A JSON array's first item, {@code ["...}: a list even where a space stands before it. */
    private static boolean isQuotedItem(CharSequence s, int at, int end) {
        return at < end && s.charAt(at) == '"';
    }

    /** The ']' that closes the '[' at {@code open}, past nested brackets and quoted items; -1 before a line break. */
    private static int closingBracket(CharSequence s, int open, int end) {
        int limit = (int) Math.min(end, (long) open + MAX_QUOTED);
        int depth = 0;
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || isEscapedBreakAt(s, i, end)) {
                return -1;
            } else if (CharClass.isQuote(c)) {
                boolean escaped = i > open + 1 && s.charAt(i - 1) == '\\';
                int quote = escaped ? escapedQuote(s, i + 1, end, c) + 1 : closingQuote(s, i + 1, end, c);
                if (quote >= end) {
                    return -1;
                }
                i = quote;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /**
     * A value in braces with no structure inside, as ODBC quotes one holding ';' or '='
     * ({@code Pwd={p@ss;word!}}): the text between them; with the encoded password Spring
     * Security writes after its encoder's id ({@code {noop}x}), or LDAP after its scheme's
     * ({@code {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=}), the whole value. An object
     * ({@code {user=bob}}, {@code {"a":1}}), an empty or unclosed pair of braces, or a placeholder is none.
     * A set of one value in single quotes, as UnboundID's LDAP SDK prints an attribute's
     * ({@code values={'x'}}), is what the quotes hold.
     */
    private static long bracedValue(CharSequence s, int open, int end) {
        if (open + 1 < end && s.charAt(open + 1) == '\'') {
            int close = TextSearch.indexOf(s, "'}", open + 2, (int) Math.min(end, (long) open + 2 + MAX_QUOTED));
            return close > open + 2 && !FrameworkValues.isOneInQuotes(s, open + 2, close) ? Match.of(open + 2, close)
                    : Match.NONE;
        }
        int limit = (int) Math.min(end, (long) open + MAX_SCHEME * 4);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '}') {
                if (i + 1 < end && (CharClass.isWord(s.charAt(i + 1)) || s.charAt(i + 1) == '$')) {
                    return Match.of(open, unquotedEnd(s, open, end)); // Spring Security's {noop}x, {bcrypt}$2a$...
                }
                return i == open + 1 || FrameworkValues.isOne(s, open + 1, i) ? Match.NONE : Match.of(open + 1, i);
            }
            if (c == '{' || c == '=' || c == ':' || c == '"' || c == ' ' || c == '\n' || c == '\r' || c == '\\') {
                return Match.NONE;
            }
        }
        return Match.NONE;
    }

    /** Whether a '}' stands after the '{' at {@code open} before the line ends: else the brace is a value's char. */
    private static boolean closesOnLine(CharSequence s, int open, int end) {
        int limit = (int) Math.min(end, (long) open + MAX_QUOTED);
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '}') {
                return true;
            }
            if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return false;
    }

    /**
     * Where the scheme word of an authorization value ends (at the space before the credential),
     * or -1 when the value does not start with one. Unquoted, the value found so far is exactly the
     * first word; quoted, the first word is read inside it.
     */
    private static int schemeEnd(CharSequence s, int start, int stop, int end, boolean authorization, boolean quoted) {
        int wordEnd = start;
        while (wordEnd < stop && wordEnd - start <= MAX_SCHEME && isSchemeChar(s.charAt(wordEnd))) {
            wordEnd++;
        }
        int limit = quoted ? stop : end;
        if (wordEnd == start || wordEnd + 1 >= limit || s.charAt(wordEnd) != ' ' || (!quoted && wordEnd != stop)
                || !CharClass.isLetter(s.charAt(start)) || s.charAt(wordEnd + 1) == ' ') {
            return -1;
        }
        return authorization || isScheme(s, start, wordEnd) ? wordEnd : -1;
    }

    /**
     * Whether a word, a space and then {@code name=value} start at {@code at}, the value starting
     * with a letter, digit or quote: logfmt's next pair after the word, not a scheme and a
     * credential that base64's '=' padding ends ({@code Basic Ym9iOmg=}, then a space, another '=',
     * a bracket or the end).
     */
    private static boolean isWordThenPair(CharSequence s, int at, int end) {
        int wordEnd = at;
        while (wordEnd < end && wordEnd - at <= MAX_SCHEME && isSchemeChar(s.charAt(wordEnd))) {
            wordEnd++;
        }
        if (wordEnd == at || wordEnd >= end || s.charAt(wordEnd) != ' ' || !KeyedValue.isPairAt(s, wordEnd + 1, end)
                || AuthParams.sendsParameters(s, at, wordEnd) && !TextSearch.equalsIgnoreCase(s, at, wordEnd, "token")) {
            // A scheme whose credential is pairs: Tomcat's request dumper, "authorization=Digest username=…"; not
            // Rails' Token, a word that logfmt also writes as a pair's value ("authorization=token method=GET").
            return false;
        }
        int equals = TextSearch.indexOf(s, '=', wordEnd + 1, end);
        return equals + 1 < end && (CharClass.isAlnum(s.charAt(equals + 1)) || CharClass.isQuote(s.charAt(equals + 1)));
    }

    private static int skipSpacesBack(CharSequence s, int from, int at) {
        return skipSpacesBack(s, from, at, MAX_SPACES);
    }

    private static int skipSpacesBack(CharSequence s, int from, int at, int maxSpaces) {
        int i = at;
        while (i > from && at - i < maxSpaces && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    /** The triggers inside a key's name that may stand in a quoted key ({@link QuotedPairs}): "password", "api_key", "apiKey". */
    private static boolean mayStartQuotedKey(char c) {
        switch (c) {
            case 'p':
            case 'P':
            case 's':
            case 'S':
            case 't':
            case 'T':
            case 'k':
            case 'K':
            case '_':
                return true;
            default:
                return false;
        }
    }

    /** Whether {@code s[from, keyEnd)} ends with a secret key word ({@code db_password}, {@code X-Auth-Token}). */
    static boolean isKey(CharSequence s, int from, int keyEnd) {
        return keyEndingAt(s, from, keyEnd) >= 0 && !isSetting(s, from, keyEnd);
    }

    /**
     * The index in {@link #KEYS} of the key word ending at {@code keyEnd}, or with one of
     * {@link #KEY_SUFFIXES} after it ending there; -1 when there is none.
     */
    private static int keyEndingAt(CharSequence s, int from, int keyEnd) {
        if (keyEnd <= from || !mayEndKey(s.charAt(keyEnd - 1))) {
            return -1;
        }
        int key = keyWordEndingAt(s, from, keyEnd);
        if (key >= 0) {
            int name = KeyedValue.nameStart(s, from, keyEnd);
            boolean noSecret = namesMeasureOf(s, name, keyEnd) || followsOpenSshDebugLevel(s, from, name)
                    || KeyedValue.keyEndsWith(s, name, keyEnd, CLUSTER_TOKEN) || isNumberedPass(s, from, name, keyEnd);
            return noSecret ? -1 : key;
        }
        int hashed = withoutOneOf(HASH_SUFFIXES, s, from, keyEnd);
        if (hashed != keyEnd) {
            key = keyWordEndingAt(s, from, hashed);
            return key >= 0 && isOneOf(KEYS[key], PASSWORD_WORDS) ? key : -1;
        }
        if (NUMBERED.indexOf(s.charAt(keyEnd - 1)) >= 0) {
            int bare = keyEnd - 1 > from && joinsWords(s.charAt(keyEnd - 2)) ? keyEnd - 2 : keyEnd - 1;
            key = keyWordEndingAt(s, from, bare);
            return key >= 0 && isOneOf(KEYS[key], PASSWORD_WORDS) ? key : -1;
        }
        // Twice: a suffix inside a bracket, user[password_confirmation].
        for (int end = keyEnd, bare = withoutSuffix(s, from, end); bare != end && bare > from;
                end = bare, bare = withoutSuffix(s, from, end)) {
            key = keyWordEndingAt(s, from, bare);
            if (key >= 0 || end != keyEnd) {
                return key;
            }
        }
        return -1;
    }

    /**
     * Whether the name starting at {@code name} follows OpenSSH's {@code debug1: } to {@code debug3: }: the
     * function that logs, before its message ({@code debug3: mm_auth_password: entering [preauth]}), no key.
     */
    private static boolean followsOpenSshDebugLevel(CharSequence s, int from, int name) {
        int level = name - OPENSSH_DEBUG.length() - 3;
        return level >= from && TextSearch.startsWith(s, level, name, OPENSSH_DEBUG)
                && CharClass.isDigit(s.charAt(name - 3)) && s.charAt(name - 2) == ':' && s.charAt(name - 1) == ' ';
    }

    /**
     * Whether the name {@code s[name, keyEnd)} is the word "pass" after a number, a round of a test
     * or a scan ({@code test 0 pass: test_only}, Slurm's select plugin at debug for every job), no password.
     */
    private static boolean isNumberedPass(CharSequence s, int from, int name, int keyEnd) {
        if (keyEnd - name != PASS.length() || !TextSearch.startsWith(s, name, keyEnd, PASS) || name - 2 < from
                || s.charAt(name - 1) != ' ' || !CharClass.isDigit(s.charAt(name - 2))) {
            return false;
        }
        int digits = name - 2;
        while (digits > from && CharClass.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        return digits > from && s.charAt(digits - 1) == ' ';
    }

    /**
     * Whether the name {@code s[start, end)} is a measure of the secret it ends with, not the secret:
     * Keycloak's {@code age_of_refresh_token="3"} in every refresh event, a {@code lengthOfPassword}.
     */
    private static boolean namesMeasureOf(CharSequence s, int start, int end) {
        for (String measure : MEASURES) {
            int of = start + measure.length();
            if (of + 3 < end && TextSearch.startsWithIgnoreCase(s, start, end, measure)
                    && (joinsWords(s.charAt(of)) && TextSearch.startsWithIgnoreCase(s, of + 1, end, "of")
                        && joinsWords(s.charAt(of + 3))
                        || TextSearch.startsWith(s, of, end, "Of") && CharClass.isUpper(s.charAt(of + 2)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[start, end)}, a name standing alone (an SQL column's), ends with a secret key
     * word, or names a session's id (Spring Session's {@code SESSION_ID}, a sessions table's
     * {@code session_id}, Django's {@code session_key}: the value its cookie carries).
     */
    static boolean isSecretName(CharSequence s, int start, int end) {
        return keyEndingAt(s, start, end) >= 0 || isExactly(s, start, end, SESSION_ID_COLUMN)
                || isExactly(s, start, end, SESSION_KEY_COLUMN);
    }

    /** Whether {@code s[start, end)} is {@code name}, compared as {@link KeyedValue#keyEndsWith} does. */
    private static boolean isExactly(CharSequence s, int start, int end, String name) {
        return KeyedValue.startOfName(s, start, end, name, false) == start;
    }

    /** Upper-case letters and '_' only, as the engine's own markers write a masked value: {@code [SLACK_TOKEN]}. */
    private static boolean isMarkerShape(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!CharClass.isUpper(s.charAt(i)) && s.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }

    private static int keyWordEndingAt(CharSequence s, int from, int keyEnd) {
        if (keyEnd <= from) {
            return -1;
        }
        char last = CharClass.toLower(s.charAt(keyEnd - 1));
        if (last >= 128) {
            // A word for a password in a script of its own reads as "password" from here on.
            int start = ForeignPasswordWords.startOfWordEndingAt(s, from, keyEnd);
            return start >= 0 && startsKeyWord(s, from, start) ? PASSWORD : -1;
        }
        int[] candidates = KEYS_ENDING_IN[last];
        if (candidates == null) {
            return -1;
        }
        for (int k : candidates) {
            String key = KEYS[k];
            int start = KeyedValue.startOfName(s, from, keyEnd, key, true);
            if (start >= 0 && (startsKeyWord(s, from, start) || isOneOf(key, KEYS_AFTER_ANY_PREFIX))
                    && (key != SECRET_ID || KeyedValue.isWordSeparator(s.charAt(keyEnd - 3)))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Where a key ending at {@code keyEnd} ends without a form's suffix ({@link #KEY_SUFFIXES},
     * after a '_', '-' or '.' or as a camelCase hump) or its bracket: {@code user[password]} and
     * {@code [password]} end before their ']', {@code password[0]} before its index; else {@code keyEnd}.
     */
    private static int withoutSuffix(CharSequence s, int from, int keyEnd) {
        if (s.charAt(keyEnd - 1) == ']') {
            int open = keyEnd - 2;
            while (open > from && keyEnd - open <= MAX_KEY && s.charAt(open) != '[') {
                open--;
            }
            if (open < from || s.charAt(open) != '[' || isMarkerShape(s, open + 1, keyEnd - 1)) {
                return keyEnd;
            }
            return CharClass.digits(s, open + 1, keyEnd - open - 2, keyEnd - 1) ? open : keyEnd - 1;
        }
        char last = CharClass.toLower(s.charAt(keyEnd - 1));
        String[] suffixes = last < 128 ? SUFFIXES_ENDING_IN[last] : null;
        if (suffixes == null) {
            return keyEnd;
        }
        return withoutOneOf(suffixes, s, from, keyEnd);
    }

    /**
     * Where a key ending at {@code keyEnd} ends without the one of {@code suffixes} it ends with as a
     * word of its own (after a '_', '-' or '.', or as a camelCase hump); else {@code keyEnd}.
     */
    private static int withoutOneOf(String[] suffixes, CharSequence s, int from, int keyEnd) {
        for (String suffix : suffixes) {
            int start = keyEnd - suffix.length();
            if (start - 1 > from && TextSearch.startsWithIgnoreCase(s, start, keyEnd, suffix)) {
                char before = s.charAt(start - 1);
                if (joinsWords(before)) {
                    return start - 1;
                }
                if (CharClass.isUpper(s.charAt(start)) && CharClass.isLower(before)) {
                    return start;
                }
            }
        }
        return keyEnd;
    }

    /**
     * A setting whose name ends like a secret key but holds none: PostgreSQL's
     * {@code session_authorization} is the session's role name, reported at every connect.
     */
    private static boolean isSetting(CharSequence s, int from, int keyEnd) {
        if (TextSearch.endsWithWordOf(s, from, keyEnd, SETTINGS)) {
            return true;
        }
        for (String cursor : CURSOR_TOKENS) {
            int start = KeyedValue.startOfName(s, from, keyEnd, cursor, false);
            if (start >= 0 && (start == from || !CharClass.isAlnum(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAuthorization(int key) {
        return isOneOf(KEYS[key], AUTHORIZATION_KEYS);
    }

    /** The '_', '-' or '.' between the words of a key: password_confirm, password-2. */
    private static boolean joinsWords(char c) {
        return c == '_' || c == '-' || c == '.';
    }

    private static boolean isOneOf(String key, String[] words) {
        for (String word : words) {
            if (word.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a key word starts at {@code at}: after a non-letter, as a camelCase hump, or after a
     * URL escape ({@code %3Fapi_key}, {@code %26token}).
     */
    private static boolean startsKeyWord(CharSequence s, int from, int at) {
        if (at == from || CharClass.isEscapedBreak(s, from, at - 1)) {
            return true;
        }
        if (at - 3 >= from && s.charAt(at - 3) == '%' && CharClass.isHex(s.charAt(at - 2))
                && CharClass.isHex(s.charAt(at - 1))) {
            return true;
        }
        char before = s.charAt(at - 1);
        if (before == 'D' && at - 2 >= from && s.charAt(at - 2) == '-') {
            return true; // a system property on a java command line: -Dsonar.login=
        }
        return !CharClass.isAlnum(before) || (CharClass.isLower(before) && CharClass.isUpper(s.charAt(at)));
    }

    /**
     * The closing quote, or {@code end} when there is none within {@link #MAX_QUOTED} chars: the
     * bound keeps "password='" repeated a million times linear, and the value is then masked to
     * the end of the message.
     */
    /**
     * Where the escaped quote ({@code \"}) that closes a value opened by one stands; {@code end}
     * when none does. A quote with three backslashes before it ({@code \\\"}) is one the inner
     * string escaped, part of the value; one with five closes it after an escaped backslash.
     */
    private static int escapedQuote(CharSequence s, int at, int end, char quote) {
        int limit = (int) Math.min(end, (long) at + MAX_QUOTED);
        for (int i = at; i < limit; i++) {
            if (s.charAt(i) == quote) {
                int backslashes = 0;
                while (i - backslashes > at && s.charAt(i - backslashes - 1) == '\\') {
                    backslashes++;
                }
                if (backslashes % 4 == 1) {
                    return i - 1;
                }
            }
        }
        return end;
    }

    /**
     * The single quote that closes a value: the first one that no letter or digit follows, since
     * one inside a word is an apostrophe ({@code password='it's a secret'} as IntelliJ's generated
     * {@code toString} writes it, unescaped); the first one at all when none is so.
     */
    private static int closingApostrophe(CharSequence s, int at, int end) {
        int limit = (int) Math.min(end, (long) at + MAX_QUOTED);
        for (int i = at; i < limit && !isLineBreakAt(s, i, end); i += s.charAt(i) == '\\' ? 2 : 1) {
            if (s.charAt(i) == '\'' && (i + 1 >= end || !CharClass.isAlnum(s.charAt(i + 1)))) {
                return i;
            }
        }
        return closingQuote(s, at, end, '\'');
    }

    /**
     * The quote that closes a value, or the line's end where none does before it: a value never runs
     * over a line break of a message of several lines. A quote that closed a name, not opened a value
     * (FreeRADIUS's {@code format = "*User-Name:Crypt-Password:"}), would otherwise pair with the first
     * quote of the next line and mask the break and the key between. A break counts as written or
     * escaped ({@code \n}, as an argument's are). With no break, the message's end.
     */
    static int closingQuote(CharSequence s, int at, int end, char quote) {
        int limit = (int) Math.min(end, (long) at + MAX_QUOTED);
        int i = at;
        while (i < limit && s.charAt(i) != quote && !isLineBreakAt(s, i, end)) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i < limit ? Math.min(i, end) : end;
    }

    /** A line break at {@code i}, as written or as an escape ({@code \n}, {@code \r}) starting there. */
    private static boolean isLineBreakAt(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        return c == '\n' || c == '\r' || c == '\\' && i + 1 < end && CharClass.isEscapedBreak(s, i, i + 1);
    }

    /**
     * Up to a space, tab, a line break (escaped or not), a {@code & , ;} that separates the value
     * from what follows ({@link #separates}), or a closing bracket the value did not open that ends
     * a word ({@code abc)} and {@code abc},}; but {@code ab)c} is one value).
     */
    private static int unquotedEnd(CharSequence s, int at, int end) {
        return unquotedEnd(s, at, end, end);
    }

    /**
     * {@link #unquotedEnd(CharSequence, int, int)}, read no further than {@code limit};
     * {@code limit} when the value ends there or later.
     */
    private static int unquotedEnd(CharSequence s, int at, int end, int limit) {
        int depth = 0;
        int i = at;
        while (i < limit) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c >= IDEOGRAPHIC_SPACE && endsCjkValue(c)
                    || ((c == '&' || c == ',' || c == ';') && separates(s, i, end)) || isEscapedBreakAt(s, i, end)
                    || (c == '[' && isEscapedBreakAt(s, i + 1, end) && i + 3 < end && s.charAt(i + 3) == ']')) {
                break; // the last: a line break as Apache HttpClient's wire log writes it, "[\r][\n]"
            }
            if (CharClass.isQuote(c) && i > at && closesString(s, i + 1, end)) {
                // The quote that closes the string a key=value stands in: "-e DB_PASSWORD=x", 'k=v'; escaped, as a
                // string in a string writes it (Go's err="Post \"http://h/x?token=x\": …"), with its backslash.
                return i - 1 > at && s.charAt(i - 1) == '\\' ? i - 1 : i;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth > 0) {
                    depth--;
                } else if (closesStructure(s, i, end)) {
                    break;
                }
            }
            i++;
        }
        return i;
    }

    /**
     * Whether {@code c}, at or past U+3000, is the space or punctuation of CJK text that ends a value
     * unquoted: the ideographic space, comma and full stop, and the full-width comma, semicolon and
     * brackets ({@code 密码：hunter2，请妥善保管} masks {@code hunter2}).
     */
    private static boolean endsCjkValue(char c) {
        return c == IDEOGRAPHIC_SPACE || c == '\u3001' || c == '\u3002' || c == '\uFF0C' || c == '\uFF1B'
                || c == '\uFF08' || c == '\uFF09' || c == '\u3010' || c == '\u3011';
    }

    /**
     * Whether the closing bracket at {@code at}, which the value did not open, closes the structure
     * the value stands in ({@code User(password=abc)}, {@code {password=abc}, x}): after it and any
     * more closing brackets, the end, whitespace, a quote, a ',', ';' or '&', a '.' or ':' that
     * ends a sentence, or after two closers a '[' opening the next group. Else it is the value's own
     * ({@code 02ORHV8]}MXXkhM}).
     */
    private static boolean closesStructure(CharSequence s, int at, int end) {
        int i = at + 1;
        while (i < end && (s.charAt(i) == ')' || s.charAt(i) == ']' || s.charAt(i) == '}')) {
            i++;
        }
        if (i >= end) {
            return true;
        }
        char c = s.charAt(i);
        if (c == '.' || c == ':') {
            return i + 1 >= end || Character.isWhitespace(s.charAt(i + 1));
        }
        // Or the "]]>" that ends a CDATA section, as an XML layout writes the message: <![CDATA[password=x]]></Message>;
        // or the next group after two closers, Hadoop's "PrivilegedAction [as: root (auth:SIMPLE)][action: …]", or the
        // scheme its file system cache's key names after them, "Key: (root (auth:SIMPLE))@file://".
        return isValueEnd(c) || c == ',' || c == ';' || c == '&' || isEscapedBreakAt(s, i, end)
                || c == '>' && i - at == 2 && s.charAt(at) == ']' && s.charAt(at + 1) == ']'
                || (c == '[' || c == '@') && i - at >= 2
                || opensNextField(s, at, i, end);
    }

    /**
     * Whether the closer at {@code at} is followed right away by an opener of its kind and a named
     * field: the JDK's {@code MessageHeader} writes its headers so, {@code {Authorization: Bearer x}{X-Api-Key: y}}.
     */
    private static boolean opensNextField(CharSequence s, int at, int next, int end) {
        char closer = s.charAt(at);
        char opener = s.charAt(next);
        if (next != at + 1 || !(closer == '}' && opener == '{' || closer == ']' && opener == '[')) {
            return false;
        }
        int nameEnd = nameEnd(s, next + 1, end);
        return nameEnd > next + 1 && nameEnd < end && (s.charAt(nameEnd) == ':' || s.charAt(nameEnd) == '=');
    }

    /** Whether what follows a quote ends the string it closes: the end, a space, or ',' ')' ']' '}' ';'. */
    private static boolean closesString(CharSequence s, int next, int end) {
        if (next >= end) {
            return true;
        }
        char c = s.charAt(next);
        return c == ' ' || c == '\t' || c == ',' || c == ')' || c == ']' || c == '}' || c == ';' || c == '\n'
                || c == '\r' || isEscapedBreakAt(s, next, end)
                || c == ':' && (next + 1 == end || s.charAt(next + 1) == ' '); // a quoted URL, then Go's ": " and its error
    }

    /**
     * Whether the {@code &}, {@code ,} or {@code ;} at {@code at} ends a value: what follows is no
     * name at all (a space, a quote, the end) or a name with its own '=' or ':' ({@code &user=bob},
     * {@code ;Database=x}, {@code &user[name]=bob}). A name with neither ({@code &3} of
     * {@code Tr0ub4dor&3}), or one longer than any key, goes on the value.
     */
    private static boolean separates(CharSequence s, int at, int end) {
        int nameEnd = nameEnd(s, at + 1, end);
        if (nameEnd > at + 1 && nameEnd < end && s.charAt(nameEnd) == '[') { // a form's user[name]=
            int close = TextSearch.indexOf(s, ']', nameEnd, (int) Math.min(end, (long) nameEnd + MAX_KEY));
            nameEnd = close < 0 ? nameEnd : close + 1;
        }
        if (nameEnd == at + 1) {
            // No name: a separator when nothing, a space, a quote or a closing bracket follows; before
            // any other symbol it is the value's own ('&#' of Django's SECRET_KEY, ',[' or ';2,=' of a
            // generated password).
            return nameEnd >= end || isValueEnd(s.charAt(nameEnd));
        }
        return nameEnd < end && (s.charAt(nameEnd) == '=' || s.charAt(nameEnd) == ':');
    }

    /** What may follow the separator or the closing bracket that ends a value: whitespace, a quote, a closing bracket. */
    private static boolean isValueEnd(char c) {
        return Character.isWhitespace(c) || CharClass.isQuote(c) || c == ')' || c == ']' || c == '}' || c == '`';
    }

    /** Where the name from {@code start} ends: at a char no name holds, at a ':', or past {@link #MAX_KEY} chars. */
    private static int nameEnd(CharSequence s, int start, int end) {
        int nameEnd = start;
        while (nameEnd < end && nameEnd - start <= MAX_KEY && isNameChar(s.charAt(nameEnd))
                && s.charAt(nameEnd) != ':') {
            nameEnd++;
        }
        return nameEnd;
    }

    /** Whether {@code s[i]} starts an escaped line break ({@code \n}, {@code \r} written as two chars). */
    /** Where the line ends, at a CR or LF or one the message's neutralising escaped, within {@code end}. */
    static int escapedLineEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && s.charAt(i) != '\n' && s.charAt(i) != '\r' && !isEscapedBreakAt(s, i, end)) {
            i++;
        }
        return i;
    }

    static boolean isEscapedBreakAt(CharSequence s, int i, int end) {
        if (i + 2 > end) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '\\' && CharClass.isEscapedBreak(s, i, i + 1)) {
            return true;
        }
        // The hex forms, \x0a and %0A.
        int zero = c == '\\' && (s.charAt(i + 1) | 0x20) == 'x' ? i + 2 : c == '%' ? i + 1 : end;
        if (zero + 1 >= end || s.charAt(zero) != '0') {
            return false;
        }
        char hex = (char) (s.charAt(zero + 1) | 0x20);
        return hex == 'a' || hex == 'd';
    }

    private static boolean isScheme(CharSequence s, int start, int stop) {
        for (String scheme : SCHEMES) {
            if (stop - start == scheme.length() && TextSearch.startsWithIgnoreCase(s, start, stop, scheme)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7230 token chars as schemes use them: letters, digits, '-', '_', '.'. */
    private static boolean isSchemeChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '_' || c == '.';
    }

    /** Chars of an XML element or command-line flag name, namespace prefix included. */
    private static boolean isNameChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
