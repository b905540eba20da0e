package io.github.kerasdjl.callbacks;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers as Python writes them ({@code repr(float)}, which Keras' messages and {@code csv} module use): the
 * shortest digits that read back as the same double, fixed notation for decimal exponents -4 to 15 ({@code 0.0001},
 * {@code 123.0}), otherwise {@code 1e-05}, {@code 3.2e-05}, {@code 1e+16}; {@code nan}, {@code inf}, {@code -inf}.
 */
final class PythonFloats {

    private PythonFloats() {
    }

    /** Python's {@code repr(value)}. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        // The shortest scientific form that reads back exactly (Java 17's Double.toString is not always shortest).
        String sci = null;
        for (int p = 1; p <= 17; p++) {
            sci = String.format(Locale.ROOT, "%." + (p - 1) + "e", value);
            if (Double.parseDouble(sci) == value) {
                break;
            }
        }
        int e = sci.indexOf('e');
        int exponent = Integer.parseInt(sci.substring(e + 1));
        String mantissa = sci.substring(0, e);
        boolean negative = mantissa.startsWith("-");
        String digits = mantissa.replace("-", "").replace(".", "");
        digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        StringBuilder b = new StringBuilder(negative ? "-" : "");
        if (exponent >= -4 && exponent < 16) {
            String plain = new BigDecimal(new java.math.BigInteger(digits), digits.length() - 1 - exponent)
                    .toPlainString();
            b.append(plain);
            if (!plain.contains(".")) {
                b.append(".0");
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exponent < 0 ? '-' : '+');
            String ex = Integer.toString(Math.abs(exponent));
            b.append(ex.length() < 2 ? "0" + ex : ex);
        }
        return b.toString();
    }
}
