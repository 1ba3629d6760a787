/**
 * The rate-limit engine: token buckets per key, in this JVM or in Redis. Plain Java over plain
 * values (a limit id, a key such as the tenant {@code acme}), no servlet types; the caller picks
 * the key by {@link dev.primus.agent.ratelimit.RateLimitKey} and answers a denial with 429 and
 * {@code Retry-After}. {@link dev.primus.agent.ratelimit.RateLimitSetup} binds
 * {@code auth.rate_limits}; each {@link dev.primus.agent.ratelimit.RateLimiter} answers a
 * {@link dev.primus.agent.ratelimit.RateLimitDecision}: allowed, denied with whole seconds until
 * one token is back (at least 1), or backend error.
 *
 * <p><b>Local buckets are bounded.</b> {@link dev.primus.agent.ratelimit.LocalRateLimiter} keeps
 * at most 100,000 keys (about 14 MB with IP-sized keys) in two generations: a key unused while half that many new
 * keys arrived is dropped with its generation, and starts again full. Spraying keys can thus make
 * the limiter lenient for the sprayer's forgotten keys, never grow the heap or deny anyone
 * wrongly. A bucket is a {@code synchronized} pair of fields: no allocation per request, and
 * only requests of one key contend.
 *
 * <p><b>Redis buckets are one Lua script.</b> Read, refill, take and write must be one step or
 * two instances would both spend the last token; a script is atomic in Redis without WATCH
 * retries, costs one round trip, and reads {@code redis.call('TIME')} so instances with skewed
 * clocks agree. It runs by {@code EVALSHA}, falling back to {@code EVAL} on {@code NOSCRIPT}
 * (Redis restarted or failed over). The hash {@code primus:rl:<limit id>:<key>} gets a
 * {@code PEXPIRE} of the time it takes to fill again, so idle keys vanish exactly when
 * forgetting them changes nothing.
 *
 * <p><b>The client is written here, on a socket.</b> RESP2 for a handful of commands, TLS from
 * the JDK's {@code SSLSocket}, sentinels and cluster slots in a few small classes, where Jedis
 * (with commons-pool2) or Lettuce (with Netty and Reactor) would add megabytes to a jar whose
 * size is budgeted. {@link dev.primus.agent.ratelimit.RedisEndpoint} reads the URL forms;
 * {@link dev.primus.agent.ratelimit.RedisClient} holds the breaker and hands each script to a
 * {@link dev.primus.agent.ratelimit.RedisTopology}, which picks the server:
 * <ul>
 * <li><b>TLS</b> ({@code rediss}, {@code rediss-sentinel}, {@code rediss-cluster}): every
 * connection, to sentinels and cluster nodes too, verifies the certificate against
 * {@code redis_ca_file} (else the JVM's trust store) and checks it names the host or IP
 * connected to, as HTTPS does: an IP in the URL (see below) needs an IP entry in the
 * certificate's subject alternative names, as does the IP a sentinel or the slot map names.
 * <li><b>Sentinel</b>: the sentinels, asked in order, name the master; each new connection
 * checks {@code ROLE}. The master is asked for again when it fails (connection lost or refused,
 * {@code ROLE} replica, {@code READONLY}), once, in the failing call. After a crash that finds
 * the promoted replica as soon as the sentinels have promoted it. After a manual
 * {@code SENTINEL FAILOVER} the old master takes writes until the sentinels demote it, at their
 * next {@code INFO} (up to 10 s): decisions in that window count on buckets the demotion then
 * discards, which can only let more through, never refuse wrongly.
 * <li><b>Cluster</b>: a script touches one key, so one slot, and runs on the master that owns
 * it by the slot map ({@code CLUSTER SLOTS}), following {@code MOVED} (read the map again) and
 * {@code ASK} ({@code ASKING}, once). The bucket keys are not hash-tagged: a tag only matters
 * for scripts with several keys, and changing the key names would reset every bucket on
 * upgrade, and give two buckets per key while old and new agents run side by side.
 * </ul>
 *
 * <p><b>Redis failing fails open.</b> A rate limit protects capacity, not identity: when Redis
 * is down or slow, refusing every request would turn a cache outage into a full outage of the
 * service. So connect and each reply wait at most 250 ms, the decision is
 * {@link dev.primus.agent.ratelimit.RateLimitDecision.Outcome#BACKEND_ERROR} (which allows, is
 * counted, and carries the cause for the audit event), and for the next second every call fails
 * at once without touching the network; then one caller probes with a fresh connection, and
 * success restores the service for all. A caller that must fail closed can refuse a backend
 * error. A host name in {@code redis_url} is resolved outside the 250 ms bound: use an IP. The
 * bound is per step: a call on a pooled connection is one reply, but a fresh connection adds
 * its connect, TLS handshake reads and login, and asking the sentinels adds theirs, each bounded
 * the same. Those happen on the first call, after a failure, and once a second during an
 * outage; never on a healthy pooled path.
 *
 * <p><b>No refill</b> ({@code refill_per_second: 0}) is a quota: denials answer
 * {@code Retry-After} of a day, the longest answered; Redis forgets such a bucket a day after its
 * last allowed request, the local limiter when it drops the key.
 */
package dev.primus.agent.ratelimit;
