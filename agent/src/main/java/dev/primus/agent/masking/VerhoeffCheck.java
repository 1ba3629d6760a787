package dev.primus.agent.masking;

/**
 * The Verhoeff check digit of Aadhaar numbers: catches every single-digit error and every swap
 * of adjacent digits, so a random 12-digit number passes one time in ten. Separators are skipped.
 * The tables are Verhoeff's (1969) as Wikipedia's "Verhoeff algorithm" prints them: the dihedral
 * group D5's multiplication, and the permutation (1 5 8 9 4 2 7 0)(3 6) applied 0 to 7 times.
 */
final class VerhoeffCheck {
    private static final byte[][] MULTIPLY = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
        {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
    };
    private static final byte[][] PERMUTE = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
        {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
    };

    private VerhoeffCheck() {
    }

    static boolean valid(CharSequence s, int start, int end) {
        int check = 0;
        int position = 0;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                check = MULTIPLY[check][PERMUTE[position & 7][c - '0']];
                position++;
            }
        }
        return check == 0;
    }
}
