package dev.primus.agent.audit;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the hash chain of an audit file: every line's {@code hash} matches its content, and
 * every line's {@code prev} is the hash of the line before it. The first line's {@code prev}
 * is taken as given, since a rotated file continues the chain of the file before it.
 */
public final class AuditChainVerifier {
    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final Pattern PREV_SUFFIX = Pattern.compile(",\"prev\":\"([0-9a-f]{64})\"}$");

    private AuditChainVerifier() {
    }

    /** The first problem found, as {@code FILE:LINE: what is wrong}, or null when the chain is intact. */
    public static String firstProblem(File file) throws IOException {
        HashChain hashing = new HashChain(HashChain.GENESIS);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(file),
                StandardCharsets.UTF_8))) {
            String previousHash = null;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                Matcher hash = HASH_SUFFIX.matcher(line);
                if (!hash.find()) {
                    return file + ":" + number + ": the line has no hash; it was added or edited outside the agent";
                }
                String withoutHash = line.substring(0, hash.start()) + "}";
                if (!hashing.hashOf(withoutHash).equals(hash.group(1))) {
                    return file + ":" + number + ": the hash does not match the line; the line was changed";
                }
                Matcher prev = PREV_SUFFIX.matcher(withoutHash);
                if (!prev.find()) {
                    return file + ":" + number + ": the line has no prev; it was edited outside the agent";
                }
                if (previousHash != null && !previousHash.equals(prev.group(1))) {
                    return file + ":" + number + ": prev is not the hash of line " + (number - 1)
                            + "; a line was removed, inserted or reordered before this one";
                }
                previousHash = hash.group(1);
            }
            return null;
        }
    }

    /** How many lines the file has, for the success message. */
    public static int lineCount(File file) throws IOException {
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(file),
                StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }
}
