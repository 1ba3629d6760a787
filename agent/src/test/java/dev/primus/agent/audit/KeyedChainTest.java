package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed hash chain (HMAC-SHA256 under the operator's key) as the file sink writes it and as
 * verify-audit checks it: what someone who can write the file but has no key can and cannot do.
 * Each line's HMAC is also recomputed with BouncyCastle, an implementation we did not write.
 */
class KeyedChainTest {
    private static final byte[] KEY = "k3y-of-at-least-thirty-two-chars-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT_KEY = "another-key-for-the-rotation-0123456789abcd".getBytes(StandardCharsets.UTF_8);
    private static final Pattern HASH = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");

    @TempDir
    Path dir;

    private static List<String> openLines(int from, int count) {
        List<String> lines = new ArrayList<>();
        for (int seq = from; seq < from + count; seq++) {
            lines.add("{\"ts\":\"2026-12-03T10:00:00.000Z\",\"seq\":" + seq + ",\"type\":\"egress\",\"reason\":\"r" + seq + "\"");
        }
        return lines;
    }

    private File written(byte[] key, int lines) throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, true, key, 1000);
        sink.write(openLines(1, lines), 1);
        sink.close();
        return file;
    }

    private static String problem(File file, byte[]... keys) throws Exception {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (byte[] key : keys) {
            verifier.key(key);
        }
        return verifier.check(file);
    }

    @Test
    void everyLineCarriesTheKeysIdAndAnHmacThatAnIndependentImplementationAgreesWith() throws Exception {
        File file = written(KEY, 5);
        HMac reference = new HMac(new SHA256Digest());
        reference.init(new KeyParameter(KEY));
        for (String line : Files.readAllLines(file.toPath())) {
            assertTrue(line.contains(",\"key_id\":\"" + HashChain.keyIdOf(KEY) + "\",\"hash\":\""), line);
            Matcher hash = HASH.matcher(line);
            assertTrue(hash.find());
            byte[] withoutHash = (line.substring(0, hash.start()) + "}").getBytes(StandardCharsets.UTF_8);
            reference.update(withoutHash, 0, withoutHash.length);
            byte[] mac = new byte[32];
            reference.doFinal(mac, 0);
            assertEquals(Hex.toHexString(mac), hash.group(1));
        }
        assertNull(problem(file, KEY));
    }

    @Test
    void withoutTheKeyNoOneCanCheckOrForgeALine() throws Exception {
        File file = written(KEY, 5);
        assertTrue(problem(file).endsWith(":1: the line is keyed with key_id " + HashChain.keyIdOf(KEY)
                + "; give its key with --key FILE to check it"), problem(file));
        assertTrue(problem(file, NEXT_KEY).contains("which none of the keys given has"));

        // Someone who can write the file edits line 3 and chains it with SHA-256, as they can without the key.
        List<String> lines = Files.readAllLines(file.toPath());
        String edited = lines.get(2).replace("\"reason\":\"r3\"", "\"reason\":\"nothing happened\"");
        Matcher hash = HASH.matcher(edited);
        assertTrue(hash.find());
        String body = edited.substring(0, hash.start()).replaceFirst(",\"key_id\":\"[0-9a-f]{8}\"$", "") + "}";
        String forged = body.substring(0, body.length() - 1) + ",\"hash\":\"" + new HashChain(HashChain.GENESIS).hashOf(body) + "\"}";
        lines.set(2, forged);
        Files.write(file.toPath(), lines);
        assertEquals(file + ":3: the line has a plain SHA-256 hash after keyed lines (from " + file + ":1): "
                + "it was written by someone without the key", problem(file, KEY));

        // Or keeps the key_id and guesses: the HMAC does not match.
        lines.set(2, edited);
        Files.write(file.toPath(), lines);
        assertEquals(file + ":3: the hash does not match the line; the line was changed", problem(file, KEY));
    }

    @Test
    void aWholeFileRewrittenWithoutTheKeyIsRefusedWhenTheKeyIsGiven() throws Exception {
        File file = written(null, 4);
        assertNull(problem(file), "an unkeyed chain alone is intact");
        assertEquals(file + ": no line is keyed with the keys given: the whole chain was written without them",
                problem(file, KEY));
    }

    @Test
    void aRotatedKeyContinuesTheChainAndBothKeysCheckIt() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink first = new FileSink(file, 1 << 20, 3, true, KEY, 1000);
        first.write(openLines(1, 3), 1);
        first.close();
        FileSink rotated = new FileSink(file, 1 << 20, 3, true, NEXT_KEY, 1000);
        rotated.write(openLines(4, 3), 4);
        rotated.close();
        assertNull(problem(file, KEY, NEXT_KEY));
        assertNotNull(problem(file, KEY), "the new key's lines need the new key");
    }

    @Test
    void aTailCutAfterTheLastHeadSentOutIsFound() throws Exception {
        File file = dir.resolve("audit.jsonl").toFile();
        FileSink sink = new FileSink(file, 1 << 20, 3, true, KEY, 3);
        sink.write(openLines(1, 2), 1);
        assertNull(sink.chainHead(false), "no head before head_every lines");
        sink.write(openLines(3, 2), 3);
        AuditEvent head = sink.chainHead(false);
        assertNotNull(head);
        sink.close();
        String remote = "{\"ts\":\"2026-12-03T10:00:01.000Z\",\"seq\":5,\"type\":\"audit\",\"reason\":\"chain_head\","
                + "\"details\":{\"file\":\"" + file + "\",\"seq\":\"" + head.details().get("seq") + "\",\"hash\":\""
                + head.details().get("hash") + "\",\"key_id\":\"" + HashChain.keyIdOf(KEY) + "\"}}";
        Path heads = dir.resolve("heads.jsonl");
        Files.write(heads, List.of(remote));
        assertEquals("4", head.details().get("seq"));
        assertNull(new AuditChainVerifier().key(KEY).headsFrom(heads.toFile()).check(file));

        // The last two lines go: the chain left is intact, but the head sent out is no line of it.
        List<String> lines = Files.readAllLines(file.toPath());
        Files.write(file.toPath(), lines.subList(0, 2));
        assertNull(problem(file, KEY), "a cut tail leaves an intact chain");
        assertEquals(file + ": the chain head a remote sink received at seq 4 (hash " + head.details().get("hash").substring(0, 12)
                + "...) is no line of this chain, which ends at seq 2 (2 events short of it): its tail was cut or rewritten",
                new AuditChainVerifier().key(KEY).headsFrom(heads.toFile()).check(file));
    }
}
