package dev.primus.agent.masking;

/**
 * url_credentials: a Telegram bot's token in the path of a Bot API URL, where the token is the
 * credential: {@code https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe},
 * or the request line an HTTP client logs without scheme or host
 * ({@code GET /bot123456789:AAH.../sendMessage HTTP/1.1}), and the file path of a download
 * ({@code /file/bot123456789:AAH.../photos/file_1.jpg}). A token is the bot's numeric id, a ':',
 * and a secret of {@code [A-Za-z0-9_-]} that starts with 'A': 35 chars as the public gitleaks rule
 * has it, 34 in the token of Telegram's own documentation; 30 to 40 are taken. Only the secret is
 * masked: the bot's id stays, so the line still says which bot called. Written alone, only in the
 * shape BotFather issues now ({@link #isBareToken}).
 */
final class TelegramBotPaths {
    private static final String BOT = "/bot";
    private static final int MIN_ID = 5;
    private static final int MAX_ID = 16;
    private static final int MIN_SECRET = 30;
    private static final int MAX_SECRET = 40;
    private static final int MIN_BARE_ID = 8;
    private static final int MAX_BARE_ID = 10;
    private static final int BARE_SECRET = 35;

    private TelegramBotPaths() {
    }

    /** {@code at} is a ':' followed by an 'A'. */
    static long match(CharSequence s, int from, int at, int end) {
        int id = at;
        while (id > from && at - id <= MAX_ID && CharClass.isDigit(s.charAt(id - 1))) {
            id--;
        }
        int digits = at - id;
        if (digits < MIN_ID || digits > MAX_ID) {
            return Match.NONE;
        }
        int secretEnd = CharClass.base64UrlRunEnd(s, at + 1, end, MAX_SECRET);
        int length = secretEnd - (at + 1);
        if (id - BOT.length() >= from && TextSearch.startsWith(s, id - BOT.length(), at, BOT)) {
            return length < MIN_SECRET || length > MAX_SECRET ? Match.NONE : Match.of(at + 1, secretEnd);
        }
        return isBareToken(s, from, id, at, secretEnd, end) ? Match.of(at + 1, secretEnd) : Match.NONE;
    }

    /**
     * A token written alone ({@code Starting bot 5463567634:AADnNXT3...}): the shape every token
     * BotFather issues now, an id of {@link #MIN_BARE_ID} to {@link #MAX_BARE_ID} digits, a ':',
     * and exactly {@link #BARE_SECRET} chars starting "AA", a word of its own.
     */
    private static boolean isBareToken(CharSequence s, int from, int id, int at, int secretEnd, int end) {
        int digits = at - id;
        return digits >= MIN_BARE_ID && digits <= MAX_BARE_ID && secretEnd - (at + 1) == BARE_SECRET
                && s.charAt(at + 2) == 'A' && (id == from || !CharClass.isWord(s.charAt(id - 1)))
                && (secretEnd == end || !CharClass.isWord(s.charAt(secretEnd)));
    }
}
