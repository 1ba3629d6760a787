package dev.primus.agent.masking;

/**
 * For url_credentials: a user and password before an address with no scheme in front, as a client
 * writes the host it was handed, user info and all: Reactor Netty's
 * {@code Creating a new [http] client pool ... for [bob:S3cret@127.0.0.1/<unresolved>:8080]}, and
 * the {@code UnknownHostException} it throws, {@code Failed to resolve 'bob:S3cret@127.0.0.1'}.
 * Only where the host is an IPv4 address or {@code localhost}: before a name, a container image's
 * {@code nginx:1.25@sha256:…} and a key's e-mail address ({@code user:bob@example.com}) have the same
 * shape. Found from the '@'; only the password is masked. A URL with its scheme is
 * {@link UrlCredentials}'.
 */
final class SchemelessCredentials {
    private static final String LOCALHOST = "localhost";
    private static final int MAX_PASSWORD = 128;
    private static final int MAX_USER = 64;
    /** The most digits a password of digits alone may have and still read as a port ({@code db:5432@…}). */
    private static final int MAX_PORT_DIGITS = 5;
    /** Keys whose ':' a message puts before an address: the value is the address, not a password. */
    private static final String[] KEYS = {"user", "username", "login", "from", "to", "email", "mail", "mailto", "client",
        "remote", "host", "peer", "addr", "address", "sip", "xmpp", "principal"};

    private SchemelessCredentials() {
    }

    /** {@code at} is an '@'. */
    static long match(CharSequence s, int from, int at, int end) {
        int hostEnd = IpAddresses.ipv4End(s, at + 1, end);
        if (hostEnd < 0 && TextSearch.startsWith(s, at + 1, end, LOCALHOST)) {
            hostEnd = at + 1 + LOCALHOST.length();
        }
        if (hostEnd < 0 || hostEnd < end && !endsHost(s.charAt(hostEnd))) {
            return Match.NONE;
        }
        int colon = at - 1;
        while (colon > from && at - colon <= MAX_PASSWORD && isPasswordChar(s.charAt(colon))) {
            colon--;
        }
        if (colon <= from || s.charAt(colon) != ':' || colon == at - 1) {
            return Match.NONE;
        }
        int user = colon;
        while (user > from && colon - user < MAX_USER && isUserChar(s.charAt(user - 1))) {
            user--;
        }
        if (user == colon || user > from && !startsUser(s.charAt(user - 1))
                || TextSearch.isOneOfIgnoreCase(s, user, colon, KEYS)
                || at - colon - 1 <= MAX_PORT_DIGITS && CharClass.digits(s, colon + 1, at - colon - 1, at)
                || FrameworkValues.isOne(s, colon + 1, at) || isCamelCase(s, user, colon)) {
            // a port's digits; a password already hidden (Camel's path=[bob:xxxxxx@127.0.0.1…]); a thread's name
            // from code, the user after it (HDFS's [LeaseRenewer:root@localhost:39317])
            return Match.NONE;
        }
        return Match.of(colon + 1, at);
    }

    /** A capital, then a capital after a lower-case letter: a class's or thread's name, as no login is written. */
    private static boolean isCamelCase(CharSequence s, int start, int stop) {
        return CharClass.isUpper(s.charAt(start)) && CodeLabels.humps(s, start, stop) > 0;
    }

    private static boolean endsHost(char c) {
        return c == ':' || c == '/' || c == ']' || c == ')' || c == '\'' || c == '"' || c == ',' || c == ';'
                || Character.isWhitespace(c);
    }

    /** What may stand before the user: not a '/', which makes it a URL's (and {@link UrlCredentials}'). */
    private static boolean startsUser(char c) {
        return c == ' ' || c == '[' || c == '(' || c == '\'' || c == '"' || c == '<' || c == '=' || c == ',' || c == '\t';
    }

    private static boolean isUserChar(char c) {
        return CharClass.isAlnum(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean isPasswordChar(char c) {
        return c > ' ' && c != '@' && c != '/' && c != ':' && c != '\'' && c != '"' && c != '[' && c != ']' && c < 127;
    }
}
