package dev.primus.agent.masking;

/**
 * For password_kv: the password in an Oracle thin-driver URL, which gives it as
 * {@code user/password@} after the driver's name rather than as a URL's user info
 * ({@code jdbc:oracle:thin:scott/tiger@//db:1521/ORCL}, {@code jdbc:oracle:thin:scott/tiger@db:1521:ORCL}).
 * Found from the ':' after {@code thin}. A URL with no user ({@code jdbc:oracle:thin:@//db:1521/ORCL})
 * has nothing to mask. The same {@code user/password} is SQL*Plus's login argument, as a job's
 * or a script's command line is logged ({@code sqlplus -s scott/tiger@ORCL @report.sql}): found
 * from the command's 's'. Its {@code / as sysdba} has no password.
 */
final class OracleConnectStrings {
    private static final String DRIVER = "oracle:thin";
    private static final int MAX_PART = 128;
    private static final String SQLPLUS = "sqlplus";

    private OracleConnectStrings() {
    }

    /** {@code at} is a ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        int driver = at - DRIVER.length();
        if (driver < from || !TextSearch.startsWithIgnoreCase(s, driver, at, DRIVER)) {
            return Match.NONE;
        }
        int slash = at + 1;
        while (slash < end && slash - at <= MAX_PART && isUserChar(s.charAt(slash))) {
            slash++;
        }
        if (slash == at + 1 || slash >= end || s.charAt(slash) != '/') {
            return Match.NONE;
        }
        int start = slash + 1;
        int stop = start;
        while (stop < end && stop - start <= MAX_PART && s.charAt(stop) != '@' && !isBreak(s.charAt(stop))) {
            stop++;
        }
        return stop == start || stop >= end || s.charAt(stop) != '@' ? Match.NONE : Match.of(start, stop);
    }

    /** {@code at} is an 's' at a word start. */
    static long afterSqlPlus(CharSequence s, int at, int end) {
        int i = at + SQLPLUS.length();
        if (i >= end || !TextSearch.startsWithIgnoreCase(s, at, end, SQLPLUS) || s.charAt(i) != ' ') {
            return Match.NONE;
        }
        // Its options (-s, -L, -silent) stand before the login.
        while (i < end && s.charAt(i) == ' ') {
            i++;
            if (i < end && s.charAt(i) == '-') {
                while (i < end && s.charAt(i) != ' ') {
                    i++;
                }
            }
        }
        if (i < end && s.charAt(i) == '"') {
            i++;
        }
        int slash = i;
        while (slash < end && slash - i <= MAX_PART && isUserChar(s.charAt(slash)) && s.charAt(slash) != '"') {
            slash++;
        }
        if (slash == i || slash >= end || s.charAt(slash) != '/') {
            return Match.NONE;
        }
        int start = slash + 1;
        int stop = start;
        while (stop < end && stop - start <= MAX_PART && s.charAt(stop) != '@' && !isBreak(s.charAt(stop))) {
            stop++;
        }
        return stop == start ? Match.NONE : Match.of(start, stop);
    }

    private static boolean isUserChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '$' || c == '#' || c == '"';
    }

    private static boolean isBreak(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '"';
    }
}
