package dev.primus.agent.metrics;

import java.math.BigDecimal;

/**
 * Writes a float as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} does, the form Prometheus's
 * own clients write: {@code 1e-07}, {@code 2.5e-06}, {@code 0.0001}, {@code +Inf}. Both exposition
 * formats accept Java's {@code 1.0E-7} too; this keeps the {@code le} labels in the form
 * dashboards and recording rules written against other exporters match.
 */
final class FloatText {
    private FloatText() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        // Double.toString gives the digits that read back as the same double.
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int pointAt = digits.length() - decimal.scale(); // value = 0.DIGITS x 10^pointAt
        int exponent = pointAt - 1;
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            out.append(magnitude < 10 ? "0" : "").append(magnitude);
        } else if (pointAt <= 0) {
            out.append("0.");
            for (int i = pointAt; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (pointAt >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < pointAt; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
        }
        return out.toString();
    }
}
