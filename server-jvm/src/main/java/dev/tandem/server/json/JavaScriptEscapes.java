package dev.tandem.server.json;

/**
 * Makes the JVM codec escape strings exactly as {@code JSON.stringify} does.
 *
 * <p>jackson-core's default escaping already agrees with JavaScript's on almost every string: both write
 * {@code \b \t \n \f \r}, {@code \"} and {@code \\} the short way and everything from U+0020 up (except {@code "}
 * and {@code \}) as itself. They differ on two kinds of character only: the other control characters, which Jackson
 * writes with upper-case hex ({@code \u001F}) and JavaScript with lower-case ({@code \u001f}), and lone
 * surrogates, which Jackson writes raw and JavaScript escapes (whether a surrogate is lone depends on its
 * neighbour). {@link JacksonJsonCodec} lets Jackson's fast default path write every string without those
 * ({@link #needsOwnQuoting}), and writes the rare rest as {@link #quote} gives them. (A Jackson
 * {@code CharacterEscapes} table could fix the hex case, but it sends every string through Jackson's slow
 * custom-escape path, and still misses lone surrogates.)
 */
final class JavaScriptEscapes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JavaScriptEscapes() {
    }

    /** True when Jackson's default escaping would write {@code text} differently from {@code JSON.stringify}. */
    static boolean needsOwnQuoting(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                    return true;
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code text} as a quoted JSON string, escaped as {@code JSON.stringify} escapes it (the rare path). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(unicodeEscape(c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < n
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(unicodeEscape(c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF],
                HEX[c & 0xF]});
    }
}
