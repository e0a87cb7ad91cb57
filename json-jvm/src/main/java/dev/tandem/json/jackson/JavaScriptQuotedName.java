package dev.tandem.json.jackson;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;

/**
 * A member name for jackson-core's {@code writeFieldName(SerializableString)}, escaped once as {@code JSON.stringify}
 * escapes it: the generator copies the ready text instead of scanning the name again.
 *
 * <p>A {@link SerializedString} whose quoted forms are filled in at construction from {@link JavaScriptEscapes}
 * rather than left to jackson-core's {@code JsonStringEncoder}, which would write {@code \u000B} (upper-case hex) and
 * copy lone surrogates as they are; the two agree on every other name. Immutable once built, so it can sit in a
 * {@link dev.tandem.json.JsonName}'s slot and be shared by threads.
 */
final class JavaScriptQuotedName extends SerializedString {
    private static final long serialVersionUID = 1L;

    JavaScriptQuotedName(String name) {
        super(name);
        char[] escaped = JavaScriptEscapes.escape(name);
        _quotedChars = escaped;
        _quotedUTF8Ref = new String(escaped).getBytes(StandardCharsets.UTF_8); // no lone surrogate is left in it
    }
}
