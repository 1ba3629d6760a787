package dev.primus.agent.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedisEndpointTest {
    @Test
    void readsHostPortAndDatabase() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://10.0.0.7:6380/3");
        assertEquals("10.0.0.7", endpoint.host());
        assertEquals(6380, endpoint.port());
        assertEquals(3, endpoint.db());
        assertNull(endpoint.password());
    }

    @Test
    void defaultsToPort6379AndDatabase0() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1");
        assertEquals(6379, endpoint.port());
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
    }

    @Test
    void readsAnIpv6Literal() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://[::1]:6379");
        assertEquals("::1", endpoint.host());
        assertEquals("redis [::1]:6379/0", endpoint.toString());
    }

    @Test
    void neverShowsTheUserinfo() {
        assertEquals("redis 127.0.0.1:6379/2", RedisEndpoint.parse("redis://orders:s3cret@127.0.0.1:6379/2").toString());
    }

    @Test
    void refusesTlsNamingWhatToDoInstead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("rediss://:s3cret@127.0.0.1:6379"));
        assertEquals("rediss:// (TLS) is not available in this version; use redis:// to a Redis on loopback or a "
                + "trusted network, or a local TLS tunnel", e.getMessage());
    }

    @Test
    void refusesAnotherScheme() {
        assertEquals("redis_url must start with redis://",
                assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("http://127.0.0.1:6379")).getMessage());
    }

    @Test
    void refusesUserinfoWithoutAColonRatherThanGuessWhetherItIsAPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("redis://s3cret@127.0.0.1"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void refusesAPathThatIsNotADatabaseNumber() {
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("redis://127.0.0.1:6379/orders"));
    }

    @Test
    void refusesAQueryThatMightHoldAPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("redis://127.0.0.1:6379?password=s3cret"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void anUnreadableUrlIsNotEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("redis://:pa ss word@127.0.0.1"));
        assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
    }
}
