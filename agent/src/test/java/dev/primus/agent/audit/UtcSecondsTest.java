package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The audit's timestamps against known dates, and differentially against java.time on random seconds. */
class UtcSecondsTest {
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.");

    @ParameterizedTest
    @CsvSource({
        "0, 1970-01-01T00:00:00.",
        "-1, 1969-12-31T23:59:59.",
        "951782400, 2000-02-29T00:00:00.", // a leap day of a year divisible by 400
        "951868800, 2000-03-01T00:00:00.",
        "4107456000, 2100-02-28T00:00:00.", // 2100 is no leap year
        "4107542400, 2100-03-01T00:00:00.",
        "1709164800, 2024-02-29T00:00:00.",
        "1796299200, 2026-12-03T12:00:00.",
        "2147483647, 2038-01-19T03:14:07.", // the last second of a signed 32-bit time_t
        "253402300799, 9999-12-31T23:59:59.",
        "-62135596800, 0001-01-01T00:00:00.",
        "-62167219200, 0000-01-01T00:00:00.",
    })
    void writesKnownSeconds(long second, String text) {
        assertEquals(text, UtcSeconds.format(second));
    }

    @Test
    void agreesWithJavaTimeOnRandomSecondsOfYearsZeroTo9999() {
        SplittableRandom random = new SplittableRandom(20261206);
        long first = -62167219200L;
        long last = 253402300799L;
        for (int i = 0; i < 200_000; i++) {
            long second = i < 100_000 ? random.nextLong(first, last + 1)
                    : random.nextLong(-2_000_000_000L, 5_000_000_000L); // years near today's
            String expected = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(TO_THE_SECOND);
            assertEquals(expected, UtcSeconds.format(second), "second " + second);
        }
    }

    @Test
    void agreesWithJavaTimeAroundEveryNewYearAndLeapDayOf1900To2200() {
        for (int year = 1900; year <= 2200; year++) {
            for (LocalDateTime day : new LocalDateTime[] {LocalDateTime.of(year, 1, 1, 0, 0),
                LocalDateTime.of(year, 3, 1, 0, 0)}) {
                long at = day.toEpochSecond(ZoneOffset.UTC);
                for (long second = at - 1; second <= at; second++) {
                    String expected = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(TO_THE_SECOND);
                    assertEquals(expected, UtcSeconds.format(second), "second " + second);
                }
            }
        }
    }
}
