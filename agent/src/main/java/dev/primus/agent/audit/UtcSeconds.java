package dev.primus.agent.audit;

/**
 * A second since the epoch as RFC 3339 in UTC up to the second, {@code 2026-12-03T12:00:00.},
 * by arithmetic on the proleptic Gregorian calendar (days to a civil date as in Howard Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms"). Not {@code SimpleDateFormat}: its first use
 * loads the JDK's calendar and locale data, 62 ms of a JVM's start on one CPU, which the audit
 * writer paid for its first event in every app that did not load them itself; nor
 * {@code java.time}, which Java 8's agent code could use but which loads a few dozen classes to
 * print six numbers.
 */
final class UtcSeconds {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01: the count starts on a March 1st, so that a leap day ends its year. */
    private static final long EPOCH_FROM_MARCH_ZERO = 719_468;
    private static final long DAYS_PER_ERA = 146_097;

    private UtcSeconds() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.} for years 0 to 9999; a longer year is written with its digits, no padding. */
    static String format(long epochSecond) {
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        long fromMarchZero = days + EPOCH_FROM_MARCH_ZERO;
        long era = Math.floorDiv(fromMarchZero, DAYS_PER_ERA);
        long dayOfEra = fromMarchZero - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / (DAYS_PER_ERA - 1)) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder text = new StringBuilder(20);
        if (year >= 0 && year < 1000) {
            text.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        text.append(year).append('-');
        twoDigits(text, month).append('-');
        twoDigits(text, day).append('T');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        return twoDigits(text, secondOfDay % 60).append('.').toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
