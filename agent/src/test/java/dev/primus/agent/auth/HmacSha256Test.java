package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The keyed, per-thread Mac gives what a fresh one would, call after call and thread by thread. */
class HmacSha256Test {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesRfc4231TestCase2() {
        HmacSha256 hmac = new HmacSha256(utf8("Jefe"));
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        // Twice, and split in parts: the second call must not carry state over from the first.
        assertEquals(expected, HexFormat.of().formatHex(hmac.mac(utf8("what do ya want for nothing?"))));
        assertEquals(expected, HexFormat.of().formatHex(hmac.mac(utf8("what do ya "), utf8("want for nothing?"))));
    }

    @Test
    void eachThreadGetsTheHmacAFreshMacGives() throws Exception {
        String secret = "whsec_per-thread";
        HmacSha256 hmac = new HmacSha256(utf8(secret));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        byte[] body = new byte[random.nextInt(300)];
                        random.nextBytes(body);
                        assertArrayEquals(HmacSignatureVerifierTest.hmac(secret, body), hmac.mac(body));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
