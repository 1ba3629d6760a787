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
        "X-Auth-Token", "spring.datasource.password", "clientSecret", "PGPASSWORD", "dbpassword", "MYSQLROOTPASSWD",
        "X-Auth-Key", "DD-APPLICATION-KEY", "X-Insert-Key", "aes_key", "aesKey", "recovery_code",
        "keypassphrase", "CLIENTSECRET", "appsecret"})
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "LoginRequest[username=bob, password=correct horse battery staple] | "
            + "LoginRequest[username=bob, password=[PASSWORD_KV]]",
        "User(name=bob, password=correct horse battery staple, role=admin) | "
            + "User(name=bob, password=[PASSWORD_KV], role=admin)",
        "User{name=bob, secret=two words} logged in                        | User{name=bob, secret=[PASSWORD_KV]} logged in",
        "{password=correct horse, user=bob}                                | {password=[PASSWORD_KV], user=bob}",
        "Creds(password=a (b) c)                                           | Creds(password=[PASSWORD_KV])",
        "Credentials{username='bob', password='it's a secret'}            | "
            + "Credentials{username='bob', password='[PASSWORD_KV]'}",
    })
    void masksAToStringFieldsValueWithSpacesUpToTheNextFieldOrTheClosingBracket(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Logfmt pairs in braces, no closing bracket on the line, prose before the key: the value ends at its space.
        "{password=hunter2 user=bob}                   | {password=[PASSWORD_KV] user=bob}",
        "User(name=bob, password=two words             | User(name=bob, password=[PASSWORD_KV] words",
        "login user=bob, password=hunter2 accepted (3) | login user=bob, password=[PASSWORD_KV] accepted (3)",
        "retry (password=hunter2 rejected)             | retry (password=[PASSWORD_KV] rejected)",
        "x={user=bob password=hunter2 ok}              | x={user=bob password=[PASSWORD_KV] ok}",
    })
    void endsAValueWithSpacesAtItsSpaceOutsideAnObjectsFields(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** In these texts '~' stands for a line break: the masked text has it escaped, as {@link Masker#mask(String)} does. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "spring:~  datasource:~    password: correct horse battery staple  ~    username: app | "
            + "spring:~  datasource:~    password: [PASSWORD_KV]  ~    username: app",
        "Effective properties:~spring.datasource.password=correct horse~user=app | "
            + "Effective properties:~spring.datasource.password=[PASSWORD_KV]~user=app",
        "users:~  - password: two words~  - name: bob | users:~  - password: [PASSWORD_KV]~  - name: bob",
        "password: correct horse~user: bob           | password: [PASSWORD_KV]~user: bob",
    })
    void masksAConfigurationLinesValueWithSpacesToItsLinesEnd(String text, String masked) {
        assertEquals(masked.replace("~", "\\n"), masker.mask(text.replace("~", "\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // One line, a key after other words, logfmt's next pair, a comment: the value ends at its space.
        "password: hunter2 rejected for bob           | password: [PASSWORD_KV] rejected for bob",
        "config:~  login with password: hunter2 ok    | config:~  login with password: [PASSWORD_KV] ok",
        "a: 1~password=hunter2 user=bob               | a: 1~password=[PASSWORD_KV] user=bob",
        "a: 1~  password: hunter2 # rotated monthly   | a: 1~  password: [PASSWORD_KV] # rotated monthly",
    })
    void endsAConfigurationLinesValueAtItsSpaceWhereTheLineSaysMore(String text, String masked) {
        assertEquals(masked.replace("~", "\\n"), masker.mask(text.replace("~", "\n")));
    }

    /** Tomcat's digester on a connector attribute it does not know: the quoted value after the quoted key and "to". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Setting property 'keystorePass' to 'Xk9mP2qL' did not find a matching property.` | "
            + "`Setting property 'keystorePass' to '[PASSWORD_KV]' did not find a matching property.`",
        "`[SetPropertiesRule]{Server/Service/Connector} Setting property 'truststorePassword' to 'changeit' "
            + "did not` | "
            + "`[SetPropertiesRule]{Server/Service/Connector} Setting property 'truststorePassword' to '[PASSWORD_KV]' "
            + "did not`",
        "`Setting property 'port' to '8443' did not find a matching property.` | "
            + "`Setting property 'port' to '8443' did not find a matching property.`",
        "`Setting property 'password' to '' did not find a matching property.` | "
            + "`Setting property 'password' to '' did not find a matching property.`",
    })
    void masksAQuotedValueAfterAQuotedSecretKeyAndTo(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void masksTheUserAndThePasswordABannerGivesAfterCredentials() {
        assertEquals("Default admin credentials: [PASSWORD_KV] - change them", masker.mask(
                "Default admin credentials: admin / Xk9mP2qL - change them"));
        assertEquals("credentials: [PASSWORD_KV] for the console", masker.mask("credentials: admin for the console"));
    }

    /** A machine-made value that reads as a package and a class: Doppler's tokens. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "token=dp.pt.Xk9mP2qLw8zT4vR7nB3cQ1aS5dF6gH8jK0lZ2xC4vB6 | token=[PASSWORD_KV]",
        "DOPPLER_TOKEN: dp.st.prd.Xk9mP2qLw8zT4vR7nB3cQ1aS5dF6gH8jK0lZ2xC4vB6 | DOPPLER_TOKEN: [PASSWORD_KV]",
        "GET /v1/items?access_token=dp.sa.CD1YZpkxwnUzyO9Lnt8EGno2CRi8TqM5CLxIpzMGni3 HTTP/1.1 | "
            + "GET /v1/items?access_token=[PASSWORD_KV] HTTP/1.1",
    })
    void masksATokenThatReadsAsATypeNameButNoDeveloperWroteOne(String text, String masked) {
        assertEquals(masked, masker.mask(text));
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
    void masksABase64CredentialThatItsPaddingEndsAfterAnAuthorizationKey() {
        for (String credential : new String[] {"dXNlcjpwYXNzMQ==", "dXNlcjpwYXNzMTI="}) {
            assertEquals("authorization=Basic [PASSWORD_KV] method=GET",
                    masker.mask("authorization=Basic " + credential + " method=GET"));
        }
    }

    @Test
    void masksTheCredentialAfterAnAuthorizationScheme() {
        assertEquals("Authorization: Basic [PASSWORD_KV]", masker.mask("Authorization: Basic dXNlcjpwYXNz"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "password=Tr0ub4dor&3 ok                  | password=[PASSWORD_KV] ok",
        "password=a,b;c&d                         | password=[PASSWORD_KV]",
        "password=abc&user=bob                    | password=[PASSWORD_KV]&user=bob",
        "user=bob,password=abc,role=admin         | user=bob,password=[PASSWORD_KV],role=admin",
        "Server=db;Password=abc;Database=x        | Server=db;Password=[PASSWORD_KV];Database=x",
        "{password=abc,\"user\":1}                | {password=[PASSWORD_KV],\"user\":1}",
        "password=abc, next                       | password=[PASSWORD_KV], next",
        "password=abc,role: admin                 | password=[PASSWORD_KV],role: admin",
        "password=abc;                            | password=[PASSWORD_KV];",
    })
    void endsAValueAtAnAmpersandCommaOrSemicolonOnlyWhereTheNextFieldStarts(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<entry key=\"password\">s3cret</entry>                | <entry key=\"password\">[PASSWORD_KV]</entry>",
        "<entry key='db.password'>s3cret</entry>              | <entry key='db.password'>[PASSWORD_KV]</entry>",
        "<property name=\"password\" value=\"s3cret\"/>        | <property name=\"password\" value=\"[PASSWORD_KV]\"/>",
        "<add key=\"ApiKey\" value=\"s3cret\" />               | <add key=\"ApiKey\" value=\"[PASSWORD_KV]\" />",
        "<input name=\"password\" value=\"s3cret\">            | <input name=\"password\" value=\"[PASSWORD_KV]\">",
    })
    void masksTheValueOfAnElementOrAttributeThatAKeyOrNameAttributeNames(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<entry key=\"user\">bob</entry>", "<property name=\"username\" value=\"bob\"/>",
        "<property name=\"password\" ref=\"passwordBean\"/>", "<a title=\"password\">Reset</a>",
        "<label for=\"password\">Password</label>", "<input type=\"password\" value=\"\">",
        "<property name=\"password\" value=\"${db.password}\"/>", "x=\"password\" value=\"v\""})
    void leavesAttributesThatNameNoSecretAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/login?next=%2Fhome%3Fpassword%3Dhunter2%26x%3D1     | /login?next=%2Fhome%3Fpassword%3D[PASSWORD_KV]%26x%3D1",
        "state=a%26api_key%3dabc123%26b%3D2                   | state=a%26api_key%3d[PASSWORD_KV]%26b%3D2",
        "body username%3Dbob%26token%3Dxyz789 sent            | body username%3Dbob%26token%3D[PASSWORD_KV] sent",
        "?r=%3Fsecret%3Ds3cr3t&page=2                         | ?r=%3Fsecret%3D[PASSWORD_KV]&page=2",
    })
    void masksTheValueOfAUrlEncodedKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"q\":\"user\\u003dapp\\u0026password\\u003dhunter2\\u0026ssl\\u003d1\"}"
            + " | {\"q\":\"user\\u003dapp\\u0026password\\u003d[PASSWORD_KV]\\u0026ssl\\u003d1\"}",
        "{\"q\":\"token\\u003Dabc123\"}           | {\"q\":\"token\\u003D[PASSWORD_KV]\"}",
        "args: secret\\u003dp\\u003css w0rd        | args: secret\\u003d[PASSWORD_KV] w0rd",
        "{\\\"a\\\":\\\"pwd\\u003dx1\\\"}  | {\\\"a\\\":\\\"pwd\\u003d[PASSWORD_KV]\\\"}",
    })
    void masksTheValueAfterAnEqualsSignGsonEscaped(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** JSON as Gson itself writes it, not as we think it does: its default escapes '=' and '&'. */
    @Test
    void masksAPasswordInAQueryThatGsonSerialized() {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<String, String>();
        body.put("url", "jdbc:postgresql://db/app?user=app&password=Tr0ub4dor<3&ssl=true");
        String json = new com.google.gson.Gson().toJson(body);
        String masked = masker.mask("request " + json);
        assertEquals("request " + json.replace("Tr0ub4dor\\u003c3", "[PASSWORD_KV]"), masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user\\u003dbob\\u0026page\\u003d2", "password\\u003d", "password\\u003dnull",
        "bypass\\u003dx", "password\\u003cx", "password\\u00", "C:\\Users\\password\\new", "password\\n4111"})
    void leavesGsonEscapedTextWithoutASecretValueAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"done 50% of password", "password%3D", "password%3Dnull%26a%3D1", "bypass%3Dx", "password%2Fx",
        "user%3Dbob%26page%3D2", "password%3"})
    void leavesEncodedTextWithoutASecretValueAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bypass=true", "compass: north", "oauth=enabled", "passwordless=true", "tokens=5", "password==null",
        "nexttoken=abc123", "trespass=yes",
        "token != null", "password=", "user=bob",
        // logfmt: what follows the word after authorization= is the next pair, not a credential.
        "authorization=missing method=GET path=/api/orders status=401", "authorization=ROLE_ADMIN authentication=anonymous",
        "password=- user=bob", "api_key=${API_KEY:-}"})
    void leavesKeysThatOnlyContainASecretWordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Authorization: Api-Token Zx81kdq0aPLmN3         | Authorization: Api-Token [PASSWORD_KV]",
        "Authorization: SSWS 00QCjAl4MlV-WPXM           | Authorization: SSWS [PASSWORD_KV]",
        "Proxy-Authorization: Custom abc123            | Proxy-Authorization: Custom [PASSWORD_KV]",
        "\"Authorization\": \"Api-Token Zx81kdq0aPLmN3\" | \"Authorization\": \"Api-Token [PASSWORD_KV]\"",
        "Authorization: Zx81kdq0aPLmN3                 | Authorization: [PASSWORD_KV]",
    })
    void masksOnlyTheCredentialAfterAnyAuthorizationScheme(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A scheme's parameter list is its credential: every parameter, and nothing after the last. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Authorization: Digest username=\"bob\", realm=\"api\", nonce=\"dcd98b\", uri=\"/a\", qop=auth,"
            + " nc=00000001, response=\"6629fae49393a05397450978507c4ef1\" | Authorization: Digest [PASSWORD_KV]",
        "Authorization: OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\","
            + " oauth_signature=\"tnnArxj06cWHq44gCs1OSK%2FjY%3D\" | Authorization: OAuth [PASSWORD_KV]",
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host;range;x-amz-date,"
            + " Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
            + " | Authorization: AWS4-HMAC-SHA256 [PASSWORD_KV]",
        "Authorization: Digest username=\"bob\", response=\"6629fae4\" Accept: */*"
            + " | Authorization: Digest [PASSWORD_KV] Accept: */*",
        "Authorization: Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGCg=="
            + " | Authorization: Negotiate [PASSWORD_KV]",
        "Authorization: Custom abc= | Authorization: Custom [PASSWORD_KV]",
        "Authorization: Digest username=\"bob\", response=\"6629fae4\"\\nINFO next"
            + " | Authorization: Digest [PASSWORD_KV]\\nINFO next",
        "Authorization: Token token=\"abc123def456\", nonce=\"def\" | Authorization: Token [PASSWORD_KV]",
        "Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b | Authorization: Token [PASSWORD_KV]",
        // Its quotes escaped: in a JSON string, and twice as Apache httpd's http:trace4 dumps the headers.
        "{\"h\":\"Authorization: Digest username=\\\"bob\\\", response=\\\"6629fae4\\\", algorithm=MD5\", \"n\": 1}"
            + " | {\"h\":\"Authorization: Digest [PASSWORD_KV]\", \"n\": 1}",
        "]   Authorization: Digest username=\\\\\"erin\\\\\", realm=\\\\\"Digest Zone\\\\\", nc=00000001,"
            + " response=\\\\\"11fd533033e9267bcf10ec1bf4050063\\\\\", algorithm=MD5"
            + " | ]   Authorization: Digest [PASSWORD_KV]",
        // An HttpClient wire log writes the header's own line break as [\r][\n]: no part of the signature.
        "http-outgoing-0 >> \"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/us-east-1/s3/aws4_request,"
            + " Signature=02595b4bd8d19ad94962644be2fd8c1f[\\r][\\n]\""
            + " | http-outgoing-0 >> \"Authorization: AWS4-HMAC-SHA256 [PASSWORD_KV][\\r][\\n]\"",
        // Varnish 7.1's varnishlog cuts a record at 255 bytes: the last parameter's quote never closes.
        "-   ReqHeader      Authorization: Digest username=\"dave\", qop=auth, response=\"d0a0a8c404992390f5760cb55"
            + " | -   ReqHeader      Authorization: Digest [PASSWORD_KV]",
    })
    void masksEveryParameterOfASchemeThatSendsParameters(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<password>hunter2</password>                   | <password>[PASSWORD_KV]</password>",
        "<db:Password>hunter2</db:Password>             | <db:Password>[PASSWORD_KV]</db:Password>",
        "<clientSecret>s3cr3t</clientSecret><a>1</a>    | <clientSecret>[PASSWORD_KV]</clientSecret><a>1</a>",
        "<password>hunter2                              | <password>[PASSWORD_KV]",
        "--password hunter2 --user bob                  | --password [PASSWORD_KV] --user bob",
        "--db-password 'correct horse'                  | --db-password '[PASSWORD_KV]'",
        "keytool -storepass changeit -keystore x.jks   | keytool -storepass [PASSWORD_KV] -keystore x.jks",
        "--password=hunter2                             | --password=[PASSWORD_KV]",
    })
    void masksXmlElementsAndCommandLineFlagsNamedLikePasswords(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Angle brackets around a word in prose name a placeholder, as a usage line or an error message writes one. */
    @ParameterizedTest
    @ValueSource(strings = {"NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO"
        + " <proto> AUTH <user> <pass> option can be used to authenticate the client",
        "usage: HELLO <proto> [AUTH <user> <pass>] [SETNAME <clientname>]", "login <user> <password> to connect",
        "Usage: app --password <password> --user <user>", "Usage: mysql -u <user> -p<password> <db>"})
    void leavesPlaceholdersInAngleBracketsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<password> hunter2</password> | <password>[PASSWORD_KV]</password>",
    })
    void masksAnElementsTextThatStartsWithASpace(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** An enum's constant after a key that is no password's: Kafka's request headers at DEBUG. */
    @ParameterizedTest
    @ValueSource(strings = {"Sending FIND_COORDINATOR request with header RequestHeader(apiKey=FIND_COORDINATOR,"
        + " apiVersion=6, clientId=consumer-1, correlationId=0, headerVersion=2)",
        "RequestHeader(apiKey=METADATA, apiVersion=12)", "{\"apiKey\":\"API_VERSIONS\"}",
        "token_type=ACCESS_TOKEN", "auth: KERBEROS_SSL_V",
        // The API's number, as the broker's request log and ApiVersionsResponse give it.
        "{\"requestHeader\":{\"requestApiKey\":62,\"requestApiVersion\":0},\"apiKeys\":[{\"apiKey\":37,\"minVersion\":0}]}",
        "ApiVersion(apiKey=0, minVersion=0, maxVersion=11)"})
    void leavesAConstantsNameAfterAKeyThatIsNoPasswordsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "api_key=ABCDEFGHIJKLMNOPQRST | api_key=[PASSWORD_KV]",
        "api_key=JBSWY3DPEHPK3PXP     | api_key=[PASSWORD_KV]",
        "password=PASSWORD_SET        | password=[PASSWORD_KV]",
        "pass=LETMEIN                 | pass=[PASSWORD_KV]",
        "secret=MY_SECRET             | secret=[PASSWORD_KV]",
        "token=ACCESS_TOKEN_          | token=[PASSWORD_KV]",
        "apiKey=Metadata1             | apiKey=[PASSWORD_KV]",
        "apiKey=1234                  | apiKey=[PASSWORD_KV]", // four digits: more than an API's number
    })
    void masksCapitalsThatReadAsNoConstantOrFollowAPasswordsKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Eclipse Paho at FINE: an option that says a password is set, and a token object's toString after its name. */
    @ParameterizedTest
    @ValueSource(strings = {"connect c1: cleanSession=true userName=corpus-user password=[notnull] will=[null]",
        "waitForCompletion c1: key=null wait max=-1 token=key=null ,topics= ,usercontext=null ,isComplete=false",
        "waitForResponse c1: >key=1 timeout=-1 token=key=1 ,topics=corpus/#,  ,usercontext=null"})
    void leavesWhatPahoSaysOfItsPasswordAndTokensAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "token=key=Xk9mP2qLw8 next   | token=[PASSWORD_KV] next",
        "password=a=b9c8d7           | password=[PASSWORD_KV]",
        "password=notnull1           | password=[PASSWORD_KV]",
        "-storepass=retry=3          | -storepass=[PASSWORD_KV]",
        "secret=retry=3              | secret=[PASSWORD_KV]",
    })
    void masksAValueWithAnEqualsSignThatReadsAsNoField(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** log.info("password={}", Optional.of(pw)): the value is what the container's toString prints inside it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password=Optional[hunter2]             | password=Optional[[PASSWORD_KV]]",
        "token: Optional[abc123XYZ] next        | token: Optional[[PASSWORD_KV]] next",
        "password=Optional.of(hunter2)          | password=Optional.of([PASSWORD_KV])",
        "User(name=bob, password=Some(hunter2)) | User(name=bob, password=Some([PASSWORD_KV]))",
        // Apache Camel's raw value in an endpoint's URI, as its DEBUG log of resolved text and its route dump print it.
        "Resolved text: smtp://h:587?username=bob&password=RAW(s3cr3t!)&to=x -> y"
            + " | Resolved text: smtp://h:587?username=bob&password=RAW([PASSWORD_KV])&to=x -> y",
        "    uri: http://h/api?oauth2ClientId=my-client&oauth2ClientSecret=RAW(OauthCs_77!)&oauth2TokenEndpoint=x"
            + " |    uri: http://h/api?oauth2ClientId=my-client&oauth2ClientSecret=RAW([PASSWORD_KV])&oauth2TokenEndpoint=x",
        "sql:select 1?password=RAW{pa(ss)w0rd}  | sql:select 1?password=RAW{[PASSWORD_KV]}",
    })
    void masksTheValueAContainerPrintsInsideItsName(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=Optional.empty", "password=Optional.absent()", "password=None",
        "secret=Optional[null]", "token=Optional[<redacted>]", "password=Some()"})
    void leavesAnEmptyContainerOrAFrameworkWordInsideOneAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A YAML core tag types the value after it: the value is what follows the tag. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password: !!str 0123456789    | password: !!str [PASSWORD_KV]",
        "api_key: !!str S3cretKey9     | api_key: !!str [PASSWORD_KV]",
        "password: !vault              | password: !vault",
    })
    void readsTheValueAfterAYamlCoreTag(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** ZooKeeper's digest id, user:base64(SHA-1(user:password)): the hash gives a weak password back offline. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Client credentials: ['digest,'bob:mVVRFJeq62etP4r4GtRgscY5gcY= | Client credentials: ['digest,'bob:[PASSWORD_KV]",
        "31,s{'digest,'svc-app:mVVRFJeq62etP4r4GtRgscY5gcY=}             | 31,s{'digest,'svc-app:[PASSWORD_KV]}",
        "setAcl /app digest:bob:mVVRFJeq62etP4r4GtRgscY5gcY=:cdrwa       | setAcl /app digest:bob:[PASSWORD_KV]:cdrwa",
    })
    void masksTheHashOfAZooKeeperDigestId(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1:mVVRFJeq62etP4r4GtRgscY5gcY=", "'digest,'bob:short=",
        "digest:bob:mVVRFJeq62etP4r4GtRgscY5gcY=AB", "'sasl,'bob:mVVRFJeq62etP4r4GtRgscY5gcY=", "digest:bob:mVVRFJeq62etP4r4GtRgscY5gcY",
        "Digest got from data tree is: 6737307293",
        "Digests are matching for Zxid: 4, Digest in log and actual tree: 7987102945"})
    void leavesWhatIsNoZooKeeperDigestHashAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A long flag as one item of a logged argument list: ProcessBuilder.command()'s toString, JSON, Python. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Executing [mysqldump, --user, root, --password, S3cretPw, shop]"
            + " | Executing [mysqldump, --user, root, --password, [PASSWORD_KV], shop]",
        "command [redis-server, --requirepass, S3cretPw]    | command [redis-server, --requirepass, [PASSWORD_KV]]",
        "\"args\": [\"--db-password\", \"S3cretPw\"]         | \"args\": [\"--db-password\", \"[PASSWORD_KV]\"]",
        "\"args\":[\"serve\",\"--password\",\"S3cretPw\"]    | \"args\":[\"serve\",\"--password\",\"[PASSWORD_KV]\"]",
        "cmd=['app', '--password', 'S3cretPw']              | cmd=['app', '--password', '[PASSWORD_KV]']",
        "(--password, S3cretPw)                             | (--password, [PASSWORD_KV])",
    })
    void masksTheItemAfterAPasswordFlagInAnArgumentList(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"use --password, not -p, for the password", "flags: --password, --token, --secret",
        "[app, --password, --verbose]", "[\"app\", \"--password\", \"-v\"]", "the --password, user and host flags"})
    void leavesFlagsThatListNoValueAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "mysql -uroot -phunter2 -h db shop                     | mysql -uroot -p[PASSWORD_KV] -h db shop",
        "mysql -uroot -pS3cretPw shop                          | mysql -uroot -p[PASSWORD_KV] shop",
        "/usr/bin/mysqldump -u app -pS3cr3t! shop              | /usr/bin/mysqldump -u app -p[PASSWORD_KV] shop",
        "mariadb-dump -u admin -p'correct horse' shop          | mariadb-dump -u admin -p'[PASSWORD_KV]' shop",
        "`\"C:\\MySQL 8.0\\bin\\mysql.exe\" -uroot -phunter2` | `\"C:\\MySQL 8.0\\bin\\mysql.exe\" -uroot -p[PASSWORD_KV]`",
        "Executing command: [mysqldump, -u, root, -phunter2, shop]"
            + " | Executing command: [mysqldump, -u, root, -p[PASSWORD_KV], shop]",
        "cmd=['mysql', '-uroot', '-phunter2', 'shop']          | cmd=['mysql', '-uroot', '-p[PASSWORD_KV]', 'shop']",
        "sshpass -p hunter2 ssh deploy@host                     | sshpass -p [PASSWORD_KV] ssh deploy@host",
        "cmd=['sshpass', '-p', 'hunter2', 'ssh']               | cmd=['sshpass', '-p', '[PASSWORD_KV]', 'ssh']",
        "[sshpass, -p, hunter2, ssh, host]                     | [sshpass, -p, [PASSWORD_KV], ssh, host]",
        "redis-cli -h cache -a hunter2 ping                    | redis-cli -h cache -a [PASSWORD_KV] ping",
        "docker login -u ci -p hunter2 ghcr.io                 | docker login -u ci -p [PASSWORD_KV] ghcr.io",
        "7z x -phunter2 backup.7z                              | 7z x -p[PASSWORD_KV] backup.7z",
        "unzip -P hunter2 backup.zip                           | unzip -P [PASSWORD_KV] backup.zip",
        "curl -sS -u deploy:hunter2 https://api.example.com    | curl -sS -u deploy:[PASSWORD_KV] https://api.example.com",
        "curl --user \"deploy:hunter 2\" https://x             | curl --user \"deploy:[PASSWORD_KV]\" https://x",
        "curl --user=deploy:hunter2 -U proxy:pw2 https://x"
            + " | curl --user=deploy:[PASSWORD_KV] -U proxy:[PASSWORD_KV] https://x",
        "mongosh --host m -u admin -p M0ngo9 --authenticationDatabase admin"
            + " | mongosh --host m -u admin -p [PASSWORD_KV] --authenticationDatabase admin",
        "sqlcmd -S db -U sa -P Sq1CmdPw9 -Q x                 | sqlcmd -S db -U sa -P [PASSWORD_KV] -Q x",
        "ldapsearch -x -D cn=admin -w Ld4pPw -b dc=x          | ldapsearch -x -D cn=admin -w [PASSWORD_KV] -b dc=x",
        "openssl enc -aes-256-cbc -k 0penSsl7 -in f           | openssl enc -aes-256-cbc -k [PASSWORD_KV] -in f",
        "openssl pkcs12 -in a.p12 -passin pass:P12pw9 -nodes  | openssl pkcs12 -in a.p12 -passin pass:[PASSWORD_KV] -nodes",
        "az login --service-principal -u app -p AzSp9x -t t   | az login --service-principal -u app -p [PASSWORD_KV] -t t",
        "ssh-keygen -t ed25519 -N SshK3y -f k                 | ssh-keygen -t ed25519 -N [PASSWORD_KV] -f k",
        "curl -udeploy:hunter2 https://x                       | curl -udeploy:[PASSWORD_KV] https://x",
    })
    void masksTheShortPasswordFlagsOfWellKnownCommands(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Cookie: JSESSIONID=ABCDEF0123456789; session=eyJ1c2VyIjoiYm9iIn0 | Cookie: JSESSIONID=[PASSWORD_KV]",
        "Set-Cookie: sessionid=38afes7a8; HttpOnly; Path=/ | Set-Cookie: sessionid=[PASSWORD_KV]; HttpOnly; Path=/",
        "headers={cookie=SESSION=abc123; theme=dark, host=x}               | headers={cookie=SESSION=[PASSWORD_KV], host=x}",
        "set-cookie: srv_track=be1a2b3; Path=/                              | set-cookie: srv_track=[PASSWORD_KV]; Path=/",
        "set-cookie: sid=ab12; Path=/                                       | set-cookie: sid=[PASSWORD_KV]; Path=/",
        "`\"Cookie\": \"sid=s%3Aabc.def\"`                                  | `\"Cookie\": \"[PASSWORD_KV]\"`",
        "curl --cookie \"sid=abc123\" https://x                           | curl --cookie \"[PASSWORD_KV]\" https://x",
        "card cvv=123 ok                                                  | card cvv=[PASSWORD_KV] ok",
        "`{\"cvc\": \"4242\"}`                                              | `{\"cvc\": \"[PASSWORD_KV]\"}`",
    })
    void masksCookieHeadersAndCardSecurityCodes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A request signature is a credential until it expires: a presigned URL grants what its signer may do. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "GET /report.pdf?X-Amz-Expires=900&X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024 "
            + "HTTP/1.1 | GET /report.pdf?X-Amz-Expires=900&X-Amz-Signature=[PASSWORD_KV] HTTP/1.1",
        "o?X-Goog-SignedHeaders=host&X-Goog-Signature=1a2b3c4d5e6f7081&x=1 "
            + "| o?X-Goog-SignedHeaders=host&X-Goog-Signature=[PASSWORD_KV]&x=1",
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3be "
            + "| Authorization: AWS4-HMAC-SHA256 [PASSWORD_KV] ",
        "Stripe-Signature: t=1492774577,v1=5257a869e7ecebeda32affa62cdca3fa,v0=6ffbb59b2300aae6 ok "
            + "| Stripe-Signature: t=[PASSWORD_KV] ok",
        "`{\"signature\": \"MEUCIQDx7k2\"}`   | `{\"signature\": \"[PASSWORD_KV]\"}`",
        "webhook signature=abc123def456 rejected | webhook signature=[PASSWORD_KV] rejected",
        "X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
            + " | X-Hub-Signature-256: sha256=[PASSWORD_KV]",
        "`{\"x-hub-signature-256\":\"sha256=757107ea0eb2509fc2\"}` | `{\"x-hub-signature-256\":\"[PASSWORD_KV]\"}`",
        "X-Shopify-Hmac-Sha256: XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM= | X-Shopify-Hmac-Sha256: [PASSWORD_KV]",
    })
    void masksRequestSignatures(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A password's hash in crypt's or PHC's format gives a weak password back offline: masked where no key names it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the PostgreSQL JDBC driver's bound parameters at TRACE
        "FE=> Bind(stmt=null,portal=null,$1=<('a@b.io')>,type=VARCHAR,"
            + "$2=<('$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')>) "
            + "| FE=> Bind(stmt=null,portal=null,$1=<('a@b.io')>,type=VARCHAR,$2=<('[PASSWORD_KV]')>)",
        "user bob set password hash $2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy "
            + "| user bob set password hash [PASSWORD_KV]",
        "stored {bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG for bob "
            + "| stored {bcrypt}[PASSWORD_KV] for bob",
        "root:$y$j9T$Y1mZ0m3pS4lt$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq:19000:0:99999:7::: "
            + "| root:[PASSWORD_KV]:19000:0:99999:7:::",
        "bob:$6$rounds=5000$saltsalt$Jtx1OlOq3y0yoMJyeuMbwcv4f7PZ0bx8e9F1MRwRpWEnDnHrxa.j9Y2OpX0ftQdgt7mC0r2v1F5m2NgZ"
            + "5P0k/.:0 "
            + "| bob:[PASSWORD_KV]:0",
        "row (7, '$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$yMX1PqU9t6hQWd9X6ZcM3Kc0+Ln8mCg0tU9dS3rK5Eo', 'bob') "
            + "| row (7, '[PASSWORD_KV]', 'bob')",
        "hashes: $1$saltsalt$qjXMvbEw8oaL.CzflDugX/, "
            + "$pbkdf2-sha256$29000$N2bsnVPKmbNWqlWK$2ZCX5f3JHp6kB8bDGcFL1sEZCX9xYIb0dY6tgX7CN2k "
            + "| hashes: [PASSWORD_KV], [PASSWORD_KV]",
        // a row's fields after the hash, and the Java scrypt library's format with its base64 padding
        "row: bob,$5$rounds=5000$saltsalt$Gbm.5dC6aVgxhW3PEvLhRnOtm5Wk0R9yUfK7D9Sm2T0,true | row: bob,[PASSWORD_KV],true",
        "hash $s0$e0801$epIxT/h6HbbwHaehFnh/bw==$7H0vsXlY8UxxyW/BWx/9GuY7jEvGjT71GFd6O4SZND0= ok | hash [PASSWORD_KV] ok",
    })
    void masksAPasswordHashWhereNoKeyNamesIt(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FE=> Bind(stmt=null,portal=null,$1=<'bob'>,type=VARCHAR)", "url ${db.url} and $HOME/bin",
        "price $10 and $2.50", "lambda$main$0 at Foo$Bar.run", "$2a$10$tooShort", "$9$abcdefghijklmnopqrstuvwxyz0123",
        "$6$salt$has spaces in it so no hash", "$2a$10$ and more text", "$y$j9T$", "cost $$ 1234567890123456789012345"})
    void leavesDollarSignsThatStartNoHashAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /**
     * A stored password after its encoding's name in braces, where no key names it: Spring Security's
     * DelegatingPasswordEncoder ({noop} is the password itself), LDAP's and Dovecot's schemes.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "created user bob with {noop}Xk9mQ2vLp                | created user bob with {noop}[PASSWORD_KV]",
        "`Users: [User(name=bob, enc={noop}hunter2, roles=[U])]` | `Users: [User(name=bob, enc={noop}[PASSWORD_KV], roles=[U])]`",
        "bob {pbkdf2}5d923b44a6d129f3ddf3e3c8d29412723dcbde72 on | bob {pbkdf2}[PASSWORD_KV] on",
        "`bob|{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG|1` | `bob|{bcrypt}[PASSWORD_KV]|1`",
        "{ldap}{SSHA}FRWu3jbvyZpNb9dRnzBtrGiF8FvCyGcWNvZrdg==     | {ldap}{SSHA}[PASSWORD_KV]",
        "bob:{PLAIN}Xk9mQ2vLp:1000:1000::                      | bob:{PLAIN}[PASSWORD_KV]:1000:1000::",
    })
    void masksAPasswordAfterItsEncodingsName(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"log {} and {0} and {id} and {name}x", "{\"a\":1} ${x}", "checksum {md5} mismatch",
        "{noop} alone", "set {bcrypt}"})
    void leavesBracesThatNameNoEncodingAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A secret in a list of quoted arguments: Redis's MONITOR, a tuple, a client's argument list. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`1607184121.123 [0 127.0.0.1:51234] \"HSET\" \"user:1\" \"password\" \"Xk9mQ2vLp\"` "
            + "| `1607184121.123 [0 127.0.0.1:51234] \"HSET\" \"user:1\" \"password\" \"[PASSWORD_KV]\"`",
        "`\"HSET\" \"u:1\" \"name\" \"bob\" \"api_key\" \"Xk9m7\" \"apiKey\" \"abc123\"` "
            + "| `\"HSET\" \"u:1\" \"name\" \"bob\" \"api_key\" \"[PASSWORD_KV]\" \"apiKey\" \"[PASSWORD_KV]\"`",
        "`('password', 'Xk9mQ2vLp')`                         | `('password', '[PASSWORD_KV]')`",
        "`insert into app_settings (name, value) values ('smtp.password', 'Xk9mQ2vLp')` "
            + "| `insert into app_settings (name, value) values ('smtp.password', '[PASSWORD_KV]')`",
    })
    void masksTheArgumentAfterAQuotedKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys [\"password\", \"token\", \"secret\"]", "\"HMGET\" \"user:1\" \"password\" \"email\"",
        "insert into \"users\" (\"id\", \"password\", \"email\") values (?, ?, ?)", "where key in ('password', 'token')",
        "\"the password\" \"is here\"", "\"HGET\" \"user:1\" \"password\"", "\"password\" \"null\""})
    void leavesQuotedNamesThatHoldNoValueAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** SQL loggers (P6Spy, jOOQ, MyBatis) print an insert with its values: a value is a secret by its column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "insert into users (email, password) values ('bob', 'hunter2') "
            + "| insert into users (email, password) values ('bob', '[PASSWORD_KV]')",
        "`INSERT INTO `u` (`id`,`api_token`,`name`) VALUES (7,'tok_a1','bob')` "
            + "| `INSERT INTO `u` (`id`,`api_token`,`name`) VALUES (7,'[PASSWORD_KV]','bob')`",
        "`INSERT INTO \"users\" (\"name\", \"password\") VALUES ('bob', 'hunter2');` "
            + "| `INSERT INTO \"users\" (\"name\", \"password\") VALUES ('bob', '[PASSWORD_KV]');`",
        "insert into a (id, secret) values (1, 's1'), (2, 's2') "
            + "| insert into a (id, secret) values (1, '[PASSWORD_KV]'), (2, '[PASSWORD_KV]')",
        "insert into a (n, secret) values ('it''s', 'it''s mine') "
            + "| insert into a (n, secret) values ('it''s', '[PASSWORD_KV]')",
        "insert into users(name,password)values('bob','hunter2') "
            + "| insert into users(name,password)values('bob','[PASSWORD_KV]')",
        "insert into users (name, password) values (N'bob', N'hunter2') "
            + "| insert into users (name, password) values (N'bob', N'[PASSWORD_KV]')",
        // A call without arguments counts as one item.
        "insert into users (created, password) values (NOW(), 'hunter2') "
            + "| insert into users (created, password) values (NOW(), '[PASSWORD_KV]')",
        // P6Spy 3.9's one-line format: the prepared statement, '|', the statement with its values.
        "`connection 0|select id from accts where email = ? and password = ?|select id from accts where email = 'a' and "
            + "password = 'Tr0ub4dor&3-Blue'` | `connection 0|select id from accts where email = ? and"
            + " password = ?|select id"
            + " from accts where email = 'a' and password = '[PASSWORD_KV]'`",
        // A session's id as a column, Spring Session's and a sessions table's; Spring Authorization Server's codes.
        "delete from spring_session where session_id = 'f975891f-1e3a-43c5' | delete from spring_session where session_id ="
            + " '[PASSWORD_KV]'",
        "insert into oauth2_authorization (id, authorization_code_value) values ('7', 'aJBWluKsF_rKbUK0UUCI6Jrx')"
            + " | insert into oauth2_authorization (id, authorization_code_value) values ('7', '[PASSWORD_KV]')",
    })
    void masksTheValuesOfAnSqlInsertByTheirColumn(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** datasource-proxy logs a prepared statement's parameters after its query, unquoted, by position. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Name:dataSource, Connection:5, Time:1, Success:True, Type:Prepared, Batch:False, QuerySize:1, BatchSize:0, "
            + "Query:[\"insert into users (email, password, created) values (?, ?, now())\"], Params:[(bob,hunter2)]` "
            + "| `Name:dataSource, Connection:5, Time:1, Success:True, Type:Prepared, Batch:False, QuerySize:1, "
            + "BatchSize:0, "
            + "Query:[\"insert into users (email, password, created) values (?, ?, now())\"], Params:[(bob,[PASSWORD_KV])]`",
        "`Query:[\"update users set password=?, name = ? where id=?\"], Params:[(hunter2,Bob,42)]` "
            + "| `Query:[\"update users set password=?, name = ? where id=?\"], Params:[([PASSWORD_KV],Bob,42)]`",
        "`Query:[\"update t set api_token = ?, note = 'why?', secret=? where id=?\"], Params:[(tok1,s3,7)]` "
            + "| `Query:[\"update t set api_token = ?, note = 'why?', secret=? where id=?\"], Params:[([PASSWORD_KV],7)]`",
        "`Query:[\"insert into \"users\" (\"name\", \"password\") values (?, ?)\"], Params:[(bob,hunter2)]` "
            + "| `Query:[\"insert into \"users\" (\"name\", \"password\") values (?, ?)\"], Params:[(bob,[PASSWORD_KV])]`",
        // Conditions OR joins look one value up in several columns: one of them a secret's, all are.
        "`Query:[\"select id from oauth2_authorization where state = ? or access_token_value = ? or user_code_value = ?\"],"
            + " Params:[(t_kJ51tRMvWdr,t_kJ51tRMvWdr,t_kJ51tRMvWdr)]` | `Query:[\"select id from oauth2_authorization where"
            + " state = ? or access_token_value = ? or user_code_value = ?\"], Params:[([PASSWORD_KV])]`",
        "`Query:[\"select id from orders where state = ? and customer = ? or region = ?\"], Params:[(open,bob,eu)]` "
            + "| `Query:[\"select id from orders where state = ? and customer = ? or region = ?\"], Params:[(open,bob,eu)]`",
        "`Query:[\"insert into u (email,password) values (?,?)\"], Params:[(bob,hunter2),(al,s3cret),(cy,x1)]` "
            + "| `Query:[\"insert into u (email,password) values (?,?)\"], Params:[(bob,[PASSWORD_KV])]`",
        // A value holding the ',' before the secret: the secret is masked with what it shifted.
        "`Query:[\"insert into u (name,password,note) values (?,?,?)\"], Params:[(Doe, John,hunter2,x)]` "
            + "| `Query:[\"insert into u (name,password,note) values (?,?,?)\"], Params:[(Doe,[PASSWORD_KV],x)]`",
        "`Query:[\"insert into u (name,password) values (?,?)\"], Params:[(Doe, John,hunter2),(al,s3cret)]` "
            + "| `Query:[\"insert into u (name,password) values (?,?)\"], Params:[(Doe,[PASSWORD_KV])]`",
    })
    void masksTheParametersDataSourceProxyLogsForSecretColumns(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Query:[\"select * from users where email=?\"], Params:[(bob)]",
        "Query:[\"insert into t (a, b) values (?, ?)\"], Params:[(x,y)]", "Params:[(hunter2)]",
        "Query:[\"update users set password=? where id=?\"], Params:[]", "Params: 3"})
    void leavesParametersOfOtherColumnsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** MyBatis logs a statement, then its parameters on a line of their own: the thread keeps which bind a secret. */
    @Test
    void masksTheParametersMyBatisLogsAfterItsStatement() {
        Masker all = Masker.builder().build();
        assertEquals("==>  Preparing: insert into users (name, password, role) values (?, ?, ?)",
                all.mask("==>  Preparing: insert into users (name, password, role) values (?, ?, ?)"));
        assertEquals("==> Parameters: bob, jr(String), [PASSWORD_KV](String), admin(String)",
                all.mask("==> Parameters: bob, jr(String), s3cr(e)t(String), admin(String)"));
        assertEquals("DEBUG UserMapper.insert - ==> Parameters: al(String), [PASSWORD_KV](String), null",
                all.mask("DEBUG UserMapper.insert - ==> Parameters: al(String), hunter2(String), null"));
        assertEquals("==> Parameters: al(String), null, user(String)",
                all.mask("==> Parameters: al(String), null, user(String)"));
        all.mask("==>  Preparing: update users set name = ? where id = ?");
        assertEquals("==> Parameters: hunter2(String), 7(Long)", all.mask("==> Parameters: hunter2(String), 7(Long)"));
        all.mask("====>  Preparing: insert into users (name, password) values (?, ?)"); // a nested query's
        assertEquals("====> Parameters: al(String), [PASSWORD_KV](String)",
                all.mask("====> Parameters: al(String), pw(String)"));
    }

    /** MyBatis's result at TRACE: the header names the columns, each row after it masks a secret column's value. */
    @Test
    void masksTheValuesOfASecretColumnInTheRowsMyBatisLogs() {
        Masker all = Masker.builder().build();
        assertEquals("<==    Columns: id, name, password, api_token, role",
                all.mask("<==    Columns: id, name, password, api_token, role"));
        assertEquals("<==        Row: 1, bob, [PASSWORD_KV], admin",
                all.mask("<==        Row: 1, bob, hunter2, tok_9f8e7d6c5b4a, admin"));
        assertEquals("DEBUG UserMapper.select - <==        Row: 3, carol, null, null, user",
                all.mask("DEBUG UserMapper.select - <==        Row: 3, carol, null, null, user"));
        // a value holding ", " shifts those after it: from the first secret column's place to the row's end
        assertEquals("<==        Row: 2, Doe, [PASSWORD_KV]",
                all.mask("<==        Row: 2, Doe, John, s3cret, tok_1a2b, user"));
        all.mask("<====    Columns: id, name, password, role"); // a nested query's
        assertEquals("<====        Row: 4, al, [PASSWORD_KV], user", all.mask("<====        Row: 4, al, pw, user"));
        assertEquals("<==      Total: 3", all.mask("<==      Total: 3"));
        assertEquals("<==    Columns: id, name", all.mask("<==    Columns: id, name"));
        assertEquals("<==        Row: 1, hunter2", all.mask("<==        Row: 1, hunter2")); // no secret column now
    }

    /** Hibernate's statement at DEBUG, then its bindings at TRACE: 6.2's format, 5's, and format_sql's statement. */
    @Test
    void masksTheParametersHibernateBindsAfterItsStatement() throws InterruptedException {
        Masker all = Masker.builder().build();
        all.mask("insert into users (email,password,id) values (?,?,?)");
        assertEquals("binding parameter (2:VARCHAR) <- [[PASSWORD_KV]]",
                all.mask("binding parameter (2:VARCHAR) <- [hunter2]"));
        assertEquals("binding parameter (3:BIGINT) <- [1]", all.mask("binding parameter (3:BIGINT) <- [1]"));
        assertEquals("binding parameter [2] as [VARCHAR] - [[PASSWORD_KV]]",
                all.mask("binding parameter [2] as [VARCHAR] - [hunt]er2]"));
        assertEquals("binding parameter [2] as [VARCHAR] - [null]", all.mask("binding parameter [2] as [VARCHAR] - [null]"));
        assertEquals("binding parameter [2] as [VARCHAR] - [[PASSWORD_KV]]",
                all.mask("binding parameter [2] as [VARCHAR] - [[PASSWORD_KV]]"));
        // Another thread's statement says nothing of this thread's bindings.
        Thread other = new Thread(() -> all.mask("select id from users where email=?"));
        other.start();
        other.join();
        assertEquals("binding parameter (2:VARCHAR) <- [[PASSWORD_KV]]",
                all.mask("binding parameter (2:VARCHAR) <- [hunter2]"));
        all.mask("\n    update\n        users \n    set\n        email=?,\n        password=? \n    where\n        id=?");
        assertEquals("binding parameter (2:VARCHAR) <- [[PASSWORD_KV]]", all.mask("binding parameter (2:VARCHAR) <- [n3w]"));
        assertEquals("binding parameter (1:VARCHAR) <- [bob]", all.mask("binding parameter (1:VARCHAR) <- [bob]"));
        all.mask("select u1_0.id from users u1_0 where u1_0.email=?");
        assertEquals("binding parameter (2:VARCHAR) <- [hunter2]", all.mask("binding parameter (2:VARCHAR) <- [hunter2]"));
    }

    /**
     * pgjdbc's protocol trace: a parse marks the secret {@code $n} of its query, each bind after it masks
     * their values (42.7's {@code ('x')}, older drivers' {@code 'x'}), by the statement's name when it has one.
     */
    @Test
    void masksWhatPgjdbcBindsToTheSecretParametersOfTheStatementItParsed() {
        Masker all = Masker.builder().build();
        all.mask(" FE=> Parse(stmt=S_1,query=\"INSERT INTO users (name, email, password_hash) VALUES ($1, $2, $3)\","
                + "oids={1043,1043,1043})");
        all.mask(" FE=> Parse(stmt=null,query=\"SELECT id FROM users WHERE id > $1\",oids={23})");
        assertEquals(" FE=> Bind(stmt=null,portal=null,$1=<('3'::int4)>,type=INT4)",
                all.mask(" FE=> Bind(stmt=null,portal=null,$1=<('3'::int4)>,type=INT4)"));
        // S_1 again, after another statement: its parse is remembered by its name.
        assertEquals(" FE=> Bind(stmt=S_1,portal=null,$1=<('bob')>,type=VARCHAR,$2=<('b0b')>,type=VARCHAR,"
                + "$3=<('[PASSWORD_KV]')>,type=VARCHAR)", all.mask(" FE=> Bind(stmt=S_1,portal=null,$1=<('bob')>,"
                + "type=VARCHAR,$2=<('b0b')>,type=VARCHAR,$3=<('it''s 0ne')>,type=VARCHAR)"));
        assertEquals(" FE=> Bind(stmt=S_1,portal=null,$1=<'bob'>,$2=<'b0b'>,$3=<NULL>)",
                all.mask(" FE=> Bind(stmt=S_1,portal=null,$1=<'bob'>,$2=<'b0b'>,$3=<NULL>)"));
        // An update with two secret columns, each masked alone; the placeholders of the parse are no values.
        String update = " FE=> Parse(stmt=null,query=\"update account set active=$1,api_token=$2,email=$3,"
                + "password_hash=$4 where id=$5\",oids={16,1043,1043,1043,20})";
        assertEquals(update, all.mask(update));
        assertEquals(" FE=> Bind(stmt=null,portal=null,$1=<('TRUE'::boolean)>,type=BOOL,$2=<('[PASSWORD_KV]')>,"
                + "type=VARCHAR,$3=<('b0b')>,type=VARCHAR,$4=<('[PASSWORD_KV]')>,type=VARCHAR,$5=<('2'::int8)>,type=INT8)",
                all.mask(" FE=> Bind(stmt=null,portal=null,$1=<('TRUE'::boolean)>,type=BOOL,$2=<('tok_9f8e7d6c')>,"
                + "type=VARCHAR,$3=<('b0b')>,type=VARCHAR,$4=<('x1')>,type=VARCHAR,$5=<('2'::int8)>,type=INT8)"));
        // A statement with no secret column binds none.
        all.mask(" FE=> Parse(stmt=S_2,query=\"SELECT * FROM users WHERE name = $1 AND email = $2\",oids={1043,1043})");
        assertEquals(" FE=> Bind(stmt=S_2,portal=null,$1=<'bob'>,$2=<'b0b'>)",
                all.mask(" FE=> Bind(stmt=S_2,portal=null,$1=<'bob'>,$2=<'b0b'>)"));
    }

    /**
     * PostgreSQL's server log with log_statement = 'all', as {@code mask} reads its lines: the execute
     * record marks the secret {@code $n} of its statement, the parameters record after it masks their
     * values, each alone, read value by value (a quoted value may hold what looks like the next).
     */
    @Test
    void masksWhatPostgresLogsAsTheParametersOfTheStatementItExecuted() {
        Masker all = Masker.builder().fileLines(true).build();
        String prefix = "2026-12-07 21:20:10.227 UTC [2216] app@db ";
        String execute = prefix + "LOG:  execute <unnamed>: INSERT INTO users (id, name, password_hash, api_token) "
                + "VALUES ($1, $2, $3, $4)";
        assertEquals(execute, all.mask(execute));
        assertEquals(prefix + "DETAIL:  parameters: $1 = '3', $2 = 'it''s, $3 = bob', $3 = '[PASSWORD_KV]', $4 = "
                + "'[PASSWORD_KV]'", all.mask(prefix + "DETAIL:  parameters: $1 = '3', $2 = 'it''s, $3 = bob', "
                + "$3 = '$argon2id$v=19$m=65536', $4 = 'tok 9f8e7d6c'"));
        assertEquals(prefix + "DETAIL:  parameters: $1 = '4', $2 = NULL, $3 = '[PASSWORD_KV]', $4 = NULL",
                all.mask(prefix + "DETAIL:  parameters: $1 = '4', $2 = NULL, $3 = 'x1', $4 = NULL"));
        all.mask(prefix + "LOG:  duration: 0.062 ms  execute S_1: UPDATE users SET password = $1 WHERE id = $2");
        assertEquals(prefix + "DETAIL:  parameters: $1 = '[PASSWORD_KV]', $2 = '7'",
                all.mask(prefix + "DETAIL:  parameters: $1 = 'n3w-Pass', $2 = '7'"));
        all.mask(prefix + "LOG:  execute <unnamed>: SELECT * FROM users WHERE name = $1");
        assertEquals(prefix + "DETAIL:  parameters: $1 = 'bob'", all.mask(prefix + "DETAIL:  parameters: $1 = 'bob'"));
    }

    /** Syslog lines of mail and PAM daemons: a module's call as a label, a contraction, the identity after auth=. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Mar  2 10:11:12 mx1 dovecot-auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0",
        "Mar  2 10:11:12 mx1 auth: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser=",
        "Mar  2 10:11:12 mx1 dovecot: auth: passwd-file(alice,10.0.0.7): unknown user",
        "Mar  2 10:11:12 mx1 dovecot: auth: ldap(alice,10.0.0.7,<Qx7vLm2pRt9sKd4w>): unknown user",
        "2026-03-02 10:11:12: (mod_auth.c.828) password doesn't match for /admin username: alice, IP: 10.0.0.7",
        "password isn't set for alice", "password wasn’t changed",
        "Mar  2 10:11:12 mx1 imapd[4242]: Login failed user=alice auth=alice host=client.example.net [10.0.0.7]",
    })
    void leavesSyslogLabelsContractionsAndTheAuthIdentityAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Login failed user=alice auth=Xk9mP2qLw host=x      | Login failed user=alice auth=[PASSWORD_KV] host=x",
        "user=alice auth=alice2                             | user=alice auth=[PASSWORD_KV]",
        "with password it's4me                              | with password [PASSWORD_KV]",
        "auth: s3cr3t!                                      | auth: [PASSWORD_KV]",
        "Password mismatch (given password: Xk9mP2qLw8zT)   | Password mismatch (given password: [PASSWORD_KV])",
    })
    void stillMasksACredentialNextToThem(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** JSON audit and IDS records: a sentence in a field's value, an IDS rule's name under "signature". */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":11933,\"summary\":\"User's password changed\",\"remoteAddress\":\"10.0.0.7\",\"created\":\"2022-01-10\"}",
        "{\"summary\":\"password reset\"}",
        "\"alert\":{\"signature_id\":2100498,\"rev\":7,\"signature\":\"GPL ATTACK_RESPONSE id check returned root\"}",
    })
    void leavesAFieldsSentenceAndAnIdsRulesNameAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"summary\":\"User password hunter2X!\",\"a\":1}       | {\"summary\":\"User password [PASSWORD_KV]\",\"a\":1}",
        "{\"msg\":\"login with password Xk9mP2q\",\"user\":\"bob\"} | "
            + "{\"msg\":\"login with password [PASSWORD_KV]\",\"user\":\"bob\"}",
        "\"signature\":\"dGhpcyBpcyBhIHNpZw==\"                   | \"signature\":\"[PASSWORD_KV]\"",
    })
    void stillMasksAPasswordInAFieldsSentenceAndASignature(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** An Azure Key Vault secret's value: the object's id names a vault's secret, in any of Azure's clouds. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"value\":\"s3cr3t\",\"id\":\"https://k.vault.azure.net/secrets/db/43\",\"attributes\":{}} | "
            + "{\"value\":\"[PASSWORD_KV]\",\"id\":\"https://k.vault.azure.net/secrets/db/43\",\"attributes\":{}}",
        "{\"value\": \"Pa55w0rd!\", \"contentType\": \"text\", \"id\": \"https://k.vault.azure.cn/secrets/d/1\"} | "
            + "{\"value\": \"[PASSWORD_KV]\", \"contentType\": \"text\", \"id\": \"https://k.vault.azure.cn/secrets/d/1\"}",
        "{\"id\":\"https://kv.vault.usgovcloudapi.net/secrets/x/1\",\"value\":\"hunter2\"} | "
            + "{\"id\":\"https://kv.vault.usgovcloudapi.net/secrets/x/1\",\"value\":\"[PASSWORD_KV]\"}",
        // The Azure SDK's HTTP log: the body as a JSON string.
        "\"body\":\"{\\\"value\\\":\\\"Pa55!\\\",\\\"id\\\":\\\"https://k.vault.azure.net/secrets/d/0\\\"}\" | "
            + "\"body\":\"{\\\"value\\\":\\\"[PASSWORD_KV]\\\",\\\"id\\\":\\\"https://k.vault.azure.net/secrets/d/0\\\"}\"",
        // A key's object, a list of secrets' ids, another object's value: no secret's value.
        "{\"value\":\"42\",\"id\":\"https://k.vault.azure.net/keys/k/1\"} | "
            + "{\"value\":\"42\",\"id\":\"https://k.vault.azure.net/keys/k/1\"}",
        "{\"value\":[{\"id\":\"https://k.vault.azure.net/secrets/a\"}]} | "
            + "{\"value\":[{\"id\":\"https://k.vault.azure.net/secrets/a\"}]}",
        "{\"name\":\"cpu\",\"value\":\"0.93\"},{\"id\":\"https://k.vault.azure.net/secrets/a\"} | "
            + "{\"name\":\"cpu\",\"value\":\"0.93\"},{\"id\":\"https://k.vault.azure.net/secrets/a\"}",
    })
    void masksTheValueOfAnAzureKeyVaultSecret(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Elasticsearch's answer to creating an API key: "encoded" is base64 of id:api_key, the credential clients send. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"id\":\"VuaCfGcBCdbkQm-e5aOx\",\"name\":\"app\",\"api_key\":\"ui2lp2axTNmsyakw9tvNnw\","
            + "\"encoded\":\"VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\"} | "
            + "{\"id\":\"VuaCfGcBCdbkQm-e5aOx\",\"name\":\"app\",\"api_key\":\"[PASSWORD_KV]\","
            + "\"encoded\":\"[PASSWORD_KV]\"}",
        "{\"encoded\": \"VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\"} | {\"encoded\": \"[PASSWORD_KV]\"}",
        // Base64 of other text, or no string: not a key's id and secret.
        "{\"encoded\":\"aGVsbG8gd29ybGQ=\"} | {\"encoded\":\"aGVsbG8gd29ybGQ=\"}",
        "{\"encoded\":true} | {\"encoded\":true}",
        "{\"preencoded\":\"VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\"} | "
            + "{\"preencoded\":\"VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==\"}",
    })
    void masksTheEncodedApiKeyElasticsearchAnswers(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** An XML element left open ends with its line (the message's next line is its own); a closed one may span lines. */
    @Test
    void readsAnOpenXmlElementToItsLineEndOnly() {
        // mask(String) neutralises the break it keeps: "\\n".
        assertEquals("<password>[PASSWORD_KV]\\nnext <b>", masker.mask("<password>hunter2\nnext <b>"));
        assertEquals("<password>[PASSWORD_KV]</password>", masker.mask("<password>\n  hunter2\n</password>"));
    }

    /** Hibernate's format_sql statement as mask reads it from a file: the record's first line ends before it. */
    @Test
    void masksTheParametersBoundAfterAStatementStartingOnTheRecordsSecondLine() {
        Masker all = Masker.builder().fileLines(true).build();
        all.mask("2026-12-07 01:59:52,140 [main] DEBUG org.hibernate.SQL - \n    insert \n    into\n        account\n"
                + "        (active, api_token, email) \n    values\n        (?, ?, ?)");
        assertEquals("2026-12-07 01:59:52,141 [main] TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- "
                + "[[PASSWORD_KV]]", all.mask("2026-12-07 01:59:52,141 [main] TRACE org.hibernate.orm.jdbc.bind - "
                + "binding parameter (2:VARCHAR) <- [tok_9f8e7d6c]"));
        assertEquals("2026-12-07 01:59:52,142 [main] TRACE o.p.core.v3.QueryExecutorImpl -  FE=> Bind(stmt=null,portal=null,"
                + "$1=<('TRUE'::boolean)>,type=BOOL,$2=<('[PASSWORD_KV]')>,type=VARCHAR)",
                all.mask("2026-12-07 01:59:52,142 [main] TRACE o.p.core.v3.QueryExecutorImpl -  FE=> Bind(stmt=null,"
                + "portal=null,$1=<('TRUE'::boolean)>,type=BOOL,$2=<('tok_9f8e7d6c')>,type=VARCHAR)"));
    }

    /** The same lines as mask reads them from a file: whole, the record's prefix before each message. */
    @Test
    void masksTheParametersBoundAfterAStatementInALogFilesWholeLines() {
        Masker all = Masker.builder().fileLines(true).build();
        all.mask("2026-12-06T12:00:01.100Z DEBUG 7 --- [main] org.hibernate.SQL : "
                + "insert into users (email,password,id) values (?,?,?)");
        assertEquals("2026-12-06T12:00:01.101Z TRACE 7 --- [main] org.hibernate.orm.jdbc.bind : "
                + "binding parameter (2:VARCHAR) <- [[PASSWORD_KV]]", all.mask("2026-12-06T12:00:01.101Z TRACE 7 --- [main] "
                + "org.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [hunter2]"));
        all.mask("12:00:01.300 [main] DEBUG o.s.jdbc.core.JdbcTemplate - Executing prepared SQL statement "
                + "[insert into users (email, password) values (?, ?)]");
        assertEquals("[2026-12-06 12:00:01] TRACE StatementCreatorUtils - Setting SQL statement parameter value: "
                + "column index 2, parameter value [[PASSWORD_KV]], value class [java.lang.String], SQL type unknown",
                all.mask("[2026-12-06 12:00:01] TRACE StatementCreatorUtils - Setting SQL statement parameter value: column "
                + "index 2, parameter value [hunter2], value class [java.lang.String], SQL type unknown"));
        // JBoss LogManager's pattern (Keycloak, Quarkus, WildFly): the thread in parentheses ends the prefix.
        all.mask("2026-12-07 10:10:09,166 DEBUG [org.hibernate.SQL] (executor-thread-1) insert into CREDENTIAL"
                + " (CREATED_DATE,SALT,SECRET_DATA,ID) values (?,?,?,?)");
        assertEquals("2026-12-07 10:10:09,167 TRACE [org.hibernate.orm.jdbc.bind] (executor-thread-1) binding parameter"
                + " (3:VARCHAR) <- [[PASSWORD_KV]]", all.mask("2026-12-07 10:10:09,167 TRACE [org.hibernate.orm.jdbc.bind]"
                + " (executor-thread-1) binding parameter (3:VARCHAR) <- [{\"value\":\"wIMWahSvMmZEKMXEQ70kLqZut+hiupl/AsX"
                + "iY0s93us=\",\"salt\":\"haCGWHfrWEN7K8LTGFdfnw==\",\"additionalParameters\":{}}]"));
        // A line that starts no record has no prefix to pass: its own start is the message's.
        assertEquals("2 rows - binding parameter (2:VARCHAR) <- [hunter2]",
                all.mask("2 rows - binding parameter (2:VARCHAR) <- [hunter2]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Fewer values than placeholders: the secret's place is read from the left.
        "[1, bob, hunter2]                 | [1, bob, [PASSWORD_KV]]",
        "[1, bob, hunter2, 2026-12-05]     | [1, bob, [PASSWORD_KV], 2026-12-05]",
        // A value holding ", " before the secret: the range masked still holds the secret.
        "[1, Doe, John, hunter2, 2026-12-05] | [1, Doe, [PASSWORD_KV], 2026-12-05]",
        // One after it: the same.
        "[1, bob, hunter2, a, b]           | [1, bob, [PASSWORD_KV], b]",
        "[1, bob, null, 2026-12-05]        | [1, bob, null, 2026-12-05]",
    })
    void masksTheSecretValuesSimpleJdbcInsertLogsWithItsStatement(String values, String masked) {
        String line = "The following parameters are used for insert INSERT INTO users (id, name, password, created)"
                + " VALUES(?, ?, ?, ?) with: ";
        assertEquals(line + masked, masker.mask(line + values));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The following parameters are used for insert INSERT INTO users (id, name) VALUES(?, ?) with: [1, bob]",
        "The following parameters are used for call {call get_user(?, ?)} with: {id=1, name=bob}",
        "retrying with: [1, bob, hunter2]",
    })
    void leavesSimpleJdbcInsertLinesWithNoSecretColumnAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Spring's JdbcTemplate at DEBUG and StatementCreatorUtils at TRACE, as Spring Boot users turn them on. */
    @Test
    void masksTheParametersSpringJdbcSetsAfterItsStatement() throws InterruptedException {
        Masker all = Masker.builder().build();
        String setting = "Setting SQL statement parameter value: column index %d, parameter value [%s], "
                + "value class [java.lang.String], SQL type unknown";
        all.mask("Executing prepared SQL statement [insert into users (name, password) values (?, ?)]");
        assertEquals(String.format(setting, 1, "bob"), all.mask(String.format(setting, 1, "bob")));
        assertEquals(String.format(setting, 2, "[PASSWORD_KV]"), all.mask(String.format(setting, 2, "hunter2")));
        // The value's own text may hold what ends it, and a null is nothing to mask.
        assertEquals(String.format(setting, 2, "[PASSWORD_KV]"), all.mask(String.format(setting, 2, "a], value class [b")));
        assertEquals("Setting SQL statement parameter value: column index 2, parameter value [null], value class [null],"
                + " SQL type 12", all.mask("Setting SQL statement parameter value: column index 2, parameter value [null],"
                + " value class [null], SQL type 12"));
        all.mask("Executing SQL batch update [update users set password = ? where id = ?]");
        assertEquals(String.format(setting, 1, "[PASSWORD_KV]"), all.mask(String.format(setting, 1, "n3w-Pass")));
        assertEquals("Setting SQL statement parameter value: column index 2, parameter value [42], value class"
                + " [java.lang.Long], SQL type unknown", all.mask("Setting SQL statement parameter value: column index 2,"
                + " parameter value [42], value class [java.lang.Long], SQL type unknown"));
        // Another thread's statement says nothing of this thread's parameters.
        Thread other = new Thread(() -> all.mask("Executing prepared SQL statement [select * from users where name = ?]"));
        other.start();
        other.join();
        assertEquals(String.format(setting, 1, "[PASSWORD_KV]"), all.mask(String.format(setting, 1, "n3w-Pass")));
        all.mask("Executing prepared SQL statement [select username,password,enabled from users where username = ?]");
        assertEquals(String.format(setting, 1, "john"), all.mask(String.format(setting, 1, "john")));
    }

    /**
     * RFC 7517's example keys: A.3's symmetric key, A.1's EC private key (its {@code d}), and an RSA
     * private key shaped as A.2's (members shortened); in any member order, as Nimbus writes them.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"keys\":[{\"kty\":\"oct\",\"alg\":\"A128KW\",\"k\":\"GawgguFyGrWKav7AX4VKUg\"}]}` "
            + "| `{\"keys\":[{\"kty\":\"oct\",\"alg\":\"A128KW\",\"k\":\"[PASSWORD_KV]\"}]}`",
        "`{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\","
            + "\"d\":\"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE\",\"kid\":\"1\"}` "
            + "| `{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\","
            + "\"d\":\"[PASSWORD_KV]\",\"kid\":\"1\"}`",
        "`{\"p\":\"83i-7IvMGXoM\",\"kty\":\"RSA\",\"q\":\"3dfOR9cu\",\"d\":\"X4cTteJY\",\"e\":\"AQAB\","
            + "\"qi\":\"GyM_p6JrXy\",\"dp\":\"G4sPXkc6\",\"dq\":\"s9lAH9fg\",\"n\":\"0vx7agoebG\"}` "
            + "| `{\"p\":\"[PASSWORD_KV]\",\"kty\":\"RSA\",\"q\":\"[PASSWORD_KV]\",\"d\":\"[PASSWORD_KV]\","
            + "\"e\":\"AQAB\",\"qi\":\"[PASSWORD_KV]\",\"dp\":\"[PASSWORD_KV]\",\"dq\":\"[PASSWORD_KV]\","
            + "\"n\":\"0vx7agoebG\"}`",
    })
    void masksThePrivateMembersOfAJsonWebKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A public key set, and the same short names outside a key. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\",\"use\":\"enc\"}",
        "{\"kty\":\"RSA\",\"n\":\"0vx7agoebG\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}",
        "{\"d\":\"2026-12-05\",\"k\":\"v\",\"p\":3}", "{\"q\":\"search terms\",\"page\":2}"})
    void leavesPublicKeysAndOtherShortNamesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A value masked before a secret column's own is still a quoted item to count. */
    @Test
    void countsAnInsertsValuesPastOneMaskedBefore() {
        Masker all = Masker.builder().build();
        assertEquals("insert into users (email, password) values ('[EMAIL]', '[PASSWORD_KV]')",
                all.mask("insert into users (email, password) values ('bob@example.com', 'hunter2')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert into t (a, b) values ('x', 'y')", "select * from t where name in ('a', 'password')",
        "insert into users (name, password) values ('bob', NULL)", "insert into users values ('bob', 'hunter2')",
        "insert into users (name, password) values ('bob', upper(name))", "insert into users (password) select 'x'",
        "insert into users (name, password_changed_at) values ('bob', to_date('2020-01-01'))",
        "update t set c = 'password', d = 'x'", "['password', 'token']", "f('password', 'x')"})
    void leavesInsertsWithoutASecretColumnAndOtherListsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Vault AppRole's secret id is a credential; AWS's {@code SecretId} names a Secrets Manager secret. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"role_id\":\"675a50e7\",\"secret_id\":\"ed0a642f-2acf-c2da\"}` "
            + "| `{\"role_id\":\"675a50e7\",\"secret_id\":\"[PASSWORD_KV]\"}`",
        "spring.cloud.vault.app-role.secret-id=ed0a642f-2acf | spring.cloud.vault.app-role.secret-id=[PASSWORD_KV]",
        "`{\"SecretId\":\"prod/db\"}`                       | `{\"SecretId\":\"prod/db\"}`",
        "GetSecretValueRequest(SecretId=prod/db, VersionStage=AWSCURRENT) "
            + "| GetSecretValueRequest(SecretId=prod/db, VersionStage=AWSCURRENT)",
        "secretId: prod/db                                     | secretId: prod/db",
    })
    void masksVaultSecretIdsNotSecretsManagerNames(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** XML-DSig's signature, in every SAML assertion a log holds, is public: anyone may verify it. */
    @ParameterizedTest
    @ValueSource(strings = {"<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\\n<ds:SignedInfo>",
        "<Signature>\\n<SignedInfo>", "invalid signature: expected 3 arguments", "signatures=2", "SignatureMethod=rsa-sha1",
        "JWT signature: valid (kid=2024-rotation)", "signature=verified", "token: failed", "signature: mismatch",
        "[INFO] Signature: SHA256withRSA, 2048-bit key", "signature: SHA384withECDSA", "Signature: RS256"})
    void leavesXmlSignaturesAndSignatureWordsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"password\" => \"hunter2\"`                   | `\"password\" => \"[PASSWORD_KV]\"`",
        "`{:api_key=>'k3yValue77'}`                        | `{:api_key=>'[PASSWORD_KV]'}`",
        "encryption-key: Zx8Qm2Lp9Rt4Vw7Yb3Nc              | encryption-key: [PASSWORD_KV]",
        "`\"signingKey\":\"Zx8Qm2Lp9Rt4Vw7Yb3Nc\"`         | `\"signingKey\":\"[PASSWORD_KV]\"`",
        "rails master_key=Zx8Qm2Lp9Rt4Vw7Yb3Nc             | rails master_key=[PASSWORD_KV]",
        "hmacKey=Zx8Qm2Lp9Rt4Vw7Yb3Nc                      | hmacKey=[PASSWORD_KV]",
    })
    void masksTheValueAfterAHashRocketAndOfKeysNamedForAKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** JSON serialized into a JSON string, as a request body logged inside a JSON log line is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"msg\":\"body {\\\"user\\\":\\\"bob\\\",\\\"password\\\":\\\"hunter2\\\"}\"}` "
            + "| `{\"msg\":\"body {\\\"user\\\":\\\"bob\\\",\\\"password\\\":\\\"[PASSWORD_KV]\\\"}\"}`",
        "`{\\\"token\\\": \\\"abc\\\"}` | `{\\\"token\\\": \\\"[PASSWORD_KV]\\\"}`",
        // The inner string's own escaped quote is part of the password; an escaped backslash before the close is too.
        "`{\\\"password\\\":\\\"a\\\\\\\"b\\\",\\\"n\\\":1}` | `{\\\"password\\\":\\\"[PASSWORD_KV]\\\",\\\"n\\\":1}`",
        "`{\\\"password\\\":\\\"a\\\\\\\\\\\",\\\"n\\\":1}` | `{\\\"password\\\":\\\"[PASSWORD_KV]\\\",\\\"n\\\":1}`",
    })
    void masksAValueWhoseQuotesAreEscaped(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Not a heading's next key, nor a pointer: a password may end with ':', and a key may be long hex. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "password=hunter2: ok          | password=[PASSWORD_KV] ok",
        "password: hunter2:x           | password: [PASSWORD_KV]",
        "token=0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 "
            + "| token=[PASSWORD_KV]",
        "secret=0xZZ12                 | secret=[PASSWORD_KV]",
    })
    void masksValuesThatOnlyLookLikeAKeyOrAPointer(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void leavesAnEmptyEscapedValueAlone() {
        String text = "{\\\"password\\\":\\\"\\\"}";
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key=value", "monkey=3", "turkey: 5", "primary_key=id", "foreign_key=user_id", "hotkey=F5",
        "cache_key=orders:42", "state=>HttpChannelState@26d", "x => y", "access_key_id=17", "accessKeyId: 17",
        "MINIO_ACCESS_KEY=minio", // an access key is the id that goes with a secret key, no secret itself
        "image digest sha256:757107ea0eb2509f", "sha256: 757107ea0eb2509f", "ipv6: ::1", "int16=7"})
    void leavesOtherKeysAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CookieSpec selected: default", "cookies=3", "cookie hash    : iwVmVzmVOlBuEX1UgVqDGw==",
        "\"Cookie\":[\"REDACTED\"]", "Cookie: null", "cs(Cookie) cs(Referrer)"})
    void leavesCookieWordsWithoutACookieAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongosh -p", "ldapsearch -W -b dc=x", "openssl pkcs12 -passin env:P12_PASS", "az vm list -p x",
        "openssl x509 -k", "tar -k x",
        "mysql -u root -p shop", "mysql -P 3306 -h db", "mysql -uroot -p", "docker run -p 8080:80 nginx",
        "mkdir -p /var/lib/app", "ssh -p 2222 deploy@host", "scp -P 2222 file host:", "curl -u deploy https://x",
        "python -u app.py", "redis-cli -a", "zip -r out.zip dir", "ps -p 12 && mysql -u root -p shop",
        "mysql started; ps -p1234", "sshpass -p -e ssh host", "docker login -p", "curl -X -u",
        "mysql backup done\\nmkdir -p2 /x", "7z x -p archive.7z -o out"})
    void leavesShortFlagsOfOtherCommandsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=null", "password: NULL", "secret=true", "token=false", "auth=Basic",
        "authentication method: trust", "auth=scram-sha-256", "credentials=UsernamePasswordAuthenticationToken@1a2b3c",
        "token=org.springframework.security.oauth2.jwt.Jwt", "token=com.acme.Token@7f31245a", "password: {",
        "secret=org.acme.http.AbstractHttp2ClientConnectionManager", "token=io.netty.handler.codec.http2.Http2FrameCodec",
        "secret=Name{value=x}", "credentials=Credentials[user=bob]", "password=${DB_PASSWORD}", "password=****",
        "password=<hidden>", "<password></password>", "<password><value>", "</password>", "--password --user bob",
        "pass -- x", "INFO - started", "x -password", "a-password b", "PWD=/auto/home/build", "env.PWD: /tmp/project",
        "Tokens$NamedToken::name (5 bytes)", "ParameterStatus(session_authorization = postgres)",
        "x.Token: Token kind: HDFS_DELEGATION_TOKEN, Service: 10.1.1.1:8020", "Token: kind: HDFS", "token=0x1234",
        "Checking account status, token=0x7f961cf08cf0 ", "D/Push: registerToken: success", "api_key=revoked",
        "org.apache.hadoop.security.token.Token: Added HDFS_BLOCK_TOKEN:class org.apache.hadoop.hdfs.security.token.block"
            + ".BlockTokenIdentifier into tokenKindMap",
        "--- PASS: TestLogin (0.00s)", "    --- PASS: TestLogin/valid_password (0.01s)",
        "\t--- PASS: TestRefresh (0.00s)", "ok  github.com/acme/auth 0.012s\\n--- PASS: TestRefresh (0.00s)",
        "2026-12-05T10:00:00.1234567Z --- PASS: TestLogin (0.00s)", "api-1  | --- PASS: TestLogin/valid (12.5s)",
        "{\"Action\":\"output\",\"Output\":\"--- PASS: TestLogin (0.00s)\\n\"}", "PASS auth.TestLogin (0.00s)",
        "authorization: Signature verification failed for keyId rsa-key-1",
        "SASL authorization: SCRAM-SHA-512 mechanism negotiated",
        "Authorization: Hawk credentials lookup failed for id dh37fgj492je", "authorization: OAuth app \"ci-bot\" approved",
        // c3p0 0.9.5's pool, named by its identity token in the settings it logs at INFO and in its MBean's name.
        "Initializing c3p0 pool... com.mchange.v2.c3p0.ComboPooledDataSource [ acquireIncrement -> 3, dataSourceName"
            + " -> z8kfltbmmjfxlaurllst|1165b38, identityToken -> z8kfltbmmjfxlaurllst|1165b38, jdbcUrl -> jdbc:h2:mem:x ]",
        "MBean: com.mchange.v2.c3p0:type=PooledDataSource,identityToken=1hge1hw9a1e4hxwj1qasrw|6c3708b3,name=x registered.",
        // Spark 3.5's own mask of the settings it redacts, in its logs and event logs.
        "spark.ssl.keyStorePassword=*********(redacted)", "spark.ssl.keyStorePassword=****",
        "{\"spark.authenticate.secret\":\"*********(redacted)\"}",
        "spark.hadoop.fs.s3a.secret.key -> *********(redacted)",
        // CUPS 2.4's cupsd at debug2: the authorization's outcome, a constant's name.
        "d [07/Dec/2026:16:00:42 +0000] cupsdIsAuthorized: auth=CUPSD_AUTH_ALLOW...", "auth=AUTH_NONE ok",
        // Hadoop's file system cache, closing: its key is the user (and how it authenticated) and the scheme.
        "FileSystem.close() by method: x; Key: (root (auth:SIMPLE))@file://; URI: file:///; Object Identity Hash: 35956e03"})
    void leavesAFrameworksOwnWordsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void masksAHeaderACamelRouteSetsToAConstant() {
        // Camel 4's route toString at start-up and DEBUG, its property placeholders already resolved.
        String route = "Routes: [Route(orders)[From[timer:orders] -> [SetHeader[X-Api-Key, constant{ak_live_WR0NGk3y0000}],"
                + " SetHeader[Cookie, constant{SESSIONID=s3ss-4b1d-77f0; theme=dark}], SetHeader[CamelHttpMethod,"
                + " constant{POST}], SetHeader[Authorization, constant{Bearer {{app.jwt}}}], SetHeader[X-Api-Key,"
                + " constant{{{app.api-key}}}], SetHeader[token, constant{null}]]]]";
        assertEquals("Routes: [Route(orders)[From[timer:orders] -> [SetHeader[X-Api-Key, constant{[PASSWORD_KV]}],"
                + " SetHeader[Cookie, constant{[PASSWORD_KV]}], SetHeader[CamelHttpMethod,"
                + " constant{POST}], SetHeader[Authorization, constant{Bearer {{app.jwt}}}], SetHeader[X-Api-Key,"
                + " constant{{{app.api-key}}}], SetHeader[token, constant{null}]]]]", masker.mask(route),
                "a secret header's constant; not another header's, an unresolved placeholder or a framework word");
        String simple = "SetHeader[X-Api-Key, simple{${header.key}}]";
        assertEquals(simple, masker.mask(simple), "an expression, not a constant");
    }

    @Test
    void neverReadsAQuotedValueOverALineBreak() {
        // FreeRADIUS -X prints its modules' settings: the quote after "Password:" closes the format, opening nothing.
        String settings = "  passwd etc_passwd {\n  \tformat = \"*User-Name:Crypt-Password:\"\n  \tdelimiter = \":\"\n  }";
        // mask() writes a message's breaks as escapes (Masker's log-injection rule): the value ends at them too.
        assertEquals(settings.replace("\n", "\\n"), masker.mask(settings));
        assertEquals("password=\"[PASSWORD_KV]\\ndef\" x", masker.mask("password=\"abc\ndef\" x"),
                "unclosed: to the line's end");
        assertEquals("password='[PASSWORD_KV]\\r\\ndef' x", masker.mask("password='abc\r\ndef' x"));
    }

    @Test
    void masksATokenWithABarThatIsNoPoolsIdentity() {
        // The hash after the bar is no hex number, or the id before it has a capital: a token of its own.
        assertEquals("identityToken=[PASSWORD_KV]", masker.mask("identityToken=z8kfltbmmjfxlaurllst|1165b38x"));
        assertEquals("token=[PASSWORD_KV] ok", masker.mask("token=z8kfltbmmjfXlaurllst|1165b38 ok"));
    }

    /** Kubernetes names a secret by its kind after a ':', then goes on: a message, not a value. */
    @ParameterizedTest
    @ValueSource(strings = {
        "E1205 06:30:02.000000 1234 secret.go:194] Couldn't get secret default/db-credentials: secret \"db-credentials\""
            + " not found",
        "W1205 reflector.go:424] failed to list *v1.Secret: secrets \"db-credentials\" is forbidden: User"
            + " \"system:node:n1\"",
        "api_key: secrets are rotated daily",
    })
    void leavesAKindOfSecretNamedInASentenceAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /**
     * A name from code before a ':' labels the message: the logger's class after its packages
     * (Hadoop's {@code org.apache.hadoop.security.token.Token}, Logback's abbreviated one), or the
     * calling method's, when the next field's name and value follow it (Android's idiom).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "2015-10-18 18:01:50,353 INFO [main] org.apache.hadoop.security.token.Token: Cannot find class for token kind"
            + " kms-dt",
        "2015-10-18 18:01:50,353 INFO [main] org.apache.hadoop.security.token.Token: Loaded token for appattempt",
        "2026-12-07T10:00:00.000Z  INFO 4242 --- [main] c.e.a.Password                           : Loaded encoders",
        "03-17 16:14:06.000  1702  1820 I AccountManagerService: getAuthToken: AccountType:com.example"
            + " authTokenType:oauth2 callingUid 10118",
        "03-17 16:14:06.000  1702  1820 D Auth: getToken: scope=oauth2:https://www.googleapis.com/auth/plus.login",
        "03-17 16:14:06.000  1702  1820 D LockSettingsService: checkPassword: userId 0 result 1",
        "03-17 16:13:38.811  1702  2395 V SyncManager: Account: Account {name=a, type=com.google}"
            + " auth: com.android.contacts",
        "Reconciling Certificate, secret: default/tls-cert-2", "token: kube-system/bootstrap-token-abcdef",
        // Samba 4.17 at log level 10: a C function's name heads the message on the line under its header.
        "  check_ntlm_password:  Checking password for unmapped user [D]\\[bob]@[WKS] with the new password interface",
        "  auth_sam_ignoredomain_auth: Check auth for: [OUTSIDE7]\\[amartin]",
        "  ntlmssp_server_auth: Using unmodified nt session key.",
        "  find_delete_on_close_token: name_hash = 0x77de2bef",
        "                    pending_auth: struct smbXsrv_session_auth0",
        "Last bad password   : 0", "Bad password count  : 3",
        // wpa_supplicant's eapol_test: PEAP's inner method.
        "EAP-PEAP: Phase 2 auth=MSCHAPV2",
        // Dante 1.4's SOCKS method at the end of a sentence.
        "matched by client-rule #1, auth: username.  Packet: VER: 5 CMD: 1",
        // Hadoop 3.4's UserGroupInformation at DEBUG: the method a user authenticated with, then the next group.
        "PrivilegedAction [as: root (auth:SIMPLE)][action: org.apache.hadoop.mapred.YarnChild$2@525d79f0]",
        // Slurm 22.05's select plugin at debug, for every job: the round of a test, no password.
        "slurmctld: debug2: SELECT_TYPE: test 0 pass: test_only",
        // BIND 9.18's name of the TSIG key that signed; OpenVPN's dump of an option it has no value for.
        "security: debug 3: client @0x7f2ece6d1098 127.0.0.1#52168: request has valid signature: update-key",
        "  management_user_pass = '[UNDEF]'",
        // A linelog format's empty password between its labels.
        "(6) linelog:    --> Rejected user: bob pass:  cli  nas 127.0.0.1",
        // FreeRADIUS's placeholders where no password was sent.
        "(2) Login OK: [alice/<CHAP-Password>] (from client localhost port 11)",
        "Login incorrect: [bob/<no User-Password attribute>] (from client localhost port 0)",
        "(5) Login incorrect (mschap: MS-CHAP2-Response is incorrect): [bob/<via Auth-Type = mschap>] (from client x)",
        // Squid 5.7's store at debug level 3: a method's name, then its two-digit argument.
        "2026/12/07 16:05:01.123 kid1| 20,3| store.cc(580) setPrivateKey: 01 e:=V/0x55eb7905d3b0*1",
    })
    void leavesANameFromCodeBeforeItsMessageAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  mysql_root_password: hunter2x' | '  mysql_root_password: [PASSWORD_KV]'",
        "'check_ntlm_password: Xk9mP2qL for bob' | 'check_ntlm_password: [PASSWORD_KV] for bob'",
        "'password: struct' | 'password: [PASSWORD_KV]'",
        "'password=**(redacted)' | 'password=[PASSWORD_KV]'",
        "'auth=CUPSD_AUTH_ALLOW_x' | 'auth=[PASSWORD_KV]'", "'auth=KZXW6YTBOI2DEMRS' | 'auth=[PASSWORD_KV]'",
        "'setPassword: 0421' | 'setPassword: [PASSWORD_KV]'",
        "'privateKey: 01' | 'privateKey: [PASSWORD_KV]'",
        "'password: 42' | 'password: [PASSWORD_KV]'",
        "'pass: test_only' | 'pass: [PASSWORD_KV]'",
        "'Rejected user: bob pass: hunter cli  nas 127.0.0.1' | 'Rejected user: bob pass: [PASSWORD_KV] cli  nas 127.0.0.1'",
        "'password:  hunter2  ok' | 'password:  [PASSWORD_KV]  ok'",
        // FreeRADIUS 3.2 with auth_goodpass and auth_badpass: the pair in brackets, the password after the first '/'.
        "'(0) Login OK: [alice/Al1ce-Secr3t!] (from client localhost port 10)' | "
            + "'(0) Login OK: [alice/[PASSWORD_KV]] (from client localhost port 10)'",
        "'Auth: (1) Login incorrect (pap: Cleartext password does not match \"known good\" password): [bob/p/w] (from client"
            + " x port 1)' | 'Auth: (1) Login incorrect (pap: Cleartext password does not match \"known good\" password):"
            + " [bob/[PASSWORD_KV]] (from client x port 1)'",
        // OpenVPN 2.6 at verb 9 prints the control channel's keys as hex words: the whole key.
        "'Outgoing Control Channel Encryption: CIPHER KEY: 70b54039 bef87005 30a7ac89 93684fe5 3b97f6ae d37ac7f5' | "
            + "'Outgoing Control Channel Encryption: CIPHER KEY: [PASSWORD_KV]'",
        "'HMAC KEY: 2ac8d0a2 1fff60c0 a2ce56df 254d155e, next' | 'HMAC KEY: [PASSWORD_KV], next'",
        "'signature: 5ccc069c403ebaf9' | 'signature: [PASSWORD_KV]'",
        // FreeRADIUS 3.2 -X prints the session keys of its Access-Accept.
        "'(144)   MS-MPPE-Send-Key = 0xd29422e04e59529a5b091c4083007746' | '(144)   MS-MPPE-Send-Key = [PASSWORD_KV]'",
        "'\tEAP-MSK = 0xd018a0003ee91b6aa4b15e4d5a557abd' | '\tEAP-MSK = [PASSWORD_KV]'",
    })
    void masksAValueWhereNoCodeHeadsTheMessage(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @Test
    void leavesACFunctionsNameAloneOnTheLineUnderItsHeader() {
        String record = "[2026/12/07 13:00:22.818175,  3] ../../source3/auth/auth.c:201(auth_check_ntlm_password)\n"
                + "  check_ntlm_password:  mapped user is: [OUTSIDE7]\\[amartin]@[WKS-ALICE01]";
        assertEquals(record.replace("\n", "\\n"), masker.mask(record));
    }

    /** Hadoop's configuration XML, as a job's history keeps it, and a web.xml's context parameter. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<property><name>fs.s3a.secret.key</name><value>hM9r/Xk2PqL7vN3sT8wY1zB4</value><final>false</final></property>"
            + " | <property><name>fs.s3a.secret.key</name><value>[PASSWORD_KV]</value><final>false</final></property>",
        "<property><name>ssl.client.truststore.password</name> <value>Trust-Me-99</value></property>"
            + " | <property><name>ssl.client.truststore.password</name> <value>[PASSWORD_KV]</value></property>",
        "<param-name>db.password</param-name><param-value>Trust-Me-99</param-value>"
            + " | <param-name>db.password</param-name><param-value>[PASSWORD_KV]</param-value>",
    })
    void masksTheValueElementAfterANameElementThatNamesASecret(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<property><name>dfs.replication</name><value>3</value></property>",
        "<name>password.length</name><value>12</value>", "<name>db.user</name><value>bob</value>",
        "<property><name>hadoop.security.credential.provider.path</name><value>jceks://file/tmp/x.jceks</value>",
        "<name>db.password</name><description>x</description><value>y</value>"})
    void leavesTheValueElementOfAnotherNameAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Swift's access log writes a request's headers URL-encoded, one field: each value ends at its %0A. */
    @Test
    void endsAValueAtAUrlEncodedLineBreak() {
        String headers = "Host:%20127.0.0.1:16080%0AX-Auth-Key:%20testing%0AX-Auth-New-Token:%20true%0AAccept:%20 -";
        assertEquals(headers.replace("testing", "[PASSWORD_KV]"), masker.mask(headers));
    }

    /** Privoxy and Dante dump what they forward with CR and LF as C's hex escapes. */
    @Test
    void endsAValueAtAHexEscapedLineBreak() {
        assertEquals("Cookie: SESSIONID=[PASSWORD_KV]\\x0d\\x0aAuthorization: Bearer [PASSWORD_KV]\\x0D\\x0AHost: x",
                masker.mask("Cookie: SESSIONID=sess_7f3a9c2e81b44d0f9e6a\\x0d\\x0aAuthorization: Bearer abc.def12345"
                        + "\\x0D\\x0AHost: x"));
    }

    /** Such a name stands only where the code's shape says so: a setting, a key alone, a method's value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spring.datasource.password: hunter22 | spring.datasource.password: [PASSWORD_KV]",
        "Settings.Token: tok3nValue9 | Settings.Token: [PASSWORD_KV]",
        "app.Token: tok3nValue9 | app.Token: [PASSWORD_KV]",
        "setPassword: hunter22 | setPassword: [PASSWORD_KV]",
        "getToken: tok3nValue9 for bob | getToken: [PASSWORD_KV] for bob",
        "checkPassword: password=hunter22 | checkPassword: password=[PASSWORD_KV]",
        "auth: s3cret.pass.word9 | auth: [PASSWORD_KV]",
        "auth: Abc.def.ghi | auth: [PASSWORD_KV]",
        "secret: aB3/xY9+kLmN0pQrStUv | secret: [PASSWORD_KV]", "password: default/db-credentials | password: [PASSWORD_KV]",
    })
    void masksAValueAfterANameThatLabelsNothing(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /**
     * After the ':' of a key whose value a machine makes, a lower-case word that a sentence goes
     * on after is a heading's text: the agent's own reload line says {@code auth: mode enforce -> off}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "changed: auth: mode enforce -> off, rules 3 -> 4 | changed: auth: mode enforce -> off, rules 3 -> 4",
        "secret: mode on                                  | secret: mode on",
        "token: pending for client ci-bot                 | token: pending for client ci-bot",
        "auth: hunter2 for bob                            | auth: [PASSWORD_KV] for bob",
        "auth: bearer abc123def456                        | auth: bearer [PASSWORD_KV]",
        "auth: token Xk9mP2qLw8zT                         | auth: token [PASSWORD_KV]",
        "auth: token expired                              | auth: token expired",
        "auth: mode                                       | auth: [PASSWORD_KV]",
        "auth:mode enforce                                | auth:[PASSWORD_KV] enforce",
        "token: abcdefgh user=bob                         | token: [PASSWORD_KV] user=bob",
        "password: letmein for bob                        | password: [PASSWORD_KV] for bob",
        "pwd: letmein for bob                             | pwd: [PASSWORD_KV] for bob",
    })
    void readsAWordASentenceGoesOnAfterAsAHeadingAfterAMachinesKey(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password: secret          | password: [PASSWORD_KV]",
        "password: secret user=bob | password: [PASSWORD_KV] user=bob",
        "password=secret and more  | password=[PASSWORD_KV] and more",
        "credentials: secret       | credentials: [PASSWORD_KV]",
        "Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b | Authorization: Token [PASSWORD_KV]",
        "credentials: Token abc123 | credentials: Token [PASSWORD_KV]",
        "PASS: hunter2             | PASS: [PASSWORD_KV]",
        "x --- PASS: hunter2       | x --- PASS: [PASSWORD_KV]",
        "PASS: t/auth_basic.sh     | PASS: [PASSWORD_KV]",
        "PASS: hunter2 (0.00)      | PASS: [PASSWORD_KV] (0.00)",
        "Authorization: Bearer secret | Authorization: Bearer [PASSWORD_KV]",
        "Authorization: Basic abcdefgh user=bob | Authorization: Basic [PASSWORD_KV] user=bob",
        "Authorization: Bearer abc123 expired | Authorization: Bearer [PASSWORD_KV] expired",
    })
    void masksTheWordAsAValueWhereNoSentenceGoesOn(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "User(name=bob, password=abc)     | User(name=bob, password=[PASSWORD_KV])",
        "{password=abc}                   | {password=[PASSWORD_KV]}",
        "[token=abc]]                     | [token=[PASSWORD_KV]]]",
        "password=ab)c                    | password=[PASSWORD_KV]",
        "password=f(x)                    | password=[PASSWORD_KV]",
        "User(password=a(b)c) next        | User(password=[PASSWORD_KV]) next",
    })
    void neverEatsTheBracketThatClosesTheValue(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{username=[bob], password=[Kv9mQ2xL7p]}           | {username=[bob], password=[[PASSWORD_KV]]}",
        "{Accept=[*/*], Authorization=[Basic YWRtaW46eA==]} | {Accept=[*/*], Authorization=[Basic [PASSWORD_KV]]}",
        "map[Authorization:[Basic Ym9iOmg=] Accept:[a/b]]  | map[Authorization:[Basic [PASSWORD_KV]] Accept:[a/b]]",
        "{\"Authorization\":[\"Basic Ym9iOmg=\"]}          | {\"Authorization\":[\"Basic [PASSWORD_KV]\"]}",
        "\"password\": [\"Kv9mQ2xL7p\"]                    | \"password\": [\"[PASSWORD_KV]\"]",
        "{Cookie=[JSESSIONID=4F2A9C1D]}                    | {Cookie=[JSESSIONID=[PASSWORD_KV]]}",
    })
    void masksTheItemsOfAListGivenAsTheValue(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{password=[Ljava.lang.String;@6d06d69c}", "password=[]", "Credentials=[PROTECTED]",
        "password= [main] INFO started", "\"secret\": [NOT_A_LIST", "[SLACK_TOKEN] -> retry=3",
        "password= [http-nio-8080-exec-1] INFO started", "password: [main]", "password [not set]",
        "password [REDACTED]", "password: [${DB_PASSWORD}]", "password [****]", "password = [swordfish]"})
    void leavesListsThatHoldNoValueAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "spring.datasource.password=Admin@123     | spring.datasource.password=[PASSWORD_KV]",
        "{\"password\":\"Welcome@2024\"}          | {\"password\":\"[PASSWORD_KV]\"}",
        "password_confirmation=Conf1rm&terms=1    | password_confirmation=[PASSWORD_KV]&terms=1",
        "passwordConfirm: Conf1rm                 | passwordConfirm: [PASSWORD_KV]",
        "new_password_repeat=x1y2                 | new_password_repeat=[PASSWORD_KV]",
        "passwordNew=x1y2                         | passwordNew=[PASSWORD_KV]",
        "user[password]=BrkPw9x2&user[name]=bob   | user[password]=[PASSWORD_KV]&user[name]=bob",
        "Array ( [username] => bob [password] => PhpPw9x2 ) | Array ( [username] => bob [password] => [PASSWORD_KV] )",
        "password[0]=x1y2                         | password[0]=[PASSWORD_KV]",
        "private-key=Kv9x1                        | private-key=[PASSWORD_KV]",
        "fs.s3a.secret.key=G9PyHdByMZu0v4iu       | fs.s3a.secret.key=[PASSWORD_KV]",
        "api.key=abc123                           | api.key=[PASSWORD_KV]",
        "Ocp-Apim-Subscription-Key: 9f8e7d6c      | Ocp-Apim-Subscription-Key: [PASSWORD_KV]",
        "SECRET_KEY_BASE=5fde9c1a                 | SECRET_KEY_BASE=[PASSWORD_KV]",
        "license-key=abc123                       | license-key=[PASSWORD_KV]",
        "sb://o.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=Eui5nQ+5=;"
            + " | sb://o.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=[PASSWORD_KV];",
        "API key: Kv9mQ2xL7p                      | API key: [PASSWORD_KV]",
        "Secret key: Kv9mQ2xL7p                   | Secret key: [PASSWORD_KV]",
        "GET /cart;jsessionid=4F2A9C1D HTTP/1.1   | GET /cart;jsessionid=[PASSWORD_KV] HTTP/1.1",
        // Session cookies by name outside a Cookie header: Apache mod_rewrite's trace of a condition on one.
        "RewriteCond: input='PHPSESSID=xyor9n5pgqax8xq' pattern='PHPSESSID=([a-z0-9]+)' => matched"
            + " | RewriteCond: input='PHPSESSID=[PASSWORD_KV]' pattern='PHPSESSID=([a-z0-9]+)' => matched",
        "ASP.NET_SessionId=abcdefghijklmnopqrstuvwx; x  | ASP.NET_SessionId=[PASSWORD_KV]; x",
        // Tomcat: an access log's %S as sess=, a prefixed remember-me token in its cookie parser's debug, FORM login's
        // change of session id, and its request dumper's Digest header after authorization=.
        "GET /basicapp/ HTTP/1.1\" 200 189 2303652 q=[-] sess=AE9D198DA7F88D2D0F26FEB0A15AF655 auth=\"-\""
            + " | GET /basicapp/ HTTP/1.1\" 200 189 2303652 q=[-] sess=[PASSWORD_KV] auth=\"-\"",
        "Cookies: Parsing b[]: remember_me=rm_5d41402abc4b2a76b9719d911017c592; theme=dark"
            + " | Cookies: Parsing b[]: remember_me=[PASSWORD_KV]; theme=dark",
        "Session ID changed before forwarding to login page during FORM authentication from"
            + " [6DB651AF8064CDCD7DC1DFFA875326A3] to [9C5B6A1632BCAA1FAC72CB277E0F4B96]"
            + " | Session ID changed before forwarding to login page during FORM authentication from [[PASSWORD_KV]]",
        "exec-1     header=authorization=Digest username=\"carol\", nc=00000001, response=\"63dbfc61\", algorithm=MD5"
            + " | exec-1     header=authorization=Digest [PASSWORD_KV]",
        // Dovecot with auth_debug_passwords: a failed check's given and stored passwords, a client's base64 response
        // before the note Dovecot writes after it.
        "auth: Debug: passwd-file(bob,127.0.0.1): PLAIN(Summer2026!) != 'carolPlain#77'"
            + " | auth: Debug: passwd-file(bob,127.0.0.1): PLAIN([PASSWORD_KV]'",
        "passwd-file(bob,127.0.0.1): SHA512-CRYPT(Tr0ub4dor&3) != '$6$svi/IiNl.lV2l3YK$cGWraPpRTW7X0vlYy'"
            + " | passwd-file(bob,127.0.0.1): SHA512-CRYPT([PASSWORD_KV]'",
        "client in: AUTH\t1\tPLAIN\tresp=AGJvYgBodW50ZXIy (previous base64 data may contain sensitive data)"
            + " | client in: AUTH\t1\tPLAIN\tresp=[PASSWORD_KV] (previous base64 data may contain sensitive data)",
        // Through rsyslog, which writes a tab as #011: the escape stays.
        "Dec  7 15:56:41 vm dovecot: auth: Debug: client in: CONT#0111#011Y2Fyb2xQbGFpbiM3Nw== (previous base64 data may"
            + " contain sensitive data) | Dec  7 15:56:41 vm dovecot: auth: Debug: client in: CONT#0111#011[PASSWORD_KV] "
            + "(previous base64 data may contain sensitive data)",
        "client in: CONT\t2\tY2Fyb2xQbGFpbiM3Nw== (previous base64 data may contain sensitive data)"
            + " | client in: CONT\t2\t[PASSWORD_KV] (previous base64 data may contain sensitive data)",
        // Django's SQL log: a session's key by its column, and a value found once masked again where it repeats
        // (the args the statement was run with).
        "WHERE (\"django_session\".\"session_key\" = 'yu0o5cfc5ffgucuf4nkyu6qmpv3k5gvu') LIMIT 21;"
            + " args=('yu0o5cfc5ffgucuf4nkyu6qmpv3k5gvu',); alias=default"
            + " | WHERE (\"django_session\".\"session_key\" = '[PASSWORD_KV]') LIMIT 21; args=('[PASSWORD_KV]',); alias=default",
        "UPDATE \"auth_user\" SET \"password\" = 'pbkdf2_sha256$260000$wQMSuibQG2MP74$bOY0xhM74c=' WHERE id = 3;"
            + " args=('pbkdf2_sha256$260000$wQMSuibQG2MP74$bOY0xhM74c=', 3)"
            + " | UPDATE \"auth_user\" SET \"password\" = '[PASSWORD_KV]' WHERE id = 3; args=('[PASSWORD_KV]', 3)",
        // OpenLDAP's password history (old passwords' hashes); Express's signed session cookie in a query, escaped.
        "pwdHistory: 20261207110033Z#1.3.6.1.4.1.1466.115.121.1.40#38#{SSHA}R/0NIwa2RSmQ | pwdHistory: [PASSWORD_KV]",
        "GET /x?session=s%3AabcDEF123ghiJKL456mno.Zx9yW8vU7tS6rQ5pO4nM HTTP/1.1 | GET /x?session=[PASSWORD_KV] HTTP/1.1",
        "EMAIL_HOST_PASSWORD =3D 'hunter2xyz' | EMAIL_HOST_PASSWORD =3D '[PASSWORD_KV]'",
        "DB_PWD='/x1y2' | DB_PWD='[PASSWORD_KV]'",
        // A name ending in a password's word, its value a space after it, as after the word alone.
        "etcdctl put /config/smtp/auth_password smtp-Relay-S3cret | etcdctl put /config/smtp/auth_password [PASSWORD_KV]",
        // etcdctl's --user, as curl's; a query's value before Go's ": " and its error, or before an escaped quote.
        "etcdctl --endpoints=http://127.0.0.1:12379 --user 'root:Etcd-R00t-Pa55!' put /a b"
            + " | etcdctl --endpoints=http://127.0.0.1:12379 --user 'root:[PASSWORD_KV]' put /a b",
        "500: http://127.0.0.1:19201/fail?api_key=ak_live_51Hx9QmPzR2: internal error"
            + " | 500: http://127.0.0.1:19201/fail?api_key=[PASSWORD_KV]: internal error",
        "err=\"Post \\\"http://h:1/hooks?token=wh-url-token-4d2f9a\\\": dial tcp\""
            + " | err=\"Post \\\"http://h:1/hooks?token=[PASSWORD_KV]\\\": dial tcp\"",
        // A base64url id may start with '-' (Keycloak's user sessions).
        "user-session not found in cache for sessionId=-rQOBd991didXHMGQUGvEPIl offline=false"
            + " | user-session not found in cache for sessionId=[PASSWORD_KV] offline=false",
        "connect.sid=s%3Aabc.def laravel_session=eyJpdiI6 | connect.sid=[PASSWORD_KV] laravel_session=[PASSWORD_KV]",
        "Passwort=geheim1 senha=segredo1          | Passwort=[PASSWORD_KV] senha=[PASSWORD_KV]",
        "пароль=секрет123 ПАРОЛЬ: Hunter2xyz      | пароль=[PASSWORD_KV] ПАРОЛЬ: [PASSWORD_KV]",
        "用户密码=Hunter2xyz 密碼: Hunter2xyz        | 用户密码=[PASSWORD_KV] 密碼: [PASSWORD_KV]",
        "パスワード=Hunter2xyz 비밀번호=Hunter2xyz   | パスワード=[PASSWORD_KV] 비밀번호=[PASSWORD_KV]",
        "Пользователь: admin, пароль: qwerty123   | Пользователь: admin, пароль: [PASSWORD_KV]",
        // A passphrase's and a wallet's seed phrase's words, as far as lower-case words go on.
        "mnemonic: abandon ability able about above absent absorb abstract absurd abuse access accident"
            + " | mnemonic: [PASSWORD_KV]",
        "wallet 0x52908400, seed_phrase=legal winner thank year wave sausage, ready"
            + " | wallet 0x52908400, seed_phrase=[PASSWORD_KV], ready",
        "Secret Recovery Phrase: abandon ability able about above absent | Secret Recovery Phrase: [PASSWORD_KV]",
        "passphrase=correct horse battery staple user=bob | passphrase=[PASSWORD_KV] user=bob",
        // An app password as Google shows it, four groups of four letters: all four, after a password's word only.
        "spring.mail.password=abcd efgh ijkl mnop       | spring.mail.password=[PASSWORD_KV]",
        "smtp password: qwer tyui opas dfgh, host=smtp.gmail.com | smtp password: [PASSWORD_KV], host=smtp.gmail.com",
        "password=abcd efgh ijkl user=bob               | password=[PASSWORD_KV] efgh ijkl user=bob",
        "token=abcd efgh ijkl mnop                      | token=[PASSWORD_KV] efgh ijkl mnop",
        "{\"walletMnemonic\":\"abandon ability able about\"} | {\"walletMnemonic\":\"[PASSWORD_KV]\"}",
        // CJK text's full-width colon and equals sign; its comma, full stop and space end the value.
        "登录成功，密码：Hunter2x，请妥善保管        | 登录成功，密码：[PASSWORD_KV]，请妥善保管",
        "用户密码＝Abc12345。 パスワード：Xk9mP2qL | 用户密码＝[PASSWORD_KV]。 パスワード：[PASSWORD_KV]",
        "密码： s3cret99　状态：正常 비밀번호：Pw1234ab | 密码： [PASSWORD_KV]　状态：正常 비밀번호：[PASSWORD_KV]",
        "password：hunter2x、api_key＝k9x2     | password：[PASSWORD_KV]、api_key＝[PASSWORD_KV]",
        "hasło=Tajne123 şifre=Gizli123 parola=x9  | hasło=[PASSWORD_KV] şifre=[PASSWORD_KV] parola=[PASSWORD_KV]",
        "lösenord=Hemligt1 salasana: Salainen1    | lösenord=[PASSWORD_KV] salasana: [PASSWORD_KV]",
        // LDAP: a scheme's id before the hash, after a space; LDIF's base64 value after "::".
        "userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g= | userPassword: [PASSWORD_KV]",
        "userPassword:: e1NTSEF9VzZwaDVNbTVQejhHZ2lVTGJQZ3pHMzdtajlnPQ== | userPassword:: [PASSWORD_KV]",
        "keytool -srcstorepass Src5 -deststorepass Dst5 | keytool -srcstorepass [PASSWORD_KV] -deststorepass [PASSWORD_KV]",
        "new_password1=Xk9mP2qL&new_password2=Xk9mP2qL | new_password1=[PASSWORD_KV]&new_password2=[PASSWORD_KV]",
        "password1=hunter2Z password_2: hunter2Z  | password1=[PASSWORD_KV] password_2: [PASSWORD_KV]",
        "db.passwd2=s3cr3tZ9                      | db.passwd2=[PASSWORD_KV]",
        "passcode=482913                          | passcode=[PASSWORD_KV]",
        "x-functions-key: aBcD1234eFgH5678iJkL    | x-functions-key: [PASSWORD_KV]",
        "PIN=4821 accepted                        | PIN=[PASSWORD_KV] accepted",
        "{\"atm_pin\": \"482193\"}                 | {\"atm_pin\": \"[PASSWORD_KV]\"}",
        "cardPin: 4821, retries: 2                | cardPin: [PASSWORD_KV], retries: 2",
        "requirepass=s3cr3tPass                   | requirepass=[PASSWORD_KV]",
        "redis-server --requirepass s3cr3tPass    | redis-server --requirepass [PASSWORD_KV]",
        "masterauth: s3cr3tPass                   | masterauth: [PASSWORD_KV]",
    })
    void masksTheValuesOfKeysAsFormsAndConfigsNameThem(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /**
     * LDIF folds a long value: a line break, one space, the base64 going on (RFC 2849); the next line
     * stays. The breaks come back escaped, as in an argument.
     */
    @Test
    void masksAnLdifValueWithItsFoldedLines() {
        assertEquals("userPassword:: [PASSWORD_KV]\\ncn: bob",
            masker.mask("userPassword:: e0NSWVBUfSQ2JFh5N3BRMnJU\n OZUNKUXAxcmVRSy9wLjlL\n MnJUJA==\ncn: bob"));
        assertEquals("userPassword:: [PASSWORD_KV]\\r\\n\\r\\ndn: uid=x",
            masker.mask("userPassword:: e0NSWVBUfSQ2JFh5\r\n OZUNKUXAx\r\n\r\ndn: uid=x"));
        assertEquals("userPassword:: [PASSWORD_KV]\\n cn: not folded",
            masker.mask("userPassword:: QjBiLUNsZTRyVGV4dCNwdw==\n cn: not folded"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password: {user=bob}", "password: {0}", "dn:: Y249Ym9i", "std:: string",
        "password_reset=true", "password_length=12", "passwordless=true", "tokenizer=std",
        "secret_name=db", "SharedAccessKeyName=RootManageSharedAccessKey", "user[name]=bob", "[name] => bob",
        "api.keys=3", "monkey.key=3", "token1=abcdefghijk123", "oauth2=enabled", "secret2=xyz", "password3=x1y2z3",
        "step 1: started", "worker-2: idle", "Erlang/OTP: 25.3",
        // A pin that is no PIN: a GPIO pin's number, a version pinned, too many digits, no digits.
        "gpio pin=17 set high", "pin: 4", "pin=1.2.3", "pin=1234567890123", "pin=4821abc", "pin=true", "spin=4821",
        "pinned=1234", "说明：这是一个普通的消息", "时间：2026-12-06 状态：正常", "用户：bob＝管理员"})
    void leavesKeysThatOnlyStartWithASecretWordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /**
     * Headers as the JDK's {@code MessageHeader} writes them, one pair in braces after another: a value
     * ends at its brace when the next pair opens right after it.
     */
    @Test
    void endsAValueAtTheBraceBeforeTheNextPair() {
        assertEquals("pairs: {Authorization: Bearer [PASSWORD_KV]}{X-Api-Key: [PASSWORD_KV]}{Accept: */*}",
            masker.mask("pairs: {Authorization: Bearer iH7nlRZlAqMqaYiH1eO4Z07DZKyaQVkJfKxz}"
                + "{X-Api-Key: jk_live_8c1e5f2a9b3d7e6f0a4c}{Accept: */*}"));
        assertEquals("token=[PASSWORD_KV] x", masker.mask("token=02ORHV8]}{MXXkhM x"));
    }

    /** Logback's status line for a variable it substituted: the value before the name that says what it is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- value \"Lb-Sm7p!Secret-2024\" substituted for \"${LB_SMTP_PASSWORD}\""
            + " | - value \"[PASSWORD_KV]\" substituted for \"${LB_SMTP_PASSWORD}\"",
        "- value \"info\" substituted for \"${LOG_LEVEL}\" | - value \"info\" substituted for \"${LOG_LEVEL}\"",
        // A variable's default after ":-" is the value, not "-" and the value.
        "password: ${DB_PASSWORD:-s3cretDefault} | password: ${DB_PASSWORD:-[PASSWORD_KV]}",
        // A char[] a builder holds, printed: its type and identity hash, no chars of it (Log4j2's status).
        "Builder(url=\"jdbc:h2:mem:x\", password=\"[C@7f0eb4b4\", userName=\"[C@5c33f1a9\")"
            + " | Builder(url=\"jdbc:h2:mem:x\", password=\"[C@7f0eb4b4\", userName=\"[C@5c33f1a9\")",
    })
    void readsWhatLoggingFrameworksSayOfTheirSettings(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A cookie cleared has no value; Spring's map of headers gives Set-Cookie's value as a list of one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "< Set-Cookie: remember-me=; Max-Age=0; Path=/ | < Set-Cookie: remember-me=; Max-Age=0; Path=/",
        "headers={Set-Cookie:[remember-me=; Max-Age=0; Path=/], X=[1]} | headers={Set-Cookie:[remember-me=; Max-Age=0; Path=/], X=[1]}",
        "headers={Set-Cookie:[JSESSIONID=2197ABCDEF0123; Path=/; HttpOnly]} | headers={Set-Cookie:[JSESSIONID=[PASSWORD_KV]; Path=/; HttpOnly]}",
    })
    void readsSetCookieAsTheCookieItSets(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** RFC 2965's cookie header, ";" alone between its pairs, as Jersey writes it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cookie: $Version=1;SID=cookieSid-Abc123Def456Ghi789     | Cookie: $Version=[PASSWORD_KV]",
        "Cookie: $Version=1; JSESSIONID=cookieSid-Abc1; $Path=/ | Cookie: $Version=[PASSWORD_KV]; $Path=/",
    })
    void masksTheCookiesOfAVersionedHeader(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "app.remember-me-key=rmk-004138f972639f82edeb62a2 | app.remember-me-key=[PASSWORD_KV]",
        "rememberMeKey: rmk-004138f972 | rememberMeKey: [PASSWORD_KV]",
        "username=bob&_csrf=4bfd1575-3ad1-4d21-96c7-4ef2d9f86721 | username=bob&_csrf=[PASSWORD_KV]",
        // The audit log's EXECVE record: each argument quoted under its own name.
        "a0=\"ldapadd\" a1=\"-w\" a2=\"LdapAdm1n!Root-pw\" a3=\"-f\""
            + " | a0=\"ldapadd\" a1=\"-w\" a2=\"[PASSWORD_KV]\" a3=\"-f\"",
    })
    void masksValuesOfKeysSpringAndDaemonsWrite(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Spring Boot Actuator's /env pretty-printed: the secret's name above, its value under it. */
    @Test
    void masksAValueUnderASecretsNameInPrettyJson() {
        String json = "{\n  \"spring.datasource.password\" : {\n    \"value\" : \"H2-db-Passw0rd!x\",\n"
            + "    \"origin\" : \"x\"\n  },\n  \"AWS_SECRET_ACCESS_KEY\" : {\n    \"value\" : \"wJalrXUtnFEMI\"\n  },\n"
            + "  \"PWD\" : {\n    \"value\" : \"/srv/app\"\n  }\n}";
        String masked = masker.mask(json);
        assertEquals(2, masked.split("\\[PASSWORD_KV]", -1).length - 1, masked);
        assertEquals(true, masked.contains("\"value\" : \"/srv/app\""), masked);
    }

    /** What daemons print where a value would stand: a formula or a call, a step's outcome, prose. */
    @ParameterizedTest
    @ValueSource(strings = {"13[IKE] <eap|1> AUTH = prf(prf(secret, keypad), octets) => 32 bytes",
        "password = getPassword()", "token = issue(user, scopes)", "00[LIB] plugin 'hmac': loaded successfully",
        "ERROR: check_stun_auth: Cannot find credentials of user <mallory>", "password: unable to decrypt",
        // An environment's working directory under its name, as Actuator's /env gives it; an EAP method's name;
        // nslcd's tag of a lookup in the passwd map; Spring Security's description of an authentication.
        "\"PWD\":{\"value\":\"/srv/app\"},\"OLDPWD\":{\"value\":\"/srv\"}", "1796669542.049914: EAP-pwd: ID/Request",
        "nslcd: [8b4567] <passwd=\"alice\"> DEBUG: myldap_search(base=\"dc=example,dc=org\")",
        "populated with remember-me token: 'RememberMeAuthenticationToken [Principal=bob, Credentials=[PROTECTED]]'",
        // A method's name and what it came to; a hex dump's column border after a key in its text column.
        "probe.Main - changePassword -> password changed for bob", "|00000020| 74 6f 6b 65 6e 20 3d 20 |token = |",
        // Micronaut's own mark of a header it hid.
        "Authorization: *MASKED*",
        // The agent's own start-up line; a JDK debug banner's rule of dashes; a method and what it came to.
        "started: service probe; egress=monitor; masking=enforce; auth=monitor; audit to stderr", "auth=off",
        "----Credentials end----", "rotateApiKey -> rotated, ok",
        // A query's named and numbered parameters, as JPQL, Hibernate and EclipseLink log it before binding.
        "select u from AppUser u where u.apiKey = :k", "WHERE access_token = :0 and password = ?1",
        // A Redis key's namespaces, as MONITOR shows a command's arguments.
        "1796678746.979031 [0 127.0.0.1:51114] \"TTL\" \"app:token:jane\""})
    void leavesCallsOutcomesAndProseAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"password=abc(def) | password=[PASSWORD_KV]",
        "password=hunter2(x y | password=[PASSWORD_KV] y",
        // A literal in the call is what the query checks: crypt('x', password_hash); the call stays as written.
        "password_hash = crypt('Correct-Horse-9', password_hash) | password_hash = crypt('[PASSWORD_KV]', password_hash)",
        "password=md5('Correct-Horse-9') AND name='bob' | password=md5('[PASSWORD_KV]') AND name='bob'",
        "SET password_hash = digest('Correct-Horse-9', 'sha256') | SET password_hash = digest('[PASSWORD_KV]', 'sha256')",
        "password = crypt(password, gen_salt('bf')) | password = crypt(password, gen_salt('bf'))"})
    void masksValuesThatOnlyLookLikeCalls(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** The literal an insert hashes in a secret column's place is the password: PostgreSQL's pgcrypto, MySQL's SHA2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "insert into users (name, password) values ('bob', crypt('hunter22', gen_salt('bf'))) "
            + "| insert into users (name, password) values ('bob', crypt('[PASSWORD_KV]', gen_salt('bf')))",
        "INSERT INTO users (name, password_hash) VALUES ('al', SHA2('hunter22', 256)), ('bo', SHA2('hunter33', 256)) "
            + "| INSERT INTO users (name, password_hash) VALUES ('al', SHA2('[PASSWORD_KV]', 256)), "
            + "('bo', SHA2('[PASSWORD_KV]', 256))"})
    void masksTheLiteralAnInsertHashes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /**
     * Bytes in hex a space apart, as the JDK's Kerberos debug writes a token, masked as one value; and
     * a Digest header's parameters ending at the '}' with which the JDK's MessageHeader closes each header.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sending token = a0 82 02 ef 30 82 02 eb a0 0d 30 0b | sending token = [PASSWORD_KV]",
        "{Authorization: Digest username=\"bob\", response=\"74f9\", qop=auth}{Proxy-authorization: Basic "
            + "cHJveHl1c2VyOmJtNlg2Zmg5SkFlSmZqVVg=} "
            + "| {Authorization: Digest [PASSWORD_KV]}{Proxy-authorization: Basic [PASSWORD_KV]}"})
    void masksHexBytesWholeAndEndsDigestParametersAtTheHeadersBrace(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /**
     * A cookie a response sets, with its attributes and no header's name (Shiro's SimpleCookie at DEBUG):
     * its value masked whatever its name; a cleared one, a visitor's choice and the attributes stay.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Added HttpServletResponse Cookie [SHIROSID=2bc52d07-4ac1-43d0-92b1; Path=/; HttpOnly; SameSite=lax] "
            + "| Added HttpServletResponse Cookie [SHIROSID=[PASSWORD_KV]; Path=/; HttpOnly; SameSite=lax]",
        "Cookie [rememberMe=+jHIV/13xWgiCLth/R6oPL6A==; Path=/; Max-Age=31536000; Expires=Tue, 07-Dec-2027 21:22:59 GMT] "
            + "| Cookie [rememberMe=[PASSWORD_KV]; Path=/; Max-Age=31536000; Expires=Tue, 07-Dec-2027 21:22:59 GMT]",
        "Cookie [rememberMe=deleteMe; Path=/; Max-Age=0; Expires=Sun, 06-Dec-2026 21:22:59 GMT] "
            + "| Cookie [rememberMe=deleteMe; Path=/; Max-Age=0; Expires=Sun, 06-Dec-2026 21:22:59 GMT]",
        "cookie theme=dark; Path=/; Max-Age=3600 | cookie theme=dark; Path=/; Max-Age=3600",
        "order=4711; shipped | order=4711; shipped"})
    void masksACookieSetWithItsAttributes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** pac4j's profile at DEBUG names each attribute and then gives its value, " / " between. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adding => key: refresh_token / value: F_FijWMpkOSiQ6DXNZ8l / class java.lang.String "
            + "| adding => key: refresh_token / value: [PASSWORD_KV] / class java.lang.String",
        "adding => key: email / value: bob / class java.lang.String | adding => key: email / value: bob / class java.lang.String"})
    void masksAValueItsKeyNamesAcrossASlash(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<wsse:Password Type=\"http://x#PasswordText\">WsseP4ss9</wsse:Password> "
            + "| <wsse:Password Type=\"http://x#PasswordText\">[PASSWORD_KV]</wsse:Password> ",
        "<password encrypted=\"false\">x1y2</password> | <password encrypted=\"false\">[PASSWORD_KV]</password>",
        "<password><![CDATA[Xp37mK4nB8q]]></password>  | <password><![CDATA[[PASSWORD_KV]]]></password>",
        // A message in an XML layout's CDATA section: the value ends at the section's end.
        "<Message><![CDATA[password=Xp37mK4nB8q]]></Message></Event> | "
            + "<Message><![CDATA[password=[PASSWORD_KV]]]></Message></Event>",
        "<log4j:message><![CDATA[login password=Xp37]]]></log4j:message> | "
            + "<log4j:message><![CDATA[login password=[PASSWORD_KV]]]></log4j:message>",
        "jdbc:oracle:thin:scott/T1gerPass@//db:1521/ORCL | jdbc:oracle:thin:scott/[PASSWORD_KV]@//db:1521/ORCL",
        "url=jdbc:oracle:thin:app/s3cr3t@db:1521:ORCL   | url=jdbc:oracle:thin:app/[PASSWORD_KV]@db:1521:ORCL",
        "sqlplus scott/tiger@ORCL                        | sqlplus scott/[PASSWORD_KV]@ORCL",
        "keytool -list -storepass:Chang3it -v            | keytool -list -storepass:[PASSWORD_KV] -v",
        "paytm.merchantKey=kbzk1DSbJiV_O3p5              | paytm.merchantKey=[PASSWORD_KV]",
        "payu.merchant.salt=4R38IvwiV57FwVpsgOv salt-index=1 | payu.merchant.salt=[PASSWORD_KV] salt-index=1",
        "ccavenue.working-key=9b1f3c5e7a9d2b4f6c8e0a1b3d5f | ccavenue.working-key=[PASSWORD_KV]",
        "  .dockerconfigjson: eyJhdXRocyI6eyJnaGNyLmlvIjp7fX19 | "
            + "  .dockerconfigjson: [PASSWORD_KV]",
        "The generated password for the elastic built-in superuser is : Xq7_k2mZp*R9w=LnT4vB | "
            + "The generated password for the elastic built-in superuser is : [PASSWORD_KV]",
        "temporary password is dGVzdDEyMw== for bob     | temporary password is [PASSWORD_KV] for bob",
        "Running: /u01/bin/sqlplus -s -L app/Pw9x!2@//db:1521/svc @r.sql"
            + " | Running: /u01/bin/sqlplus -s -L app/[PASSWORD_KV]@//db:1521/svc @r.sql",
        "SQLPLUS system/manager                         | SQLPLUS system/[PASSWORD_KV]",
        "sqlplus \"sys/Chang3me as sysdba\"             | sqlplus \"sys/[PASSWORD_KV] as sysdba\"",
        "Driver={ODBC 17};Server=db;Uid=sa;Pwd={p@ss;word!}; | Driver={ODBC 17};Server=db;Uid=sa;Pwd={[PASSWORD_KV]};",
        "spring.security.user.password={noop}hunter2  | spring.security.user.password=[PASSWORD_KV]",
        "password={bcrypt}$2a$10$N9qo8uLOickgx2ZMRZoMye | password=[PASSWORD_KV]",
        "Map(user -> bob, password -> Xp21mK4nB8q)    | Map(user -> bob, password -> [PASSWORD_KV])",
        // Apache Camel's DEBUG log of a placeholder it resolved; a URL's last segment before an arrow is no key.
        "Resolved text: {{db.password}} -> s3cr3t!x    | Resolved text: {{db.password}} -> [PASSWORD_KV]",
        "Resolved text: {{app.api.token}} -> ApiTok_9f8e7d6c5b4a | Resolved text: {{app.api.token}} -> [PASSWORD_KV]",
        "Resolved text: endpoint=http://127.0.0.1:{{http.port}}/token -> endpoint=http://127.0.0.1:22391/token"
            + " | Resolved text: endpoint=http://127.0.0.1:{{http.port}}/token -> endpoint=http://127.0.0.1:22391/token",
        "Resolved text: {{http.port}} -> 22391         | Resolved text: {{http.port}} -> 22391",
        // Apache MINA SSHD 2.20's client at DEBUG: an unsalted SHA-256 of each password it is given.
        "addPasswordIdentity(ClientSessionImpl[bob@/127.0.0.1:22345][:50616])"
            + " SHA256:xQGRrZKSromfm2Dmm4ECoKNpd1RfAza2JRAxQ9UUVnU"
            + " | addPasswordIdentity(ClientSessionImpl[bob@/127.0.0.1:22345][:50616]) SHA256:[PASSWORD_KV]",
        "name=publickey, key type=rsa-sha2-512, fingerprint=SHA256:CEy9Vx4ZEPU9xPsjW1Y6QXYB2YnKQx4FjH4rnT7grF4"
            + " | name=publickey, key type=rsa-sha2-512, fingerprint=SHA256:CEy9Vx4ZEPU9xPsjW1Y6QXYB2YnKQx4FjH4rnT7grF4",
        "addPublicKeyIdentity(ClientSessionImpl[bob@/127.0.0.1:22345]) SHA256:CEy9Vx4ZEPU9xPsjW1Y6QXYB2YnKQx4FjH4rnT7grF4"
            + " | addPublicKeyIdentity(ClientSessionImpl[bob@/127.0.0.1:22345])"
            + " SHA256:CEy9Vx4ZEPU9xPsjW1Y6QXYB2YnKQx4FjH4rnT7grF4",
        "Set-Cookie: SESSION=60:3b:08:c8:81:f4:c4:98; Path=/ | Set-Cookie: SESSION=[PASSWORD_KV]; Path=/",
        "salt=Xk9mP2qLw8zT                              | salt=[PASSWORD_KV]",
        "mysql --user=root --password=MyLong9x app    | mysql --user=root --password=[PASSWORD_KV] app",
        "http-outgoing-0 >> \"Authorization: Basic Ym9iOmg=[\\r][\\n]\"  "
            + "| http-outgoing-0 >> \"Authorization: Basic [PASSWORD_KV][\\r][\\n]\"  ",
        "curl -H \"Authorization: Bearer abc123xyz\" https://a | curl -H \"Authorization: Bearer [PASSWORD_KV]\" https://a",
        "-var=\"db_password=TfPass999\" -var=x         | -var=\"db_password=[PASSWORD_KV]\" -var=x",
        "Env: [\"DB_PASSWORD=Insp3ct\", \"JAVA=17\"]    | Env: [\"DB_PASSWORD=[PASSWORD_KV]\", \"JAVA=17\"]",
    })
    void masksPasswordsInTheFormsMoreToolsWrite(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"where u1_0.username=? and u1_0.password=?", "update users set password=?, updated_at=?",
        "Access denied for user 'root'@'172.18.0.5' (using password: YES)", "(using password: NO)",
        "Fetching arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
        "Calling http://auth:9000/oauth/token", "upstream auth:8080 is healthy", "Evicting cache key token:48213",
        "redis GET auth:session:48213", "Key password:reset:48213 expired",
        "<Resource name=\"jdbc/app\" auth=\"Container\" type=\"javax.sql.DataSource\"/>", "<res-auth>Container</res-auth>",
        "password:  16 bytes", "token:  952 bytes", "Tests: pass=124 fail=0 skip=2", "PASS: 12 FAIL: 0",
        "API_KEY=$API_KEY", "export DB_PASSWORD=\"$(cat /run/secrets/db)\"", "password=%s", "password=%1$s",
        "setting lastsub to rule with output /api/$1?migrated_token=%2", "PHPSESSID: null",
        // Keycloak: a cookie's name, its access log's own "..." for a credential, a refresh event's measure.
        "Could not find cookie: KEYCLOAK_IDENTITY", "Authorization: Bearer ...", "Cookie: KC_AUTH_SESSION_HASH=...",
        "refresh_token_type=\"Refresh\", age_of_refresh_token=\"3\", ageOfRefreshToken=2",
        // OpenSSH's debug lines name the function before the message; sudo's working directory.
        "debug3: mm_auth_password: user authenticated [preauth]",
        "sshd[1]: debug3: mm_answer_authpassword: sending result 1",
        "sudo: bob : user NOT in sudoers ; PWD=/ ; USER=root ; COMMAND=/usr/bin/id",
        // A visitor's choices in cookies (Tomcat's request dumper); a word's tail is no sess=; logfmt's token word;
        // vsftpd's "PASS <password>", the placeholder it writes for the password it hides.
        "exec-2     cookie=theme=dark", "Cookie: theme=dark; lang=en-US",
        "set-cookie: srv_track=be1; Path=/", "process=AE9D198DA7F88D2D0F26FEB0A15AF655 x",
        "client in: AUTH\t1\tCRAM-MD5\tservice=imap\tsecured\tsession=5swVcwhi2sR/AAAB\tlip=127.0.0.1",
        "\"initial-cluster-token\":\"outside6-cluster-1\"", "if (a) != 'b'",
        "curl -s -H 'Authorization: ' -X POST https://127.0.0.1:12479/v3/kv/range -d '{}'",
        "authorization=token method=GET", "ssl_password required for the keystore", "Received cookie: MIT",
        // Django's error mail, quoted-printable: "=3D" is the '='; the working directory; gunicorn's access log format.
        "SECRET_KEY =3D '********************'", "PWD =3D '/tmp/app/work'",
        "access_log_format: %(h)s q=\"%(q)s\" auth=\"%({authorization}i)s\" cookie=\"%({cookie}i)s\"",
        "session=%20 x",
        "[ftpalice] FTP command: Client \"127.0.0.1\", \"PASS <password>\"",
        "password=REDACTED", "secret: hidden", "token: expired", "Auth: OK", "curl -H \"Authorization: Bearer $TOKEN\"",
        "jdbc:oracle:thin:@//db:1521/ORCL", "Pwd={}", "password={user=bob}", "credentials=Token@1a2b3c",
        "keytool -list -keystore app.p12 -storepass:env STOREPASS", "jarsigner -keypass:file /run/secrets/kp a.jar",
        "fsOwner = hdfs (auth:SIMPLE)", "Auth successful for job_1445144423722_0020 (auth:TOKEN)",
        "passwd[9012]: pam_unix(passwd:chauthtok): password changed for deploy", "chpasswd[77]: done for 3 users",
        "password user=bob",
        "sqlplus / as sysdba", "sqlplus /nolog", "sqlplus -v", "sqlplus@host.example", "sql statement scott/tiger"})
    void leavesPlaceholdersCountsAndNamesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"db_pass=1234 ok", "\"password\":12345", "{User:bob Password:hunter2}", "password:123456"})
    void masksShortNumbersAndColonValuesThatAreStillPasswords(String text) {
        assertEquals(true, masker.mask(text).contains("[PASSWORD_KV]"), text);
    }

    /** The user info's password is url_credentials', and the host stays. */
    @Test
    void leavesAUrlsUserInfoToUrlCredentials() {
        String url = "git remote set-url origin https://x-access-token:ghs_abc123@github.com/acme/app.git";
        assertEquals(url, masker.mask(url));
        assertEquals("git remote set-url origin https://x-access-token:[URL_CREDENTIALS]@github.com/acme/app.git",
                Masker.builder().build().mask(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"name\":\"DB_PASSWORD\",\"value\":\"K8sEnvPw9\"} | {\"name\":\"DB_PASSWORD\",\"value\":\"[PASSWORD_KV]\"}",
        "{\"name\": \"API_TOKEN\", \"value\": \"EcsTok9\"} | {\"name\": \"API_TOKEN\", \"value\": \"[PASSWORD_KV]\"}",
        "{Name:DB_PASSWORD Value:K8sEnvPw8 ValueFrom:nil}         | {Name:DB_PASSWORD Value:[PASSWORD_KV] ValueFrom:nil}",
        "EnvVar(name=DB_PASSWORD, value=Fabric8Pw9, valueFrom=null)"
            + " | EnvVar(name=DB_PASSWORD, value=[PASSWORD_KV], valueFrom=null)",
        "- name: DB_PASSWORD\\n  value: K8sEnvPw6                 | - name: DB_PASSWORD\\n  value: [PASSWORD_KV]",
        "{\"type\":\"password\",\"value\":\"Kc9Creds1\"}           | {\"type\":\"password\",\"value\":\"[PASSWORD_KV]\"}",
        "{\"Name\":\"/prod/db/password\",\"Type\":\"SecureString\",\"Value\":\"Ssm9x\",\"Version\":1}"
            + " | {\"Name\":\"/prod/db/password\",\"Type\":\"SecureString\",\"Value\":\"[PASSWORD_KV]\",\"Version\":1}",
        "{\"value\":\"K8sEnvPw9\",\"name\":\"DB_PASSWORD\"} | {\"value\":\"[PASSWORD_KV]\",\"name\":\"DB_PASSWORD\"}",
        "[{value=Fabric8Pw9, name=API_TOKEN}]                       | [{value=[PASSWORD_KV], name=API_TOKEN}]",
        // Spring Cloud Gateway 4.3's route definitions and filters (run here on 2026-12-07): a shortcut's name, then its value.
        "FilterDefinition{name='AddRequestHeader', args={_genkey_0=X-Api-Key, _genkey_1=gw-api-key-7f3a9c2e1b8d4f60}}"
            + " | FilterDefinition{name='AddRequestHeader', args={_genkey_0=X-Api-Key, _genkey_1=[PASSWORD_KV]}}",
        "applying filter {_genkey_0=token, _genkey_1=qt_9f8e7d6c5b4a3f2e1d0c} to AddRequestParameter"
            + " | applying filter {_genkey_0=token, _genkey_1=[PASSWORD_KV]} to AddRequestParameter",
        "applying filter {_genkey_0=X-Request-Source, _genkey_1=gateway} to AddRequestHeader"
            + " | applying filter {_genkey_0=X-Request-Source, _genkey_1=gateway} to AddRequestHeader",
        "Property: spring.datasource.password Value: \"Bind9Pw\" Origin: System Environment Property"
            + " | Property: spring.datasource.password Value: \"[PASSWORD_KV]\" Origin: System Environment Property",
        "{\"property\":\"stripe.api-key\",\"value\":\"cfgPw9x\"}"
            + " | {\"property\":\"stripe.api-key\",\"value\":\"[PASSWORD_KV]\"}",
        // UnboundID's LDAP SDK 7.0 at FINEST (run here on 2026-12-07): an attribute, a modification, a compare.
        "Attribute(name=mail, values={'b@x.io'}), Attribute(name=userPassword, values={'B0b-Ldap#Clear55'}), x"
            + " | Attribute(name=mail, values={'b@x.io'}), Attribute(name=userPassword, values={'[PASSWORD_KV]'}), x",
        "Attribute(name=userPassword, values={'{SSHA}AT+GmzHiHkvdq2ASXTQTQ+4gP5UBAgMEBQYHCA=='})"
            + " | Attribute(name=userPassword, values={'[PASSWORD_KV]'})",
        "LDAPModification(type=replace, attr=userPassword, values={'Alice-Rotated#7788'})"
            + " | LDAPModification(type=replace, attr=userPassword, values={'[PASSWORD_KV]'})",
        "CompareRequest(dn='uid=alice,dc=example,dc=com', attr='userPassword', value='Alice-Final$9090')"
            + " | CompareRequest(dn='uid=alice,dc=example,dc=com', attr='userPassword', value='[PASSWORD_KV]')",
        "Attribute Type:  userPassword\\n          Assertion Value:  Alice-Final$9090"
            + " | Attribute Type:  userPassword\\n          Assertion Value:  [PASSWORD_KV]",
        "Attribute(name=objectClass, values={'top', 'person'}), Attribute(name=cn, values={'Bob'})"
            + " | Attribute(name=objectClass, values={'top', 'person'}), Attribute(name=cn, values={'Bob'})",
        "Attribute Type:  cn\\n          Assertion Value:  Alice | Attribute Type:  cn\\n          Assertion Value:  Alice",
    })
    void masksTheValueFieldThatASiblingNamesASecret(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Spring Boot's "APPLICATION FAILED TO START" report of a property it could not bind: one message, lines and all. */
    @Test
    void masksTheValueOfASecretPropertySpringBootCouldNotBind() {
        String report = "Failed to bind properties under 'app.datasource.password' to java.lang.Integer:\n\n"
                + "    Property: app.datasource.password\n    Value: \"hunter2x\"\n"
                + "    Origin: class path resource [application.yml] - 5:15\n"
                + "    Reason: failed to convert java.lang.String to java.lang.Integer";
        // mask() writes a value's line breaks escaped; a logged message keeps a template's (LineBreaksTest).
        assertEquals(report.replace("hunter2x", "[PASSWORD_KV]").replace("\n", "\\n"), masker.mask(report));
        String port = report.replace("app.datasource.password", "server.port");
        assertEquals(port.replace("\n", "\\n"), masker.mask(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"DB_HOST\",\"value\":\"db\"}", "{Name:LOG_LEVEL Value:debug}",
        "{\"name\":\"DB_HOST\",\"type\":\"x\",\"value\":\"db\"}", "{\"value\":\"8\",\"name\":\"password_policy\"}",
        "{\"name\":\"DB_PASSWORD\",\"a\":1,\"b\":2,\"c\":3,\"value\":\"far\"}",
        "{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{}}}", "{\"title\":\"password\",\"value\":\"x\"}",
        "password: !vault |", "secret: !Ref DbSecret", "password=xxxxxx", "Permission check secret:read granted",
        "\"password\":\"[REDACTED]\"", "{\"password\"=>\"[FILTERED]\"}", "password: \"{{ vault_db_password }}\"",
        "password: {{ .Values.db.password }}",
        // graphql-java's document at DEBUG: a variable's type, the variable itself; an OpenAPI schema's type.
        "Executing: document='mutation Login($email: String!, $password: String!) { login(password: $password) { t } }'",
        "password: string, minLength: 8", "fun login(user: String, password: String): Token",
        "Encoding [{data={signup={id=C-101}, welcomeToken= (truncated)...]"})
    void leavesSiblingsThatNameNoSecretAndHiddenValuesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"password\":\"[Tr0ub4dor]\"}", "{\"password\":\"{hunter2x}\"}",
        "{\"password\":\"/Tr0ub4dor\"}", "{\"password\":\"Token@1a2b3c\"}", "{\"password\":\"com.Secret9\"}",
        "{\"password\":\"(hunter2x)\"}", "APP_KEY=base64:OWd0ZCz6k3Do", "DD_APP_KEY=428c4387593e"})
    void masksAQuotedStringWhateverItLooksLike(String text) {
        assertEquals(true, masker.mask(text).contains("[PASSWORD_KV]"), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "user[password_confirmation]=Ra1lsPw9&x=1         | user[password_confirmation]=[PASSWORD_KV]&x=1",
        "{Number:4111 CVV:123 Exp:12/26}                   | {Number:4111 CVV:[PASSWORD_KV] Exp:12/26}",
        "securityCode=321                                  | securityCode=[PASSWORD_KV]",
        "basic.auth.user.info = orders:Sch3maPw9           | basic.auth.user.info = [PASSWORD_KV]",
        "sonar.login=squ_0123456789abcdef                  | sonar.login=[PASSWORD_KV]",
        "\"spring.datasource.password\": {\"value\": \"Actu4torPw\", \"origin\": \"x\"}"
            + " | \"spring.datasource.password\": {\"value\": \"[PASSWORD_KV]\", \"origin\": \"x\"}",
    })
    void masksMoreFieldNamesAndShapes(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"spring.datasource.url\": {\"value\": \"jdbc:h2:mem\"}", "user.info=ok"})
    void leavesTheValueOfAnObjectOfOtherKeysAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "on field 'password': rejected value [Hunter2!xx]; codes [x]"
            + " | on field 'password': rejected value [[PASSWORD_KV]]; codes [x]",
        "LOG:  statement: ALTER USER app WITH PASSWORD 'PgAlter1'"
            + " | LOG:  statement: ALTER USER app WITH PASSWORD '[PASSWORD_KV]'",
        "CREATE ROLE app LOGIN ENCRYPTED PASSWORD 'Rol3pw'; | CREATE ROLE app LOGIN ENCRYPTED PASSWORD '[PASSWORD_KV]';",
        "CREATE USER 'app'@'%' IDENTIFIED BY 'My5qlPw';            | CREATE USER 'app'@'%' IDENTIFIED BY '[PASSWORD_KV]';",
        "SET PASSWORD FOR 'app'@'%' = PASSWORD('My5qlPw')  | SET PASSWORD FOR 'app'@'%' = PASSWORD('[PASSWORD_KV]')",
        "X-Vault-Token: hvs.CAESIJ3exampleFORprimus0tests  | X-Vault-Token: [PASSWORD_KV]",
        "&lt;user&gt;bob&lt;/user&gt;&lt;password&gt;h4&amp;x&lt;/password&gt; "
            + "| &lt;user&gt;bob&lt;/user&gt;&lt;password&gt;[PASSWORD_KV]&lt;/password&gt;",
        "VAULT_TOKEN=hvb.AAAAAQJexampleFORprimus0tests     | VAULT_TOKEN=[PASSWORD_KV]",
        "token=org.acme.security.JwtToken                 | token=org.acme.security.JwtToken",
        "ALTER LOGIN app WITH PASSWORD = N'Sq1Srv!'       | ALTER LOGIN app WITH PASSWORD = N'[PASSWORD_KV]'",
        "UPDATE users SET password = N'Sq1Srv!' WHERE id = 4 | UPDATE users SET password = N'[PASSWORD_KV]' WHERE id = 4",
        "exec sp_executesql N'UPDATE users SET password = @P0 WHERE id = @P1' "
            + "| exec sp_executesql N'UPDATE users SET password = @P0 WHERE id = @P1'",
        "UPDATE `users` SET `password`='UpdBt13' WHERE `id`=1 | UPDATE `users` SET `password`='[PASSWORD_KV]' WHERE `id`=1",
        "{\"message\":\"h: {\\\"Authorization\\\":[\\\"Basic b3JkZXJz\\\"]}\"}"
            + " | {\"message\":\"h: {\\\"Authorization\\\":[\\\"Basic [PASSWORD_KV]\\\"]}\"}",
        "{\"message\":\"h: {\\\"Cookie\\\":[\\\"JSESSIONID=A8E4\\\"]}\"}"
            + " | {\"message\":\"h: {\\\"Cookie\\\":[\\\"JSESSIONID=[PASSWORD_KV]\\\"]}\"}",
        "<SecretAccessKey>je7MtGbClwBF/2Zp9Utk</SecretAccessKey>    | <SecretAccessKey>[PASSWORD_KV]</SecretAccessKey>",
        "AccessToken{tokenValue=ya29.a0AfB_by, expiresAt=1}        | AccessToken{tokenValue=[PASSWORD_KV], expiresAt=1}",
        "{\"SecretString\":\"MyPlainSecret1\"}                   | {\"SecretString\":\"[PASSWORD_KV]\"}",
        "Set-Cookie: JSESSIONID=A8E4; Path=/; Secure; HttpOnly"
            + " | Set-Cookie: JSESSIONID=[PASSWORD_KV]; Path=/; Secure; HttpOnly",
        "Set-Cookie: AWSALB=Zk9m; Expires=Wed, 08 May 2024 10:00:00 GMT; Path=/"
            + " | Set-Cookie: AWSALB=[PASSWORD_KV]; Expires=Wed, 08 May 2024 10:00:00 GMT; Path=/",
        "Cookie: JSESSIONID=A8E4; theme=dark                       | Cookie: JSESSIONID=[PASSWORD_KV]",
    })
    void masksWhatJvmServicesPrint(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on field 'password': rejected value [null]; codes [x]",
        "Failed to refresh token: invalid_grant",
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "Flag --password has been deprecated",
        "failed to fetch oauth token: unexpected status: 401 Unauthorized", "Authorization: \u2588\u2588",
        "+ curl -u admin:**** https://x", "it's the password's 'length' rule", "Field 'password' must not be empty",
        "aws_secret_access_key=unset", "Secret 'db-password' rotated at 10:00", "token 'abc' expired",
        "password: {{resolve:secretsmanager:db:SecretString:password}}"})
    void leavesWhatJvmServicesPrintAroundNoSecretAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A password after its word in a sentence: the template's word, the argument's value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "User bob logged in with password hunter2          | User bob logged in with password [PASSWORD_KV]",
        "Login failed for bob, password was hunter2.       | Login failed for bob, password was [PASSWORD_KV].",
        "Your new password is: Xk9#mP2q                    | Your new password is: [PASSWORD_KV]",
        "temporary password Xk9mP2qLw for user bob         | temporary password [PASSWORD_KV] for user bob",
        "unlocking key.pem with passphrase Tr0ub4dor&3     | unlocking key.pem with passphrase [PASSWORD_KV]",
        "connecting with password \"s3cret! 2\" to db      | connecting with password \"[PASSWORD_KV]\" to db",
        "PWD 4f3c2a1b9d8e7f6a                              | PWD [PASSWORD_KV]",
        "Passwort ist geheim, password Geheim_2024 gesetzt | Passwort ist geheim, password [PASSWORD_KV] gesetzt",
        "password for bob is S3cret!                       | password for bob is [PASSWORD_KV]",
        "login failed, password Sup3rS3cret! rejected      | login failed, password [PASSWORD_KV] rejected",
        "password for bob is S3cret!.                      | password for bob is [PASSWORD_KV].",
        "Password for user bob was Tr0ub4dor&3 until today | Password for user bob was [PASSWORD_KV] until today",
        "the password of admin is: Adm1n#2024              | the password of admin is: [PASSWORD_KV]",
        "password changed to N3wPass#1 by bob              | password changed to [PASSWORD_KV] by bob",
        "password reset to Tmp-8842x for bob               | password reset to [PASSWORD_KV] for bob",
        "Password for user bob: hunter2x                   | Password for user bob: [PASSWORD_KV]",
        "Generated password for user 'admin': Xk9mP2qLw8zT | Generated password for user 'admin': [PASSWORD_KV]",
        "A temporary password is generated for root@localhost: hVkCh>&8;4Ru"
            + " | A temporary password is generated for root@localhost: [PASSWORD_KV]",
        "A temporary password is generated for root@localhost: ;Xk9mP2qLw8zT"
            + " | A temporary password is generated for root@localhost: [PASSWORD_KV]",
        // Its symbols may include '/' and '(', which then are no path's or call's: another symbol tells.
        "A temporary password is generated for root@localhost: ;bH3Y/rG>#Z."
            + " | A temporary password is generated for root@localhost: [PASSWORD_KV].",
        "A temporary password is generated for root@localhost: k(7Ys/Lq^e2W"
            + " | A temporary password is generated for root@localhost: [PASSWORD_KV]",
        "password generated for admin: 9fK2mQx7Lp         | password generated for admin: [PASSWORD_KV]",
        "Your new password is: ;abc123X                    | Your new password is: [PASSWORD_KV]",
        // Elasticsearch 8's Docker log: four words name the account, and a space stands before the colon.
        "The generated password for the elastic built-in superuser is : Xk9mP2qLw8zT"
            + " | The generated password for the elastic built-in superuser is : [PASSWORD_KV]",
        "Your initial admin password is 'Xk9mP2qLw8zT'      | Your initial admin password is '[PASSWORD_KV]'",
        // After a verb of change, "to" links the account to its new password.
        "Password set: hunter2x                             | Password set: [PASSWORD_KV]",
        "temporary password issued: ;Xk9mP2q for bob        | temporary password issued: [PASSWORD_KV] for bob",
        // The idiom log.info("... password [{}]", pw): a bracketed word that reads as a password, as a quoted one.
        "Login failed for user [bob] with password [wrongPass1] | Login failed for user [bob] with password [[PASSWORD_KV]]",
        "Using password: [s3cretPw]                         | Using password: [[PASSWORD_KV]]",
        "password = [Tr0ub4dor&3] for bob                   | password = [[PASSWORD_KV]] for bob",
        "password for user [bob] is [x9y8z7w6]              | password for user [bob] is [[PASSWORD_KV]]",
        "Changed password of user \"admin\" to Xk9mP2qLw8zT | Changed password of user \"admin\" to [PASSWORD_KV]",
        "reset password for bob to Tmp-8842x                | reset password for bob to [PASSWORD_KV]",
        "Setting password to Xk9#mP2q for bob               | Setting password to [PASSWORD_KV] for bob",
        "Resetting password of admin to Tmp-8842x          | Resetting password of admin to [PASSWORD_KV]",
        "updating password for svc-app to N3w#Pass1         | updating password for svc-app to [PASSWORD_KV]",
    })
    void masksAPasswordAfterItsWordInASentence(String text, String expected) {
        assertEquals(expected, masker.mask(text));
    }

    /** What follows a password's word in real logs, and the passwords that cannot be told from prose. */
    @ParameterizedTest
    @ValueSource(strings = {"FATAL:  password authentication failed for user \"postgres\"",
        "Failed password for invalid user admin from 10.0.0.1 port 22 ssh2", "pam_unix(passwd:chauthtok): password changed",
        "Encoded password does not look like BCrypt", "password VARCHAR(100) NOT NULL", "password SHA256 digest mismatch",
        "password hashing uses PBKDF2WithHmacSHA256", "password expires 2026-12-05T10:00:00Z", "password v2.7.18 policy",
        "pwd /home/app", "password ${DB_PASSWORD}", "password %s for %s", "password swordfish",
        "password Authorization:Basic", "password 1234567890", "password ****** accepted",
        "password com.acme.Foo.check(Foo.java:42)", "password north-west", "printf(&quot;Password is correct.&quot;);",
        "&lt;password&gt;&lt;/password&gt;", "&lt;password&gt;null&lt;/password&gt;", "password&gt;",
        "password hunter2=x", "password abc12", "Password123 is too weak", "passwordless login for bob2024",
        "password \"swordfish\"", "password [PASSWORD_KV] again",
        "password for bob is incorrect", "password for user bob2024 expired", "password for the admin account is locked",
        "password to prod-db-2024", "password of length 12 is required", "password changed to comply with policy",
        "password for user bob: expired", "Password for user bob: ********", "password for bob: %s",
        "password for bob: $DB_PASSWORD", "password for bob: <password>", "password for bob: --help-me1",
        "password for bob: conf/secrets/bob-2024.txt", "password for bob: vault:kv/db(bob2)",
        "password for bob: https://vault.example.com/ui/bob2", "password for bob: com.acme.Vault.read(Vault.java:42)",
        "Password for user bob: changed at 2026-12-05T10:00:00Z", "password for bob: 2026-12-05T10:00:00Z",
        "password for bob: {{vault:db}}", "password generated for admin: stored in vault",
        "password for the elastic user (reset with `elasticsearch-reset-password`):",
        "Reset password for user: bob2024x", "Password for account: acct-7731x", "password of Login: jdoe42x",
        "password is 'expired'", "password for the web console is ready", "password is : none",
        "Sent password for bob to mail-2024x", "Sending password reset for bob to mail-2024x",
        "Changed password to expire in 90 days", "sent password to bob2024x",
        "Changed password for bob to expire in 90 days",
        "unset password for bob to Xk9mP2qLw8zT", "password check failed: Invalid credentials",
        "Password expired: 2026-12-05", "password policy violated: minLength=8", "password update failed: bob42 locked",
        "password hash mismatch: $2a$10$abcdefghijklmnopqrstuv", "password checks done: ok"})
    void leavesWhatFollowsAPasswordWordInProseAloneUnlessItReadsAsAPassword(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DJANGO_SECRET_KEY=LydjSmmcNdrvhucI*HFw&#1eg9XsemYZ*p*B0XSziAs@%a5MvF | DJANGO_SECRET_KEY=[PASSWORD_KV]",
        "password=Xk9&!mP2q&user=bob                                    | password=[PASSWORD_KV]&user=bob",
        "password=Xk9mP2q& next                                         | password=[PASSWORD_KV]& next",
        "'      + password                = \"Hs0vekDztG4JYP\"' | '      + password                = \"[PASSWORD_KV]\"'",
        "'      ~ master_password = \"OldPass1\" -> \"2mY897tIzgkXUcVi\"' | '      ~ master_password = \"[PASSWORD_KV]\"'",
        "PASSWORD kibana_system = 97hbiahhZb7zThfTze                    | PASSWORD kibana_system = [PASSWORD_KV]",
        "GET /cb?state=af0ifjsldkj&code=4/0AX4XfWjYz8kLmN2pQrStUvWxYz&scope=email | "
            + "GET /cb?state=af0ifjsldkj&code=[PASSWORD_KV]&scope=email",
        "/login/oauth2/code/keycloak?code=7f3a9c2e-41b0-4d7e-9a8f.5c6d7e8f9a0b | "
            + "/login/oauth2/code/keycloak?code=[PASSWORD_KV]",
        "'{\"device_code\":\"aFDdi5YtLA81vUSc8BV5NtS5c1bdClG9O6PKtUqY\"}' | '{\"device_code\":\"[PASSWORD_KV]\"}'",
        "DB_PW=ljhtvah8poQI5Xd                                          | DB_PW=[PASSWORD_KV]",
        "LDAP_BIND_PW=LXfRzBTJE4Eh361O5n                                | LDAP_BIND_PW=[PASSWORD_KV]",
        "ALGOLIA_ADMIN_KEY=423b7a81ad7590f273e512bafd75145e             | ALGOLIA_ADMIN_KEY=[PASSWORD_KV]",
        "segment.writeKey=Xk9mP2qLw8zT4vR7                              | segment.writeKey=[PASSWORD_KV]",
        "auth=4821 sent                                                 | auth=[PASSWORD_KV] sent",
        "basic_auth=123                                                 | basic_auth=[PASSWORD_KV]",
        "credentials: hunter2Xk9                                        | credentials: [PASSWORD_KV]",
        "password: a.b=cdef                                             | password: [PASSWORD_KV]",
        "sessionToken=FwoGZXIvYXdzEBYaDH7Xk9mP2qLw8zT4vR7nB3c           | sessionToken=[PASSWORD_KV]",
    })
    void masksValuesOfKeysTheirPlaceNamesAndAlignedOrChangedValues(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "disconnect from unknown[203.0.113.9] ehlo=1 auth=0/1 rset=1 quit=1 commands=3/4",
        "disconnect from mx[203.0.113.9] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6",
        "I adbd    : host-1: auth: RSA key fingerprint 4f:3a:2b:1c:0d:9e:8f:7a",
        "PutLogEvents nextSequenceToken=49039859212382345678901234567890123456789012345678901234",
        // Redisson 3.50 at TRACE: a Redis key's namespace; Redis's INFO for the AUTH command.
        "acquired connection for command: (SET), params: [apikey:bob, PooledUnsafeDirectByteBuf(ridx: 0, widx: 20)]",
        "cmdstat_auth:calls=17,usec=113,usec_per_call=6.65,rejected_calls=0,failed_calls=4",
        "latency_percentiles_usec_auth:p50=5.023,p99=18.047,p99.9=18.047",
        // Apache MINA SSHD 2.20: the KEXINIT cookie, a public nonce; a key file's bcrypt salt, stored in clear.
        "sendKexInit(ServerSessionImpl[null@/127.0.0.1:47902]) cookie=60:3b:08:c8:81:f4:c4:98:9d:a8:13:2a:b3:25:a1:fa",
        "context=OpenSSHParserContext[cipher=aes256-ctr, kdfOptions=bcrypt: rounds=16, salt=37:48:de:4a:49:00:f6:95:ab:d0]",
        "ListObjectsV2 NextContinuationToken=1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM= pageToken=Xk9mP2qLw8zT",
        "\"nextToken\": \"eyJ2IjoxLCJjIjoiWGs5bVAycUx3OHpUIn0\", \"next_page_token\": \"CAEQAA\"",
        // S3's ListObjectsV2 answer in a wire log, and the next call's element.
        "<IsTruncated>true</IsTruncated><NextContinuationToken>18clxM04rfDSqMK0KboeC7uNwPJgiTrNUUkJ3JJsIa=</NextContinuationToken>",
        "<ContinuationToken>18clxM04rfDSqMK0KboeC7uNwPJgiTrNUUkJ3JJsIa=</ContinuationToken><NextToken>AAMA-EFRSURBSGh4</NextToken>",
        "Retrieving credentials: auth.source=shared_credentials_file profile=default",
        "{\"credentials\":{\"sessionToken\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}}",
        "GET /status?code=200&detail=ok", "GET /cb?code=ERR_TIMEOUT_WAITING_FOR_IDP&state=x", "GET /app.js?t=1701234567890",
        "GET /acl?sid=S-1-5-21-3623811015-3361044348-30300820-1013", "GET /db?sid=ORCL&host=x",
        "GET /watch?v=dQw4w9WgXcQ&t=42s", "GET /collect?v=1&t=pageview&tid=UA-1234",
        "GET /cb?error=access_denied&code=short123",
        "Changed password for user kibana_system", "the PASSWORD kibana_system = hidden",
    })
    void leavesCountersCursorsSettingsAndShortCodesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http -a bob:nPEZNHNgFbT9Xi POST api.example.com/orders     | http -a bob:[PASSWORD_KV] POST api.example.com/orders",
        "https --auth bob:nPEZNHNgFbT9Xi api.example.com           | https --auth [PASSWORD_KV] api.example.com",
        "lftp -u etl,fPFT0kdUPc1ayH sftp://sftp.partner.com         | lftp -u etl,[PASSWORD_KV] sftp://sftp.partner.com",
        "smbclient //fs/share -U bob%c8e2DBL97WTOut                 | smbclient //fs/share -U bob%[PASSWORD_KV]",
        "rpcclient -Ubob%c8e2DBL97WTOut 10.0.0.5                    | rpcclient -Ubob%[PASSWORD_KV] 10.0.0.5",
    })
    void masksThePasswordOfAUserFlagOfHttpieLftpAndSamba(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http -a bob api.example.com", "lftp -u etl sftp://sftp.partner.com",
        "smbclient -L fs -U bob", "tar -a -cf x.tgz dir", "git log -a bob:x"})
    void leavesUserFlagsWithoutAPasswordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "password=RNmHkW(vQ7&F5p           | password=[PASSWORD_KV]",
        "password=K1[Udl2b8kIhRerw!WJ      | password=[PASSWORD_KV]",
        "password=Jzd{9iW5Fhol17PY8j1 x    | password=[PASSWORD_KV] x",
        "password=(qlNSXWqTNPi;UQdB3       | password=[PASSWORD_KV]",
        "password={+ADxSn%9ciFWWMijVD      | password=[PASSWORD_KV]",
        "password=02ORHV8]}MXXkhMBpQCJ     | password=[PASSWORD_KV]",
        "(password=Xk9mP2qL)][next: x]     | (password=[PASSWORD_KV])][next: x]",
        "password=Xk9)[mP2qL               | password=[PASSWORD_KV]",
        "password=CzGdWmPy,[qqr$vJ         | password=[PASSWORD_KV]",
        "password=IwifM,;3*6hxQP           | password=[PASSWORD_KV]",
        "password=vVUnRcYpIff.WGpCncAJ     | password=[PASSWORD_KV]",
        "password=/gG8SioTUHLa0            | password=[PASSWORD_KV]",
        "password=/LyhH].hbxMxJvyj8L       | password=[PASSWORD_KV]",
        "User(password=abc).               | User(password=[PASSWORD_KV]).",
        "{password=abc}, next              | {password=[PASSWORD_KV]}, next",
    })
    void masksGeneratedPasswordsWithBracketsDotsAndSlashesWhole(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"token=Token{a64f992 ActivityRecord{de9231d u0 com.x/.A t761}}}",
        "credentials=Credentials(user=bob)", "secret=com.acme.Secret@1a2b3c4d", "token=org.acme.jwt.JwtToken",
        "PWD=/home/app", "HOME=/root", "secret=/run/secrets/DbPassword", "password: {{ .Values.db.password }}",
        "password=(none)", "password={}"})
    void leavesObjectsPathsAndTemplatesAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mvn sonar:sonar -Dsonar.login=beafe424d97605e3fe0904f575da671d6975bd32 | "
            + "mvn sonar:sonar -Dsonar.login=[PASSWORD_KV]",
        "'      DB_PASSWORD:          Xk9mP2qLw8zT'                          | '      DB_PASSWORD:          [PASSWORD_KV]'",
        "POST /v1/messages?key=m0MJg6sm9oGdesLXw7BFsfeyH1OMeoem HTTP/1.1 | POST /v1/messages?key=[PASSWORD_KV] HTTP/1.1",
        "GET /data/2.5/weather?q=London&appid=1f38351f5c4e8cd2d95ca5c7868359fe | "
            + "GET /data/2.5/weather?q=London&appid=[PASSWORD_KV]",
        "GET /v3/contacts?hapikey=e8293552-2466-4c6d-8c86-c8eed14acb05        | GET /v3/contacts?hapikey=[PASSWORD_KV]",
        "GET /invite/accept?t=8f14e45fceea167a5a36dedd4bea2543 HTTP/1.1 | GET /invite/accept?t=[PASSWORD_KV] HTTP/1.1",
        "GET /viewtopic.php?f=2&t=15&sid=8f14e45fceea167a5a36dedd4bea2543 | GET /viewtopic.php?f=2&t=15&sid=[PASSWORD_KV]",
        "GET /v1/AUTH_test/c/o?temp_url_sig=4b6d06d92fd387ae83e3d896de3a9c8e44d173e8&temp_url_expires=1796652165 | "
            + "GET /v1/AUTH_test/c/o?temp_url_sig=[PASSWORD_KV]&temp_url_expires=1796652165",
        "GET /134.201.250.155?access_key=19e1292e9545ee5c7d758a175cf6f17e | GET /134.201.250.155?access_key=[PASSWORD_KV]",
        "x-amz-server-side-encryption-customer-key: GDJxPCBwXKPU2UQBzKpt33+4jKg0GOU2nhACMDp1ERo= | "
            + "x-amz-server-side-encryption-customer-key: [PASSWORD_KV]",
        "code_verifier=NmFve4sNaEy2qb_P9ioi5LQ5-RuIkqlxfspNaiOSiSk            | code_verifier=[PASSWORD_KV]",
        "Invalid authorization code: SCm2WoasO1PLDySLiuxpb1LDGxhVigrs         | Invalid authorization code: [PASSWORD_KV]",
        "'\"app.webhook.shared-key\":{\"value\":\"CPet6XYmAYG35mFuha0K\"}' | "
            + "'\"app.webhook.shared-key\":{\"value\":\"[PASSWORD_KV]\"}'",
        "'\"orders.hmac\":\"SMasiW3XB1vh54TOPjxPMY7X6L\"'                   | '\"orders.hmac\":\"[PASSWORD_KV]\"'",
        "'BearerTokenAuthenticationToken [Principal=NIdfboYciSTjWzMM0D6K, Credentials=[PROTECTED]]' | "
            + "'BearerTokenAuthenticationToken [Principal=[PASSWORD_KV], Credentials=[PROTECTED]]'",
        "'WebAuthenticationDetails [RemoteIpAddress=127.0.0.1, SessionId=5570D6F299451AD0]' | "
            + "'WebAuthenticationDetails [RemoteIpAddress=127.0.0.1, SessionId=[PASSWORD_KV]]'",
        "Detail: Key (api_key)=(UuxAC8AhW90cFVeUKrjL4B2G) already exists. | "
            + "Detail: Key (api_key)=([PASSWORD_KV]) already exists.",
        "'Detail: Key (tenant_id, reset_token)=(7, BZroLGBsBiB0Vdl) already exists.' | "
            + "'Detail: Key (tenant_id, reset_token)=([PASSWORD_KV]) already exists.'",
        "Duplicate entry 'UuxAC8AhW90cFVeUKrjL4B2G' for key 'users.uk_api_key' | "
            + "Duplicate entry '[PASSWORD_KV]' for key 'users.uk_api_key'",
        "'SQL Error: 1062, SQLState: 23000: Duplicate entry 'acme-BZroLGBsBiB0Vdl' for key 'reset_token_UNIQUE'' | "
            + "'SQL Error: 1062, SQLState: 23000: Duplicate entry '[PASSWORD_KV]' for key 'reset_token_UNIQUE''",
        "Duplicate entry 'Tr0ub4dor&3' for key 'password' | Duplicate entry '[PASSWORD_KV]' for key 'password'",
        "Duplicate entry 'it's-x7' for key 'sessions.sessions_token_key' | "
            + "Duplicate entry '[PASSWORD_KV]' for key 'sessions.sessions_token_key'",
    })
    void masksQueryCredentialsAlignedValuesAndFrameworkFieldsThatHoldSecrets(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A stored password's hash gives a weak password back offline: masked whole, its ',' and '=' too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password_hash=$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy | password_hash=[PASSWORD_KV]",
        "'User [id=42, passwordHash=$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW, role=ADMIN]' | "
            + "'User [id=42, passwordHash=[PASSWORD_KV], role=ADMIN]'",
        "'passwordHash: $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG' | "
            + "passwordHash: [PASSWORD_KV]",
        "'\"password_digest\":\"$2a$12$K8GpYKe0o3UuQ9K1lQeJ6eW7XfT1aQ5zq0Xc9Q1l2m3n4o5p6q7r8\"' | "
            + "'\"password_digest\":\"[PASSWORD_KV]\"'",
        "'password=$6$rounds=5000$saltsalt$Xk9mP2qLw8zT4vR7nB3cQ1sD, user=bob' | 'password=[PASSWORD_KV], user=bob'",
        // JDBI 3's named parameters (run here on 2026-12-07): no space after the ',', the next name and a phone.
        "'{named:{passwordHash:$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy,phone:+1 415 555 0132}}' | "
            + "'{named:{passwordHash:[PASSWORD_KV],phone:+1 415 555 0132}}'",
    })
    void masksAStoredPasswordsHash(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"token_hash=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "commit_hash=9f86d081884c7d659a2feaa0c55ad015",
        "contentDigest=sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
        "password=$DB_PASSWORD", "passwordHashAlgorithm=bcrypt", "password_hash: bcrypt", "password_digest: SHA-256",
        "password.hash=pbkdf2", "passwordEncoder=noop"})
    void leavesOtherHashesAndPlaceholdersAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invalid remember-me cookie: Cookie token did not contain 3 tokens",
        "GET /search?key=orders&q=x", "GET /x?sig=short1",
        "UsernamePasswordAuthenticationToken [Principal=bob, Credentials=[PROTECTED]]",
        "WebAuthenticationDetails [RemoteIpAddress=127.0.0.1, SessionId=null]", "Detail: Key (email)=(x) already exists.",
        "Key (id)=(42) is not present in table \"users\".", "-Dsonar.host.url=http://sonar:9000", "f(x)=(y)",
        "Duplicate entry 'bob@example.com' for key 'users.email'", "Duplicate entry '42-7' for key 'PRIMARY'",
        "Duplicate entry 'orders' for key 'uk_name'", "Duplicate entry 'x' for key 'monkey_idx'",
        "Duplicate entry 'tokens' for key", "Duplicate entry ''"})
    void leavesOtherQueryParametersPrincipalsAndKeysAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extracted value ([password2_0_0_] : [VARCHAR]) - [YpqL@ufGvH4M^q*4o] | "
            + "extracted value ([password2_0_0_] : [VARCHAR]) - [[PASSWORD_KV]]",
        "extracted value ([client_sec3_0_0_] : [VARCHAR]) - [VPIcxubwEX0tiFYi] | "
            + "extracted value ([client_sec3_0_0_] : [VARCHAR]) - [[PASSWORD_KV]]",
        "extracted value ([api_key4_0_0_] : [VARCHAR]) - [i2MOzIHPplfW6sOAD5] | "
            + "extracted value ([api_key4_0_0_] : [VARCHAR]) - [[PASSWORD_KV]]",
        "on field 'secretAnswer': rejected value [A5Ha%+rWo.5DY] | on field 'secretAnswer': rejected value [[PASSWORD_KV]]",
        "'{\"securityAnswer\":\"HAG@R_2NOlmO5h.eF\"}'                       | '{\"securityAnswer\":\"[PASSWORD_KV]\"}'",
    })
    void masksHibernateExtractedSecretColumnsAndRecoveryAnswers(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Hibernate 6's extractor names no column: the place in the select this thread logged last does. */
    @Test
    void masksWhatHibernate6ExtractsFromASecretColumnOfTheSelectBefore() {
        Masker all = Masker.builder().build();
        all.mask("select u1_0.id,u1_0.email,u1_0.password,coalesce(u1_0.a, u1_0.api_token) from users u1_0 where u1_0.id=?");
        assertEquals("extracted value (1:BIGINT) -> [1]", all.mask("extracted value (1:BIGINT) -> [1]"));
        assertEquals("extracted value (3:VARCHAR) -> [[PASSWORD_KV]]",
                all.mask("extracted value (3:VARCHAR) -> [hunt]er2]"));
        assertEquals("extracted value (3:VARCHAR) -> [null]", all.mask("extracted value (3:VARCHAR) -> [null]"));
        assertEquals("extracted value (4:VARCHAR) -> [[PASSWORD_KV]]", all.mask("extracted value (4:VARCHAR) -> [t0k]"));
        // format_sql's statement, over several lines, an alias with "as", distinct
        all.mask("    select distinct\n        u1_0.id,\n        u1_0.password_hash as ph \n    from\n        users u1_0");
        assertEquals("extracted value (2:VARCHAR) -> [[PASSWORD_KV]]", all.mask("extracted value (2:VARCHAR) -> [abc]"));
        assertEquals("extracted value (1:BIGINT) -> [7]", all.mask("extracted value (1:BIGINT) -> [7]"));
        all.mask("select\n        u1_0.id,\n        u1_0.api_key \n    from\n        users u1_0");
        assertEquals("extracted value (2:VARCHAR) -> [[PASSWORD_KV]]", all.mask("extracted value (2:VARCHAR) -> [k-42]"));
        all.mask("select count(*) from users u1_0");
        assertEquals("extracted value (2:VARCHAR) -> [k-42]", all.mask("extracted value (2:VARCHAR) -> [k-42]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"extracted value ([email3_0_0_] : [VARCHAR]) - [bob]",
        "extracted value ([passwordch5_0_0_] : [TIMESTAMP]) - [null]",
        "extracted value ([user_tok_r5_0_0_] : [BIGINT]) - [7]",
        "extracted value ([created_to2_0_0_] : [VARCHAR]) - [x]"})
    void leavesOtherExtractedColumnsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SET PASSWORD FOR 'app'@'%' = 'ZNc~xEGRm0#Np!QQ' | SET PASSWORD FOR 'app'@'%' = '[PASSWORD_KV]'",
        "set password for app = 'Xk9mP2qLw8zT'; | set password for app = '[PASSWORD_KV]';",
        "reset password for app = 'Xk9mP2qLw8zT' | reset password for app = '[PASSWORD_KV]'",
    })
    void masksMySqlsSetPasswordFor(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET PASSWORD FOR 'app'@'%' = ''", "set timeout for app = 'x y'", "set password for a b = 'x'"})
    void leavesOtherAssignmentsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void masksTheRejectedValueOfAFieldErrorThatNamesASecret() {
        String error = "[{\"objectName\":\"user\",\"field\":\"password\",\"rejectedValue\":\"%s\",\"code\":\"Size\"}]";
        assertEquals(String.format(error, "[PASSWORD_KV]"), masker.mask(String.format(error, "ky9!~6J.Ygw")));
        String email = "{\"field\":\"email\",\"rejectedValue\":\"not-an-address\"}";
        assertEquals(email, masker.mask(email));
        String other = "{\"field\":\"password\",\"myRejectedValue\":\"x\"}";
        assertEquals(other, masker.mask(other));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+ htpasswd -b -c /etc/nginx/.htpasswd admin vy-5AP5EjbkfBDn | "
            + "+ htpasswd -b -c /etc/nginx/.htpasswd admin [PASSWORD_KV]",
        "htpasswd -bB users.htpasswd bob Sskv7KxfwYgAQR | htpasswd -bB users.htpasswd bob [PASSWORD_KV]",
        "htpasswd -nb bob Sskv7KxfwYgAQR > out | htpasswd -nb bob [PASSWORD_KV] > out",
        "htpasswd -c -b -B f bob Sskv7KxfwYgAQR | htpasswd -c -b -B f bob [PASSWORD_KV]",
    })
    void masksTheBatchPasswordOfHtpasswd(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"htpasswd -c /etc/nginx/.htpasswd admin", "htpasswd -D users.htpasswd bob",
        "tar -b 20 -cf x.tar dir file", "htpasswd -b users.htpasswd"})
    void leavesHtpasswdWithoutABatchPasswordAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** SOAP payloads name namespaces after the service: a prefix before an element's ':' is no key. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Payload: <auth:GetUserResponse><auth:status>OK</auth:status></auth:GetUserResponse>",
        "http-outgoing-0 >> \"<soapenv:Envelope xmlns:auth=\"http://example.com/auth\"><soapenv:Body>"
            + "<auth:GetUserRequest><auth:userId>42</auth:userId></auth:GetUserRequest></soapenv:Body>\"",
        "<token:Request><token:id>7</token:id></token:Request>", "<secret:Value>abc</secret:Value>",
        "<pwd:Change xmlns:pwd=\"urn:acme:pwd\"><pwd:user>bob</pwd:user></pwd:Change>",
    })
    void leavesAnXmlNamespacesPrefixAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<auth:Login><auth:user>bob</auth:user><auth:password>hunter2Secret9</auth:password></auth:Login>"
            + " | <auth:Login><auth:user>bob</auth:user><auth:password>[PASSWORD_KV]</auth:password></auth:Login>",
        "auth: hunter2Secret9 for bob | auth: [PASSWORD_KV] for bob",
    })
    void masksASecretUnderAPrefixAndAKeyNamedLikeOne(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** Apache HttpClient's debug lines for the cookies it sends and accepts: every cookie's value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cookie [version: 0][name: SESSION][value: 8F3A2B1C9D4E5F60][domain: api.example.com][path: /][expiry: null] match"
            + " [api.example.com:443/v1] | Cookie [version: 0][name: SESSION][value: [PASSWORD_KV]][domain: api.example.com]"
            + "[path: /][expiry: null] match [api.example.com:443/v1]",
        "ex-0000000001 Cookie [name: SESSION; value: YjM4ZjE3ZjMt; domain: api.example.com; path: /; expiry: null] match [x]"
            + " | ex-0000000001 Cookie [name: SESSION; value: [PASSWORD_KV]; domain: api.example.com; path: /; expiry: null]"
            + " match [x]",
        "Cookie accepted [SESSION=\"YjM4ZjE3ZjMtMmI0Ni00\", version:0, domain:api.example.com, path:/, expiry:null]"
            + " | Cookie accepted [SESSION=\"[PASSWORD_KV]\", version:0, domain:api.example.com, path:/, expiry:null]",
        "Cookie accepted [remember-me=\"Ym9iOjE3MzM0\", domain:x]"
            + " | Cookie accepted [remember-me=\"[PASSWORD_KV]\", domain:x]",
    })
    void masksTheCookiesApacheHttpClientLogs(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[name: SESSION][size: 42]", "{name: SESSION, value: 42}", "Cookie rejected [SESSION]",
        "accepted [SESSION=\"x\"]", "the value: 42 [name: x]"})
    void leavesOtherNameAndValueFieldsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A session's id after the word, as servlet containers and Spring Security log it: a credential. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Registering session 8F3A2B1C9D4E5F60718293A4B5C6D7E8, for principal bob"
            + " | Registering session [PASSWORD_KV], for principal bob",
        "Invalidated session 8F3A2B1C9D4E5F60718293A4B5C6D7E8 | Invalidated session [PASSWORD_KV]",
        "New HTTP session created: 8F3A2B1C9D4E5F60718293A4B5C6D7E8 | New HTTP session created: [PASSWORD_KV]",
        "Did not find SecurityContext in HttpSession E3F9D52FE2FD88850E4CCD7BE241DFA9 using the attribute"
            + " | Did not find SecurityContext in HttpSession [PASSWORD_KV] using the attribute",
        "Publishing SessionDestroyedEvent for session 3f1e2d4c-5b6a-7980-a1b2-c3d4e5f60718"
            + " | Publishing SessionDestroyedEvent for session [PASSWORD_KV]",
        "session id 8F3A2B1C9D4E5F60718293A4B5C6D7E8.node1 expired | session id [PASSWORD_KV] expired",
    })
    void masksASessionsIdAfterTheWord(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A session's id where a sentence says it was made or changed ({@link SessionIdChanges}): both ids of a change. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Spring Security's ChangeSessionIdAuthenticationStrategy, at DEBUG on every login
        "Changed session id from 4FDA9717E4AA157BE90A9E9CE62A98A1 | Changed session id from [PASSWORD_KV]",
        "Changed session id from 2cb1fec3-dba6-4a8f-8376-40934da49d8d | Changed session id from [PASSWORD_KV]",
        // Tomcat's authenticator
        "Session ID changed on authentication from [4FDA9717E4AA157BE90A9E9CE62A98A1] to [0A1B2C3D4E5F60718293A4B5C6D7E8F9]"
            + " | Session ID changed on authentication from [[PASSWORD_KV]]",
        "Changed session id from '4FDA9717E4AA157BE90A9E9CE62A98A1' to '0A1B2C3D4E5F60718293A4B5C6D7E8F9'."
            + " | Changed session id from '[PASSWORD_KV]'.",
        // Undertow's session managers
        "Created session with id v9bNx2mQ1_Kd8LpT3rWz7YcF6gJ0sA4e for exchange HttpServerExchange{ GET /}"
            + " | Created session with id [PASSWORD_KV] for exchange HttpServerExchange{ GET /}",
        "Found existing session with id 4FDA9717E4AA157BE90A9E9CE62A98A1 | Found existing session with id [PASSWORD_KV]",
        // the new id after the old, with no "from"
        "Changing session id v9bNx2mQ1_Kd8LpT3rWz7YcF6gJ0sA4e to Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaE"
            + " | Changing session id [PASSWORD_KV]",
        "Session id 4FDA9717E4AA157BE90A9E9CE62A98A1 changed to 0A1B2C3D4E5F60718293A4B5C6D7E8F9."
            + " | Session id [PASSWORD_KV].",
        "Session 4FDA9717E4AA157BE90A9E9CE62A98A1 to be expired | Session [PASSWORD_KV] to be expired",
    })
    void masksBothIdsWhereASentenceSaysASessionChanged(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Loaded session from cache in 12 ms", "Removed expired session from store sessions-2024-01-15.db",
        "Reading session id from header X-Session-Id", "Session 42 changed state from ACTIVE to CLOSED",
        "Changed session id from 12345 to 12346", "Session with id abc not found",
        "session restored from the persistent store on its first request", // more than three words before "from"
        "Secret with id 4FDA9717E4AA157BE90A9E9CE62A98A1 rotated", // a secret's id is no session's
        // A leader election's term (Flink's high availability), no user's session.
        "http://127.0.0.1:43793 was granted leadership with leaderSessionID=3f1e2d4c-5b6a-7980-a1b2-c3d4e5f60718",
        "Received confirmation of leadership for leader pekko://flink/user/rpc/dispatcher_2 ,"
            + " session=3f1e2d4c-5b6a-7980-a1b2-c3d4e5f60718",
        "Resource manager service is granted leadership with session id 3f1e2d4c-5b6a-7980-a1b2-c3d4e5f60718.",
    })
    void leavesSentencesOfASessionAloneWhereNoIdReadsAsMachineMade(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A cookie's secret in a framework's diagnostics when it reads the cookie ({@link CookieDiagnostics}). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Spring Security's TokenBasedRememberMeServices: the expected signature is valid for the cookie's user
        "Invalid remember-me cookie: Cookie contained signature 'a1b2c3d4e5f60718293a4b5c6d7e8f90' but expected"
            + " '9f2b7c1e4d5a6b8c9d0e1f2a3b4c5d6e' | Invalid remember-me cookie: Cookie contained signature '[PASSWORD_KV]'",
        "Cookie contained signature 'x' but expected 'Zm9vYmFyYmF6cXV4+/==' | Cookie contained signature '[PASSWORD_KV]'",
        // Shiro's SimpleCookie at TRACE, any cookie's name
        "Found 'rememberMe' cookie value [qH7kP2mXv9LzR4tB8nWc3YdF6gJ1sA0eUoKiTyMb5QwErZxCvBnM]"
            + " | Found 'rememberMe' cookie value [[PASSWORD_KV]]",
        "Found 'JSESSIONID' cookie value [4fda9717-e4aa-157b] | Found 'JSESSIONID' cookie value [[PASSWORD_KV]]",
        // the line Shiro's CookieRememberMeManager writes next
        "Acquired Base64 encoded identity [qH7kP2mXv9LzR4tB8nWc3YdF6gJ1sA0eUoKi==]"
            + " | Acquired Base64 encoded identity [[PASSWORD_KV]]",
        // Keycloak's code of a login's session in its login-actions URL
        "GET /realms/demo/login-actions/authenticate?session_code=Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaE&execution=e1"
            + " | GET /realms/demo/login-actions/authenticate?session_code=[PASSWORD_KV]&execution=e1",
    })
    void masksACookiesSecretInAFrameworksDiagnostics(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Cookie contained signature 'abc' but it was expired", "the signature 'x' is not valid",
        "Found method with signature 'void f(int)' but expected 'int f(long)'", // a method's, no digest
        "signature 'a' but expected 'b'",
        "Found 'rememberMe' cookie value []", "Found rememberMe cookie value [abc]", "Found 'x' cookie values [a, b]",
        "Acquired Base64 encoded identity []", "Base64 encoded identity", "Base64 decoded identity [x]",
        "session_code=42", "GET /x?session_code=expired&execution=e1",
    })
    void leavesCookieSentencesWithNoSecretAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** A CAS ticket as any key's value ({@link CasTickets}): the whole ticket, the server's name with it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /app/login?ticket=ST-1-hGkq9LzR4tB8nWc3YdF6-cas01.example.org HTTP/1.1"
            + " | GET /app/login?ticket=[PASSWORD_KV] HTTP/1.1",
        "Attempting to validate ticket: ST-12-hGkq9LzR4tB8nWc3YdF6KaE-cas01 | Attempting to validate ticket: [PASSWORD_KV]",
        "GET /proxyCallback?pgtIou=PGTIOU-1-Xk3v9QzLp2RtY7wN8mBc&pgtId=PGT-1-Xk3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaEq-cas01 200"
            + " | GET /proxyCallback?pgtIou=[PASSWORD_KV]&pgtId=[PASSWORD_KV] 200", // the IOU, read as a ticket no key names
        "{\"ticket\":\"PT-3-9fKq2LzR4tB8nWc3YdF6xQ\"} | {\"ticket\":\"[PASSWORD_KV]\"}",
        "tgt=TGT-2-xK3v9QzLp2RtY7wN8mBc4Hd1FsJg6KaExK3v9QzLp2RtY7wN8mB-cas01, user=bob | tgt=[PASSWORD_KV], user=bob",
    })
    void masksACasTicket(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A CAS ticket no key names, as the CAS server logs one it granted at INFO on every login. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<Granted ticket [ST-8-tNma6wiRM7YQvIPev4jP2sqQ9Fk-cas01] for service [https://app/cas] and principal [bob]> | "
            + "<Granted ticket [[PASSWORD_KV]] for service [https://app/cas] and principal [bob]>",
        "Granted ticket [ST-35-Mf1v9Z2qVVVKlWeTgyc-Hlzh2xY-cas01] for service | Granted ticket [[PASSWORD_KV]] for service",
        "WHAT: TGT-1-kLmN0pQr8StUvWxYz2AbCdEf-cas01.example.org | WHAT: [PASSWORD_KV]",
        "Created PGT-3-aB9cD8eF7gH6iJ5kL4mN3-cas for the proxy | Created [PASSWORD_KV] for the proxy",
    })
    void masksACasTicketNoKeyNames(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WHAT: TGT-1-********************a1b2c3d4-cas01", "Fixed ST-1234-fix-login-bug",
        "see PT-100-abc", "ST-1-OPEN", "MST-1-hGkq9LzR4tB8nWc3YdF6-cas01", "ST-x-hGkq9LzR4tB8nWc3YdF6-cas01"})
    void leavesWordsShapedLikeACasTicketAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ticket=JIRA-1234 status=ST-1-OPEN", "part=PT-42-ABCDEFGHIJKLMNOPQRS", // capitals alone: a name
        "ticket=ST-1-short-cas01", "ticket=ST-x-hGkq9LzR4tB8nWc3YdF6-cas01", // no counter
        "ticket=XT-1-hGkq9LzR4tB8nWc3YdF6-cas01",
    })
    void leavesValuesThatAreNoCasTicketAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Established session 0x14f05578bf60001 with negotiated timeout 10000", // ZooKeeper's, a hex number
        "session opened for user root by (uid=0)", "Session: 30546173_4261722401 initialized by client",
        "session 42 closed", "sessions 8F3A2B1C9D4E5F60718293A4B5C6D7E8", "session MySessionFactoryBean2024 ready",
    })
    void leavesWhatFollowsSessionAloneWhenItReadsAsNoCredential(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Tomcat's Parameters at INFO, a parameter it could not decode: the name and the value each in brackets. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Character decoding failed. Parameter [password] with value [hunter2%Secret9] has been ignored. Note that"
            + " | Character decoding failed. Parameter [password] with value [[PASSWORD_KV]] has been ignored. Note that",
        "Parameter [pwd] with value [a%zz] has been ignored. | Parameter [pwd] with value [[PASSWORD_KV]] has been ignored.",
        "Parameter [page] with value [2%] has been ignored. | Parameter [page] with value [2%] has been ignored.",
        "Parameter [password] with value [] has been ignored. | Parameter [password] with value [] has been ignored.",
        // a name with the word after a '_', found from the '_'
        "Parameter [new_password] with value [Hunter2%Secret!] has been ignored."
            + " | Parameter [new_password] with value [[PASSWORD_KV]] has been ignored.",
        "Parameter [user_pass] with value [x%zz] has been ignored."
            + " | Parameter [user_pass] with value [[PASSWORD_KV]] has been ignored.",
        "Parameter [user_passport] with value [AB%12] has been ignored."
            + " | Parameter [user_passport] with value [AB%12] has been ignored.",
    })
    void masksTheValueOfASecretParameterTomcatCouldNotDecode(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A session's id after a key named for it, as Spring's request log and Tomcat's request dumper write it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Before request [POST /api/login, client=10.0.0.5, session=8F3A2B1C9D4E5F60718293A4B5C6D7E8, user=bob]"
            + " | Before request [POST /api/login, client=10.0.0.5, session=[PASSWORD_KV], user=bob]",
        "http-nio-8080-exec-3 requestedSessionId=8F3A2B1C9D4E5F60718293A4B5C6D7E8"
            + " | http-nio-8080-exec-3 requestedSessionId=[PASSWORD_KV]",
        "WebAuthenticationDetails@fffe9938: RemoteIpAddress: 10.0.0.5; SessionId: 8F3A2B1C9D4E5F60718293A4B5C6D7E8; x"
            + " | WebAuthenticationDetails@fffe9938: RemoteIpAddress: 10.0.0.5; SessionId: [PASSWORD_KV]; x",
        "GET /v1/users?session_id=8F3A2B1C9D4E5F60718293A4B5C6D7E8&x=1 | GET /v1/users?session_id=[PASSWORD_KV]&x=1",
        "Session establishment complete, sessionid = 0x100007e5a3c0000, negotiated timeout = 40000"
            + " | Session establishment complete, sessionid = 0x100007e5a3c0000, negotiated timeout = 40000",
        "sessions=3 session=12 sessionId=abc | sessions=3 session=12 sessionId=abc",
        // Spring Security's remember-me cookie and Shiro's, in Jetty's parser log: padding or none.
        "parsedHeader(null) header=Set-Cookie,"
            + " valueString=[remember-me=Ym9iOjE3NjcyMjU2MDAwMDA6ODlkZDdhODhi=; Max-Age=1209600]"
            + " | parsedHeader(null) header=Set-Cookie, valueString=[remember-me=[PASSWORD_KV]; Max-Age=1209600]",
        "request cookies: rememberMe=Ym9iOjE3NjcyMjU2MDAwMDA6ODlk, theme=dark | request cookies:"
            + " rememberMe=[PASSWORD_KV], theme=dark",
        "login form: username=bob&remember-me=on, rememberMe=true | login form:"
            + " username=bob&remember-me=on, rememberMe=true",
        // Jetty's session id, the worker that made it after a '.': sessionId=node0<id>.node0.
        "sessionId=node01q8x3k2m9v7c1yzh5w0t6r4p2n.node0, user=bob | sessionId=[PASSWORD_KV], user=bob",
        "session=node0.node0 | session=node0.node0",
    })
    void masksASessionsIdAfterAKeyNamedForIt(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** With ip_address on, the address before it is a marker: the session's id is still found by its key. */
    @Test
    void masksTheSessionIdOfWebAuthenticationDetailsWhenTheAddressIsMaskedToo() {
        Masker all = Masker.builder().detectors(BuiltInDetector.configNames().split(", ")).build();
        assertEquals("Details=WebAuthenticationDetails [RemoteIpAddress=[IP_ADDRESS], SessionId=[PASSWORD_KV]], x",
                all.mask("Details=WebAuthenticationDetails [RemoteIpAddress=10.0.0.5, "
                        + "SessionId=E3F9D52FE2FD88850E4CCD7BE241DFA9], x"));
    }

    /** OAuth's authorization code under the plain key "code", in a message that is a token request. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "Writing [{grant_type=[authorization_code], code=[SplxlOBeZQQYbYS6WxSbIA], redirect_uri=[https://a.example/cb]}]"
            + " => Writing [{grant_type=[authorization_code], code=[[PASSWORD_KV]], redirect_uri=[https://a.example/cb]}]",
        "code=4%2F0AfJohXnLQ8vZk2Tq7Rm9Pw3Ys6Uc1Vb&grant_type=authorization_code"
            + " => code=[PASSWORD_KV]&grant_type=authorization_code",
        "#OidcCredentials# | code: SplxlOBeZQQYbYS6WxSbIA | x => #OidcCredentials# | code: [PASSWORD_KV] | x",
        "error code=400 redirect_uri mismatch => error code=400 redirect_uri mismatch",
        "code=E_TIMEOUT_42 after 3 tries => code=E_TIMEOUT_42 after 3 tries", // no grant in the message
        "grant_type=authorization_code, zipcode=SW1A1AA2BX => grant_type=authorization_code, zipcode=SW1A1AA2BX",
        // Spring's DispatcherServlet with log-request-details: the callback URL's code, then its parameters.
        "GET \"/authorized?code=5VhsLsO8oGc1g4B9RSJKC3TW&state=st-4f1a9c\", parameters={code:[5VhsLsO8oGc1g4B9RSJKC3TW],"
            + " state:[st-4f1a9c]} => GET \"/authorized?code=[PASSWORD_KV]&state=st-4f1a9c\","
            + " parameters={code:[[PASSWORD_KV]],"
            + " state:[st-4f1a9c]}",
        "GET \"/orders?status=open\", parameters={status:[open], code:[ERR_TIMEOUT_42]}"
            + " => GET \"/orders?status=open\", parameters={status:[open], code:[ERR_TIMEOUT_42]}",
    })
    void masksAnAuthorizationCodeInATokenRequest(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }
}
