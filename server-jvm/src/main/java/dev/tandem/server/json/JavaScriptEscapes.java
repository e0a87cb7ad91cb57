package dev.tandem.server.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Makes jackson-core escape strings exactly as {@code JSON.stringify} does.
 *
 * <p>Jackson's defaults differ in one visible way: it writes control characters with upper-case hex
 * ({@code \u001F}), JavaScript with lower-case ({@code \u001f}). Both write {@code \b \t \n \f \r},
 * {@code \"} and {@code \\} the short way and everything from U+0020 up (except {@code "} and {@code \}) as itself.
 * Lone surrogates are the one case a per-character table cannot see (whether a surrogate is lone depends on its
 * neighbour); {@link JacksonJsonCodec} handles them with {@link #quote}.
 */
final class JavaScriptEscapes extends CharacterEscapes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    static final JavaScriptEscapes INSTANCE = new JavaScriptEscapes();

    private final int[] asciiEscapes;
    private final SerializedString[] controlEscapes = new SerializedString[0x20];

    private JavaScriptEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (asciiEscapes[c] == ESCAPE_STANDARD) {
                asciiEscapes[c] = ESCAPE_CUSTOM;
                controlEscapes[c] = new SerializedString(unicodeEscape((char) c));
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch < 0x20 ? controlEscapes[ch] : null;
    }

    /** True when {@code text} holds a surrogate that is not half of a pair. */
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
