package dev.primus.agent.masking;

import java.util.Random;

/** Random digit strings and the small edits that check digits exist to catch, from a seeded Random. */
final class RandomInputs {
    private RandomInputs() {
    }

    static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** One char replaced by a different digit. */
    static String oneDigitChanged(Random random, String text) {
        int at = random.nextInt(text.length());
        char changed = (char) ('0' + (text.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
        return text.substring(0, at) + changed + text.substring(at + 1);
    }

    /** Two neighbouring chars swapped (which changes nothing when they are equal). */
    static String neighboursSwapped(Random random, String text) {
        int at = random.nextInt(text.length() - 1);
        return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }

    /** As is, or in groups of four joined by spaces or by dashes, one way in three each. */
    static String groupedInFours(Random random, String text) {
        int way = random.nextInt(3);
        if (way == 0) {
            return text;
        }
        String separator = way == 1 ? " " : "-";
        StringBuilder grouped = new StringBuilder(text.length() + text.length() / 4);
        for (int i = 0; i < text.length(); i += 4) {
            grouped.append(i == 0 ? "" : separator).append(text, i, Math.min(i + 4, text.length()));
        }
        return grouped.toString();
    }
}
