package dev.tandem.server.json;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A member name handed to Jackson already escaped the JavaScript way: the path for names that Jackson's default
 * escaping would write differently (a lone surrogate, a control character without a short form; see
 * {@link JavaScriptEscapes}).
 */
final class PreQuotedName implements SerializableString {
    private final String name;
    private final char[] quoted;
    private final byte[] quotedUtf8;
    private final byte[] unquotedUtf8;

    PreQuotedName(String name) {
        this.name = name;
        String withMarks = JavaScriptEscapes.quote(name);
        String escaped = withMarks.substring(1, withMarks.length() - 1);
        this.quoted = escaped.toCharArray();
        this.quotedUtf8 = escaped.getBytes(StandardCharsets.UTF_8);
        // The unquoted form cannot be encoded to UTF-8 faithfully (a lone surrogate has no UTF-8 form); Jackson uses
        // it only for raw output, never for names.
        this.unquotedUtf8 = name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getValue() {
        return name;
    }

    @Override
    public int charLength() {
        return name.length();
    }

    @Override
    public char[] asQuotedChars() {
        return quoted.clone();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return unquotedUtf8.clone();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return quotedUtf8.clone();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(quotedUtf8, buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        if (offset + quoted.length > buffer.length) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(unquotedUtf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        if (offset + name.length() > buffer.length) {
            return -1;
        }
        name.getChars(0, name.length(), buffer, offset);
        return name.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        out.write(quotedUtf8);
        return quotedUtf8.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(unquotedUtf8);
        return unquotedUtf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(quotedUtf8, buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(unquotedUtf8, buffer);
    }

    private static int copy(byte[] source, byte[] buffer, int offset) {
        if (offset + source.length > buffer.length) {
            return -1;
        }
        System.arraycopy(source, 0, buffer, offset, source.length);
        return source.length;
    }

    private static int put(byte[] source, ByteBuffer buffer) {
        if (source.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(source);
        return source.length;
    }
}
