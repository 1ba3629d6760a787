package dev.primus.agent.ratelimit;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a Redis is and how to log in: {@code redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]}.
 * The URL may carry a password, so neither it nor any message here ever shows the userinfo.
 */
public final class RedisEndpoint {
    static final int DEFAULT_PORT = 6379;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int db;

    private RedisEndpoint(String host, int port, String user, String password, int db) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.db = db;
    }

    /** @throws IllegalArgumentException saying what is wrong, without the URL itself */
    public static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redis_url is not a valid URL (not shown: it may hold a password); write "
                    + "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], percent-encoding special characters in the password");
        }
        if ("rediss".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("rediss:// (TLS) is not available in this version; use redis:// to a Redis "
                    + "on loopback or a trusted network, or a local TLS tunnel");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("redis_url must start with redis://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("redis_url names no host that can be read; write redis://HOST:PORT/DB "
                    + "(host names cannot contain '_')");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("redis_url takes no ?query or #fragment; write the password as "
                    + "redis://:PASSWORD@HOST and the database as /DB");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("redis_url userinfo needs a colon: redis://:PASSWORD@HOST, or "
                        + "redis://USER:PASSWORD@HOST for an ACL user");
            }
            user = colon == 0 ? null : userInfo.substring(0, colon);
            password = userInfo.substring(colon + 1);
        }
        return new RedisEndpoint(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), user, password, db(uri.getPath()));
    }

    private static int db(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        String digits = path.substring(1);
        if (digits.isEmpty() || digits.length() > 5 || !digits.matches("[0-9]+")) {
            throw new IllegalArgumentException("redis_url path must be the database number, as in redis://HOST:6379/0, "
                    + "not " + path);
        }
        return Integer.parseInt(digits);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The ACL user, or null for {@code AUTH PASSWORD} (the default user). */
    String user() {
        return user;
    }

    /** Null when the URL has none: no AUTH is sent. */
    String password() {
        return password;
    }

    public int db() {
        return db;
    }

    /** For messages: {@code redis 127.0.0.1:6379/0}, never the userinfo. */
    @Override
    public String toString() {
        return "redis " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + db;
    }
}
