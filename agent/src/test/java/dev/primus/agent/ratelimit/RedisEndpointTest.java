package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.ratelimit.RedisEndpoint.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {
    private static String refusal(String url) {
        String message = assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url)).getMessage();
        assertFalse(message.contains("s3cret"), message);
        return message;
    }

    private static List<String> addresses(RedisEndpoint endpoint) {
        return endpoint.addresses().stream().map(RedisAddress::toString).toList();
    }

    // --- redis:// and rediss://: one server

    @Test
    void readsHostPortAndDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://10.0.0.7:6380/3");
        assertEquals(Topology.SERVER, endpoint.topology());
        assertEquals(List.of("10.0.0.7:6380"), addresses(endpoint));
        assertEquals(3, endpoint.db());
        assertNull(endpoint.password());
        assertFalse(endpoint.tls());
    }

    @Test
    void defaultsToPort6379AndDatabase0() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1");
        assertEquals(List.of("127.0.0.1:6379"), addresses(endpoint));
        assertEquals(0, endpoint.db());
        assertEquals(0, RedisEndpoint.parse("redis://127.0.0.1:6379/").db());
    }

    @Test
    void readsUserAndPassword() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://orders:s3cret@127.0.0.1:6379/0");
        assertEquals("orders", endpoint.user());
        assertEquals("s3cret", endpoint.password());
    }

    @Test
    void readsAPasswordWithoutAUser() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@127.0.0.1");
        assertNull(endpoint.user());
        assertEquals("s3cret", endpoint.password());
    }

    @Test
    void decodesAPercentEncodedPassword() {
        assertEquals("p@ss/w:rd", RedisEndpoint.parse("redis://:p%40ss%2Fw%3Ard@127.0.0.1").password());
        assertEquals("a+b", RedisEndpoint.parse("redis://:a+b@127.0.0.1").password(), "a plus is a plus, not a space");
        assertEquals("pässword", RedisEndpoint.parse("redis://:p%C3%A4ssword@127.0.0.1").password());
    }

    @Test
    void anEncodedColonInTheUserStaysInTheUser() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://a%3Ab:s3cret@127.0.0.1");
        assertEquals("a:b", endpoint.user());
        assertEquals("s3cret", endpoint.password());
    }

    @Test
    void readsAPasswordWithARawAtSign() {
        assertEquals("p@ss", RedisEndpoint.parse("redis://:p@ss@127.0.0.1").password());
    }

    @Test
    void readsAnIpv6Literal() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://[::1]:6379");
        assertEquals("::1", endpoint.addresses().get(0).host());
        assertEquals("redis [::1]:6379/0", endpoint.toString());
    }

    @Test
    void readsAHostName() {
        assertEquals(List.of("redis-1.cache.internal:6379"), addresses(RedisEndpoint.parse("redis://redis-1.cache.internal")));
    }

    @Test
    void readsRedissAsTheSameServerOverTls() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://orders:s3cret@10.0.0.7:6380/2");
        assertTrue(endpoint.tls());
        assertEquals(Topology.SERVER, endpoint.topology());
        assertEquals(List.of("10.0.0.7:6380"), addresses(endpoint));
        assertEquals("s3cret", endpoint.password());
        assertEquals("rediss 10.0.0.7:6380/2", endpoint.toString());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertTrue(RedisEndpoint.parse("REDISS://127.0.0.1").tls());
    }

    @Test
    void neverShowsTheUserinfo() {
        assertEquals("redis 127.0.0.1:6379/2", RedisEndpoint.parse("redis://orders:s3cret@127.0.0.1:6379/2").toString());
    }

    // --- redis-sentinel://

    @Test
    void readsSentinelsInOrderTheMasterNameAndTheDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-sentinel://:s3cret@10.0.0.1:26380,10.0.0.2,[::1]:26381/orders/4");
        assertEquals(Topology.SENTINEL, endpoint.topology());
        assertEquals(List.of("10.0.0.1:26380", "10.0.0.2:26379", "[::1]:26381"), addresses(endpoint),
                "port 26379 by default");
        assertEquals("orders", endpoint.masterName());
        assertEquals(4, endpoint.db());
        assertEquals("s3cret", endpoint.password());
        assertFalse(endpoint.tls());
        assertEquals("redis-sentinel 10.0.0.1:26380,10.0.0.2:26379,[::1]:26381/orders/4", endpoint.toString());
    }

    @Test
    void aSentinelUrlWithoutADatabaseUsesDatabase0() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss-sentinel://10.0.0.1/mymaster");
        assertTrue(endpoint.tls());
        assertEquals(0, endpoint.db());
        assertEquals("rediss-sentinel 10.0.0.1:26379/mymaster/0", endpoint.toString());
    }

    @Test
    void aSentinelUrlNeedsTheMasterName() {
        String expected = "redis-sentinel:// needs the master's name as its path, the name of the sentinels' "
                + "`sentinel monitor` line: redis-sentinel://HOST:26379,HOST:26379/MASTER[/DB]";
        assertEquals(expected, refusal("redis-sentinel://:s3cret@10.0.0.1,10.0.0.2"));
        assertEquals(expected, refusal("redis-sentinel://:s3cret@10.0.0.1/"));
        assertEquals(expected, refusal("redis-sentinel://:s3cret@10.0.0.1/mymaster/0/extra"));
    }

    @Test
    void aSentinelUrlDatabaseIsANumber() {
        assertEquals("redis_url path after the master's name must be the database number, as in "
                + "redis-sentinel://HOST:26379/MASTER/0", refusal("redis-sentinel://10.0.0.1/mymaster/s3cret"));
    }

    // --- redis-cluster://

    @Test
    void readsClusterSeeds() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-cluster://orders:s3cret@10.0.0.1:7000,10.0.0.2:7001,10.0.0.3");
        assertEquals(Topology.CLUSTER, endpoint.topology());
        assertEquals(List.of("10.0.0.1:7000", "10.0.0.2:7001", "10.0.0.3:6379"), addresses(endpoint));
        assertEquals("orders", endpoint.user());
        assertEquals("redis-cluster 10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:6379", endpoint.toString());
        assertTrue(RedisEndpoint.parse("rediss-cluster://10.0.0.1").tls());
    }

    @Test
    void aClusterUrlTakesNoDatabaseButZero() {
        assertEquals(0, RedisEndpoint.parse("redis-cluster://10.0.0.1/0").db());
        assertEquals("Redis Cluster has only database 0; remove the path from redis-cluster://",
                refusal("redis-cluster://:s3cret@10.0.0.1/3"));
    }

    // --- refusals, none showing the password

    @Test
    void aPlainUrlNamesOneServer() {
        assertEquals("redis:// names one server; list sentinels with redis-sentinel://HOST:26379,HOST:26379/MASTER or "
                + "cluster nodes with redis-cluster://HOST,HOST", refusal("redis://:s3cret@10.0.0.1,10.0.0.2"));
    }

    @Test
    void refusesAnotherScheme() {
        assertEquals("redis_url must start with redis://, rediss://, redis-sentinel://, rediss-sentinel://, "
                + "redis-cluster:// or rediss-cluster://", refusal("http://127.0.0.1:6379"));
        refusal("127.0.0.1:6379");
    }

    @Test
    void refusesUserinfoWithoutAColonRatherThanGuessWhetherItIsAPassword() {
        refusal("redis://s3cret@127.0.0.1");
    }

    @Test
    void aPasswordWithoutAtSignIsNotShownAsAHost() {
        assertTrue(refusal("redis://:s3cret_").startsWith("redis_url names no host that can be read"));
        assertTrue(refusal("redis-cluster://10.0.0.1,s3cret_x").contains("(address 2 of the list)"));
    }

    @Test
    void refusesAPathThatIsNotADatabaseNumber() {
        refusal("redis://127.0.0.1:6379/orders");
    }

    @Test
    void refusesAQueryThatMightHoldAPassword() {
        refusal("redis://127.0.0.1:6379?password=s3cret");
        refusal("redis-sentinel://10.0.0.1/mymaster?password=s3cret");
    }

    @Test
    void anUnreadableUrlIsNotEchoed() {
        refusal("redis://:pa ss s3cret@127.0.0.1");
        refusal("redis://:s3cret%zz@127.0.0.1");
    }

    @Test
    void refusesABadPort() {
        assertEquals("redis_url has a port that is not a number from 1 to 65535 (address 2 of the list)",
                refusal("redis-cluster://:s3cret@10.0.0.1:7000,10.0.0.2:70000"));
        refusal("redis://:s3cret@10.0.0.1:");
        refusal("redis://:s3cret@10.0.0.1:0");
    }

    @Test
    void refusesAnEmptyAddressInTheList() {
        refusal("redis-cluster://:s3cret@10.0.0.1,,10.0.0.2");
        refusal("redis-cluster://:s3cret@10.0.0.1,");
        refusal("redis://:s3cret@");
    }

    @Test
    void anIpv6AddressNeedsBrackets() {
        assertEquals("redis_url has an address with several colons; write an IPv6 address in brackets, as in "
                + "redis://[::1]:6379", refusal("redis://::1:6379"));
        refusal("redis://[::1");
        refusal("redis://[s3cret]:6379");
    }
}
