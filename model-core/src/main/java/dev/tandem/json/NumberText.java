package dev.tandem.json;

/**
 * The text of a number where model-core shows one to people: error messages ("got 2.5") and {@code toString} of
 * JSON values and models. It is JavaScript's {@code Number.prototype.toString}, the same text the codecs write
 * into JSON, so a message reads the same on the JVM and in the browser and quotes a number as the JSON carried it.
 *
 * <p>Why model-core does not call {@code Double.toString}: its layout is not JavaScript's ({@code 1.0E21} against
 * {@code 1e+21}), and in the browser it drags TeaVM's whole double-to-decimal machinery (about 10 KB gzipped) into
 * every bundle. Shortest round-trip digits need such machinery, and each runtime already has one: the browser's
 * native {@code String(x)}, the JVM codec's JavaScript number writer. So this class writes what needs no digit
 * search itself (whole numbers up to 2^53, zero, NaN and the infinities, as JavaScript names them) and asks the
 * runtime's {@link Writer} for the rest. Each runtime's {@link JsonCodec} installs its writer when its class is
 * initialized; both write JavaScript's text, so which one is installed never changes the result.
 *
 * <p>Without an installed writer (model-core used alone, before any codec class is loaded) a fraction is written
 * with {@value #FALLBACK_DIGITS} significant digits in JavaScript's layout: close, but not always the shortest form
 * JavaScript would pick.
 */
public final class NumberText {
    /**
     * Significant digits of the fallback: as many as a double reliably carries, so the fallback never shows digits
     * that are noise of the scaling arithmetic.
     */
    public static final int FALLBACK_DIGITS = 15;

    /** Writes a finite double that is not a whole number below 2^53 as JavaScript's {@code String(x)} does. */
    @FunctionalInterface
    public interface Writer {
        String write(double value);
    }

    private static volatile Writer writer;

    private NumberText() {
    }

    /** Makes {@code runtimeWriter} the writer for numbers that need a digit search; codecs call this once. */
    public static void install(Writer runtimeWriter) {
        if (runtimeWriter == null) {
            throw new IllegalArgumentException("no writer");
        }
        writer = runtimeWriter;
    }

    /** JavaScript's text of {@code value}: {@code 1}, {@code 0.1}, {@code 1e+21}, {@code -0} as {@code 0}, {@code NaN}. */
    public static String of(double value) {
        if (value != value) {
            return "NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        if (value == Math.floor(value) && Math.abs(value) <= JsonNumber.MAX_SAFE_INTEGER) {
            return Long.toString((long) value); // -0.0 becomes 0, as in JavaScript
        }
        Writer installed = writer;
        return installed != null ? installed.write(value) : fallback(value);
    }

    /**
     * {@value #FALLBACK_DIGITS} significant digits, trailing zeros dropped, in JavaScript's layout (plain from 1e-6
     * to below 1e21, else {@code d.ddde±n}). The digits come from scaling by powers of ten in double arithmetic: the
     * same on every runtime, and within a unit of the last digit shown.
     */
    static String fallback(double value) {
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        int exponent = (int) Math.floor(Math.log10(value)); // value = d.ddd × 10^exponent, corrected below
        long digits = Math.round(scale(value, FALLBACK_DIGITS - 1 - exponent));
        long limit = 1;
        for (int i = 0; i < FALLBACK_DIGITS; i++) {
            limit *= 10;
        }
        if (digits >= limit) { // log10 or the rounding carried into one more digit
            exponent++;
            digits = Math.round(scale(value, FALLBACK_DIGITS - 1 - exponent));
        } else if (digits < limit / 10) {
            exponent--;
            digits = Math.round(scale(value, FALLBACK_DIGITS - 1 - exponent));
        }
        String text = Long.toString(digits);
        int end = text.length();
        while (end > 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        text = text.substring(0, end);
        if (exponent >= 21 || exponent < -6) {
            out.append(text.charAt(0));
            if (text.length() > 1) {
                out.append('.').append(text, 1, text.length());
            }
            return out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
        }
        if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            return out.append(text).toString();
        }
        if (text.length() <= exponent + 1) {
            out.append(text);
            for (int i = text.length(); i <= exponent; i++) {
                out.append('0');
            }
            return out.toString();
        }
        return out.append(text, 0, exponent + 1).append('.').append(text, exponent + 1, text.length()).toString();
    }

    /** {@code value × 10^power}, in steps that stay inside the double range for any finite value. */
    private static double scale(double value, int power) {
        double result = value;
        while (power > 0) {
            int step = Math.min(power, 300);
            result *= Math.pow(10, step);
            power -= step;
        }
        while (power < 0) {
            int step = Math.min(-power, 300);
            result /= Math.pow(10, step);
            power += step;
        }
        return result;
    }
}
