package dev.primus.agent.ratelimit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where a Redis is and how to log in, read from {@code redis_url} in one of three shapes:
 * <ul>
 * <li>{@code redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]}: one server;
 * <li>{@code redis-sentinel://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...]/MASTER[/DB]}: the
 * sentinels (default port 26379) to ask, in order, for the master they call MASTER;
 * <li>{@code redis-cluster://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...]}: seeds of a Redis
 * Cluster, any of which tells the whole slot map.
 * </ul>
 * Each scheme with {@code rediss} in place of {@code redis} speaks TLS to every server it reaches.
 * The scheme names are Lettuce's; the sentinel shape, hosts separated by commas and then
 * {@code /MASTER[/DB]}, is the {@code redis+sentinel://} convention of the Python clients
 * (Redis-Sentinel-Url, Prefect). Lettuce writes the master as {@code ?sentinelMasterId=}, but a
 * query is refused here: it is where a password would be written by mistake.
 *
 * <p>Parsed by hand, not by {@link java.net.URI}, which cannot read a list of hosts with an
 * IPv6 literal in it. The URL may carry a password, so neither it nor any piece of it (a host
 * is a piece: a URL with a password and no {@code @} reads the password as the host) appears in
 * a message here; {@link #toString()} shows hosts, ports, master and database, never the
 * userinfo.
 */
public final class RedisEndpoint {
    static final int DEFAULT_PORT = 6379;
    static final int DEFAULT_SENTINEL_PORT = 26379;
    private static final String FORMS = "redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], "
            + "redis-sentinel://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...]/MASTER[/DB] or "
            + "redis-cluster://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...], with rediss for TLS";
    private static final String INVALID = "redis_url is not a valid URL (not shown: it may hold a password); write "
            + FORMS + ", percent-encoding special characters in the password";

    /** What the URL's hosts are. */
    enum Topology {
        /** One server. */
        SERVER,
        /** Sentinels, which name the master. */
        SENTINEL,
        /** Seeds of a Redis Cluster. */
        CLUSTER
    }

    private final String scheme;
    private final Topology topology;
    private final boolean tls;
    private final List<RedisAddress> addresses;
    private final String masterName;
    private final String user;
    private final String password;
    private final int db;

    private RedisEndpoint(String scheme, Topology topology, boolean tls, List<RedisAddress> addresses, String masterName,
                          String user, String password, int db) {
        this.scheme = scheme;
        this.topology = topology;
        this.tls = tls;
        this.addresses = Collections.unmodifiableList(addresses);
        this.masterName = masterName;
        this.user = user;
        this.password = password;
        this.db = db;
    }

    /** @throws IllegalArgumentException saying what is wrong, without the URL or any piece of it */
    public static RedisEndpoint parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("redis_url is empty; write " + FORMS);
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                throw new IllegalArgumentException(INVALID);
            }
        }
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd <= 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls = scheme.startsWith("rediss");
        Topology topology;
        if ("redis".equals(scheme) || "rediss".equals(scheme)) {
            topology = Topology.SERVER;
        } else if ("redis-sentinel".equals(scheme) || "rediss-sentinel".equals(scheme)) {
            topology = Topology.SENTINEL;
        } else if ("redis-cluster".equals(scheme) || "rediss-cluster".equals(scheme)) {
            topology = Topology.CLUSTER;
        } else {
            throw new IllegalArgumentException("redis_url must start with redis://, rediss://, redis-sentinel://, "
                    + "rediss-sentinel://, redis-cluster:// or rediss-cluster://");
        }
        String rest = url.substring(schemeEnd + 3);
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw new IllegalArgumentException("redis_url takes no ?query or #fragment; write the password as "
                    + "redis://:PASSWORD@HOST and the database as /DB");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);

        String user = null;
        String password = null;
        // The last @: hosts never hold one, so a password with a raw @ is still read whole.
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("redis_url userinfo needs a colon: redis://:PASSWORD@HOST, or "
                        + "redis://USER:PASSWORD@HOST for an ACL user");
            }
            user = colon == 0 ? null : decode(userInfo.substring(0, colon));
            password = decode(userInfo.substring(colon + 1));
            authority = authority.substring(at + 1);
        }
        int defaultPort = topology == Topology.SENTINEL ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
        List<RedisAddress> addresses = new ArrayList<RedisAddress>();
        for (String entry : authority.split(",", -1)) {
            addresses.add(address(entry, defaultPort, addresses.size() + 1));
        }
        if (topology == Topology.SERVER && addresses.size() > 1) {
            throw new IllegalArgumentException(scheme + ":// names one server; list sentinels with " + scheme
                    + "-sentinel://HOST:26379,HOST:26379/MASTER or cluster nodes with " + scheme + "-cluster://HOST,HOST");
        }
        String masterName = null;
        int db = 0;
        if (topology == Topology.SERVER) {
            db = db(path, "redis_url path must be the database number, as in " + scheme + "://HOST:6379/0");
        } else if (topology == Topology.SENTINEL) {
            String[] segments = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
            if (segments.length == 0 || segments[0].isEmpty() || segments.length > 2) {
                throw new IllegalArgumentException(scheme + ":// needs the master's name as its path, the name of the "
                        + "sentinels' `sentinel monitor` line: " + scheme + "://HOST:26379,HOST:26379/MASTER[/DB]");
            }
            masterName = decode(segments[0]);
            if (segments.length == 2) {
                db = db("/" + segments[1], "redis_url path after the master's name must be the database number, as in "
                        + scheme + "://HOST:26379/MASTER/0");
            }
        } else if (!path.isEmpty() && !"/".equals(path) && !"/0".equals(path)) {
            throw new IllegalArgumentException("Redis Cluster has only database 0; remove the path from " + scheme + "://");
        }
        return new RedisEndpoint(scheme, topology, tls, addresses, masterName, user, password, db);
    }

    /** One {@code HOST[:PORT]} of the list; {@code position} counts from 1, for messages. */
    private static RedisAddress address(String entry, int defaultPort, int position) {
        String where = position == 1 ? "" : " (address " + position + " of the list)";
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            host = close < 0 ? "" : entry.substring(1, close);
            if (close < 0 || !host.matches("[0-9A-Fa-f:.]+") || host.indexOf(':') < 0
                    || (close + 1 < entry.length() && entry.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("redis_url has an IPv6 address that cannot be read" + where
                        + "; write it in brackets, as in redis://[::1]:6379");
            }
            port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
        } else {
            int colon = entry.indexOf(':');
            if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("redis_url has an address with several colons" + where
                        + "; write an IPv6 address in brackets, as in redis://[::1]:6379");
            }
            host = colon < 0 ? entry : entry.substring(0, colon);
            port = colon < 0 ? null : entry.substring(colon + 1);
            if (!host.matches("[A-Za-z0-9.-]+")) {
                throw new IllegalArgumentException("redis_url names no host that can be read" + where
                        + "; write redis://HOST:PORT/DB, hosts separated by commas where a list is allowed "
                        + "(host names cannot contain '_')");
            }
        }
        if (port == null) {
            return new RedisAddress(host, defaultPort);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("redis_url has a port that is not a number from 1 to 65535" + where);
        }
        return new RedisAddress(host, Integer.parseInt(port));
    }

    private static int db(String path, String problem) {
        if (path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        String digits = path.substring(1);
        if (digits.isEmpty() || digits.length() > 5 || !digits.matches("[0-9]+")) {
            throw new IllegalArgumentException(problem);
        }
        return Integer.parseInt(digits);
    }

    /** Percent-decoding as UTF-8; {@code +} stays a plus, as in any URL outside a form. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException(INVALID);
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    Topology topology() {
        return topology;
    }

    /** True for the {@code rediss} schemes: every connection, to sentinels and cluster nodes too, is TLS. */
    boolean tls() {
        return tls;
    }

    /** The server, the sentinels in the order to ask them, or the cluster seeds. */
    List<RedisAddress> addresses() {
        return addresses;
    }

    /** The name the sentinels know the master by; null unless {@link Topology#SENTINEL}. */
    String masterName() {
        return masterName;
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

    /**
     * For messages, never the userinfo: {@code redis 127.0.0.1:6379/0},
     * {@code redis-sentinel 10.0.0.1:26379,10.0.0.2:26379/mymaster/0},
     * {@code rediss-cluster 10.0.0.1:6379,10.0.0.2:6379}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(scheme).append(' ');
        for (int i = 0; i < addresses.size(); i++) {
            text.append(i == 0 ? "" : ",").append(addresses.get(i));
        }
        if (topology == Topology.SENTINEL) {
            text.append('/').append(masterName);
        }
        if (topology != Topology.CLUSTER) {
            text.append('/').append(db);
        }
        return text.toString();
    }
}
