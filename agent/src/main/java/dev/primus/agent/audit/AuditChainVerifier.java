package dev.primus.agent.audit;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the hash chain of an audit file: every line's {@code hash} matches its content, and
 * every line's {@code prev} is the hash of the line before it. The first line's {@code prev}
 * is taken as given, since a rotated file continues the chain of the file before it.
 *
 * <p>Given keys, keyed lines are checked with the key their {@code key_id} names, and from the
 * first keyed line on every line must be keyed: a plain SHA-256 line after it was written by
 * someone without the key. Given the chain heads a remote sink received, each must be the hash of
 * some line of the file: one that is not shows the file's tail was cut or rewritten.
 */
public final class AuditChainVerifier {
    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final Pattern PREV_SUFFIX = Pattern.compile(",\"prev\":\"([0-9a-f]{64})\"(?:,\"key_id\":\"([0-9a-f]{8})\")?}$");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern HEAD_HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
    private static final Pattern DETAILS = Pattern.compile("\"details\":\\{.*$");
    private static final Pattern HEAD_SEQ = Pattern.compile("\"details\":\\{[^}]*\"seq\":\"(\\d+)\"");

    private final Map<String, HashChain> keys = new HashMap<String, HashChain>();
    private final List<String[]> heads = new ArrayList<String[]>();

    /** A verifier for unkeyed chains, to which keys and remote heads can be added. */
    public AuditChainVerifier() {
    }

    /** A key the file's keyed lines may name. */
    public AuditChainVerifier key(byte[] key) {
        HashChain chain = new HashChain(HashChain.GENESIS, key);
        keys.put(chain.keyId(), chain);
        return this;
    }

    /**
     * The chain heads a remote sink received: {@code chain_head} events, one JSON object per line
     * (as exported from the stream or the collector); other lines are skipped.
     */
    public AuditChainVerifier headsFrom(File events) throws IOException {
        try (BufferedReader reader = reader(events)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.contains("\"reason\":\"chain_head\"")) {
                    continue;
                }
                Matcher details = DETAILS.matcher(line);
                Matcher hash = details.find() ? HEAD_HASH.matcher(details.group()) : null;
                Matcher seq = HEAD_SEQ.matcher(line);
                if (hash != null && hash.find()) {
                    heads.add(new String[] {hash.group(1), seq.find() ? seq.group(1) : "?"});
                }
            }
        }
        return this;
    }

    /** The first problem found, as {@code FILE:LINE: what is wrong}, or null when the chain is intact. */
    public static String firstProblem(File file) throws IOException {
        return new AuditChainVerifier().check(file);
    }

    /** The first problem found in {@code file}, or null when the chain, the keys and the heads all hold. */
    public String check(File file) throws IOException {
        return check(java.util.Collections.singletonList(file));
    }

    /**
     * The first problem found in {@code files}, read as one chain in the order given (oldest
     * first: {@code audit.jsonl.2 audit.jsonl.1 audit.jsonl}), or null when it holds.
     */
    public String check(List<File> files) throws IOException {
        HashChain plain = new HashChain(HashChain.GENESIS);
        Set<String> hashes = new HashSet<String>();
        String lastSeq = "?";
        String previousHash = null;
        String firstKeyed = null;
        File last = null;
        File previousFile = null;
        for (File file : files) {
            previousFile = last;
            last = file;
            try (BufferedReader reader = reader(file)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    Matcher hash = HASH_SUFFIX.matcher(line);
                    if (!hash.find()) {
                        return file + ":" + number + ": the line has no hash; it was added or edited outside the agent";
                    }
                    String withoutHash = line.substring(0, hash.start()) + "}";
                    Matcher prev = PREV_SUFFIX.matcher(withoutHash);
                    if (!prev.find()) {
                        return file + ":" + number + ": the line has no prev; it was edited outside the agent";
                    }
                    String keyId = prev.group(2);
                    HashChain hashing = plain;
                    if (keyId != null) {
                        hashing = keys.get(keyId);
                        if (hashing == null) {
                            return file + ":" + number + ": the line is keyed with key_id " + keyId + (keys.isEmpty()
                                    ? "; give its key with --key FILE to check it" : ", which none of the keys given has");
                        }
                        firstKeyed = firstKeyed == null ? file + ":" + number : firstKeyed;
                    } else if (firstKeyed != null) {
                        return file + ":" + number + ": the line has a plain SHA-256 hash after keyed lines (from "
                                + firstKeyed + "): it was written by someone without the key";
                    }
                    if (!hashing.hashOf(withoutHash).equals(hash.group(1))) {
                        return file + ":" + number + ": the hash does not match the line; the line was changed";
                    }
                    if (previousHash != null && !previousHash.equals(prev.group(1))) {
                        return file + ":" + number + ": prev is not the hash of "
                                + (number > 1 ? "line " + (number - 1) : "the last line of " + previousFile)
                                + "; a line was removed, inserted or reordered before this one";
                    }
                    previousHash = hash.group(1);
                    hashes.add(previousHash);
                    Matcher seq = SEQ.matcher(line);
                    lastSeq = seq.find() ? seq.group(1) : lastSeq;
                }
            }
        }
        if (!keys.isEmpty() && firstKeyed == null && previousHash != null) {
            return last + ": no line is keyed with the keys given: the whole chain was written without them";
        }
        for (String[] head : heads) {
            if (!hashes.contains(head[0])) {
                return last + ": the chain head a remote sink received at seq " + head[1] + " (hash " + head[0].substring(0, 12)
                        + "...) is no line of this chain, which ends at seq " + lastSeq + gap(head[1], lastSeq)
                        + ": its tail was cut or rewritten";
            }
        }
        return null;
    }

    private static String gap(String headSeq, String lastSeq) {
        try {
            long missing = Long.parseLong(headSeq) - Long.parseLong(lastSeq);
            return missing > 0 ? " (" + missing + " event" + (missing == 1 ? "" : "s") + " short of it)" : "";
        } catch (NumberFormatException unknown) {
            return "";
        }
    }

    private static BufferedReader reader(File file) throws IOException {
        return new BufferedReader(new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8));
    }

    /** How many lines the file has, for the success message. */
    public static int lineCount(File file) throws IOException {
        int lines = 0;
        try (BufferedReader reader = reader(file)) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }
}
