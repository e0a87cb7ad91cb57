package dev.tandem.json.jackson;

/**
 * What {@code JSON.stringify} escapes in a string, and how, and where jackson-core's generator writes something else.
 *
 * <p>ECMAScript (ES2019, "well-formed JSON.stringify") writes {@code "} and {@code \} as {@code \"} and {@code \\},
 * U+0008, U+000C, U+000A, U+000D and U+0009 as {@code \b \f \n \r \t}, the other characters below U+0020 and every
 * lone surrogate (one that is not part of a high-low pair) as a backslash, {@code u} and four lower-case hex digits, and
 * everything else as itself (including {@code /}, U+007F, U+2028 and U+2029). Whether a surrogate is lone depends on
 * its neighbour.
 *
 * <p>jackson-core's {@code WriterBasedJsonGenerator}, with {@code WRITE_HEX_UPPER_CASE} off and its defaults
 * otherwise ({@code ESCAPE_NON_ASCII} and {@code ESCAPE_FORWARD_SLASHES} off), writes every character exactly so
 * (checked for all 65,536 code units, in values and in {@code writeFieldName(String)}), except lone surrogates, which
 * it writes as they are. {@link #hasLoneSurrogate} finds the strings it would get wrong; {@link #escape} writes the
 * escaped text for them. (jackson-core's {@code SerializedString} quotes with upper-case hex, so
 * {@link JavaScriptQuotedName} brings its own text.)
 */
final class JavaScriptEscapes {
    /** The longest escape of one character: a backslash, {@code u} and four hex digits. */
    static final int MAX_ESCAPE_LENGTH = 6;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // For the ASCII characters: 0 when written as themselves, else the letter after the backslash ('u' for \\uXXXX).
    private static final char[] ASCII_ESCAPES = new char[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_ESCAPES[c] = 'u';
        }
        ASCII_ESCAPES['"'] = '"';
        ASCII_ESCAPES['\\'] = '\\';
        ASCII_ESCAPES['\b'] = 'b';
        ASCII_ESCAPES['\f'] = 'f';
        ASCII_ESCAPES['\n'] = 'n';
        ASCII_ESCAPES['\r'] = 'r';
        ASCII_ESCAPES['\t'] = 't';
    }

    private JavaScriptEscapes() {
    }

    /**
     * True when {@code text} holds a surrogate that is not part of a high-low pair: the one thing the generator
     * writes differently from {@code JSON.stringify}. One pass that only compares each char; pairs are rare.
     */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Writes {@code text} escaped as {@code JSON.stringify} escapes it, without the quotes, at {@code out[at]} and
     * returns the index after it; {@code out} needs {@code MAX_ESCAPE_LENGTH * text.length()} free characters.
     */
    static int escape(String text, char[] out, int at) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isEscapedAscii(c)) {
                at = writeEscape(c, out, at);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out[at++] = c;
                out[at++] = text.charAt(++i);
            } else if (Character.isSurrogate(c)) {
                at = writeEscape(c, out, at); // a lone surrogate
            } else {
                out[at++] = c;
            }
        }
        return at;
    }

    /** {@code text} escaped as {@code JSON.stringify} escapes it, without the quotes. */
    static char[] escape(String text) {
        char[] out = new char[MAX_ESCAPE_LENGTH * text.length()];
        return java.util.Arrays.copyOf(out, escape(text, out, 0));
    }

    /** True when {@code c} is an ASCII character that is escaped (a control character, {@code "} or {@code \}). */
    static boolean isEscapedAscii(char c) {
        return c < 128 && ASCII_ESCAPES[c] != 0;
    }

    /**
     * Writes the escape of {@code c} at {@code out[at]} and returns the index after it. {@code c} is an escaped ASCII
     * character or a lone surrogate; {@code out} has {@link #MAX_ESCAPE_LENGTH} free characters from {@code at}.
     */
    static int writeEscape(char c, char[] out, int at) {
        char letter = c < 128 ? ASCII_ESCAPES[c] : 'u';
        out[at++] = '\\';
        out[at++] = letter;
        if (letter == 'u') {
            out[at++] = HEX[c >> 12 & 0xF];
            out[at++] = HEX[c >> 8 & 0xF];
            out[at++] = HEX[c >> 4 & 0xF];
            out[at++] = HEX[c & 0xF];
        }
        return at;
    }
}
