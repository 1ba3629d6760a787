package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The methods the scan calls for a digit run or a trigger on a clean line stay small enough for
 * the JIT to inline them into it: HotSpot inlines a hot method of at most FreqInlineSize (325)
 * bytes of bytecode. DigitRunFilter.detectorsFor once grew to 329 bytes, was no longer inlined,
 * and masking a clean 200-char line ran about 15% slower with nothing else changed. Speed is
 * measured with JMH; this holds the cause of that slowdown, which a timed test could not.
 */
class ScanInliningTest {
    private static final int FREQ_INLINE_SIZE = 325;

    @ParameterizedTest
    @CsvSource({"DigitRunFilter, possible", "DigitRunFilter, detectorsFor", "DigitRunFilter, phone",
        "DigitRunFilter, countryCodeOne", "SpanFinder, narrowed", "SpanFinder, keyedAt", "SpanFinder, prefixed",
        "SpanFinder, prefixStart"})
    void aMethodOnTheScansPathStaysInlinable(String type, String method) throws IOException {
        Integer length = codeLengths(type).get(method);
        assertTrue(length != null && length > 0, type + "." + method + " not found");
        assertTrue(length <= FREQ_INLINE_SIZE, type + "." + method + " has " + length + " bytes of bytecode, more than "
                + FREQ_INLINE_SIZE + ": split it, or the JIT calls it instead of inlining it into the scan");
    }

    /** The bytecode length of each method of a class of this package (the longest of overloads), from its class file. */
    private static Map<String, Integer> codeLengths(String type) throws IOException {
        Map<String, Integer> lengths = new HashMap<String, Integer>();
        try (InputStream file = ScanInliningTest.class.getResourceAsStream(type + ".class");
             DataInputStream in = new DataInputStream(file)) {
            in.skipBytes(8); // magic, minor and major version
            String[] utf8 = constantPoolUtf8(in);
            in.skipBytes(6); // access flags, this class, super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int size = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipBytes(4); // max stack, max locals
                        int codeLength = in.readInt();
                        lengths.merge(name, codeLength, Math::max);
                        in.skipBytes(size - 8);
                    } else {
                        in.skipBytes(size);
                    }
                }
            }
        }
        return lengths;
    }

    /** The constant pool's UTF-8 entries by index (null for the others). */
    private static String[] constantPoolUtf8(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 5: // long and double take two entries
                case 6:
                    in.skipBytes(8);
                    i++;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.skipBytes(4);
                    break;
                case 15:
                    in.skipBytes(3);
                    break;
                default: // 7, 8, 16, 19, 20: one index
                    in.skipBytes(2);
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
