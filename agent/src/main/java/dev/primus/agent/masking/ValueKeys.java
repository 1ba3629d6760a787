package dev.primus.agent.masking;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a key names what its value is, for the detectors that need a key or keyword to see a
 * value ({@link Masker#maskValueOf}): a password_kv key, an AWS secret key's, an Azure storage
 * key's or an SAS signature's name, or a word that names a phone, SSN or Aadhaar number; each
 * detector's own names. Every MDC entry of every log event asks, and an app's keys are few and
 * constant: each answer is kept, so a key is judged once, and a lookup allocates nothing.
 * Thread-safe.
 */
final class ValueKeys {
    /** More keys than any app's MDC has: past it the answers are dropped and judged again. */
    private static final int MAX_KEPT = 1024;

    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<String, Boolean>();

    boolean namesItsValue(String key) {
        Boolean answer = answers.get(key);
        if (answer == null) {
            if (answers.size() >= MAX_KEPT) {
                answers.clear();
            }
            answer = judge(key);
            answers.put(key, answer);
        }
        return answer;
    }

    private static boolean judge(String key) {
        int end = key.length();
        if (end == 0) {
            return false;
        }
        if (PasswordValues.isKey(key, 0, end)) {
            return true;
        }
        if (AwsSecretKeys.namesASecretKey(key, 0, end) || AzureStorageKeys.named(key, 0, end)
                || AzureSasSignatures.isName(key)) {
            return true;
        }
        return KeywordBefore.names(key, 0, end, KeywordBefore.PHONE) || KeywordBefore.names(key, 0, end, KeywordBefore.SSN)
                || KeywordBefore.names(key, 0, end, KeywordBefore.AADHAAR);
    }
}
