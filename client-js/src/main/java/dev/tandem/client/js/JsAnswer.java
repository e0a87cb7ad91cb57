package dev.tandem.client.js;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A page function receiving the server's answer to a command: {@code (errorCode, message, createdId)}, with
 * {@code errorCode} null when the command was applied.
 */
@JSFunctor
public interface JsAnswer extends JSObject {
    void call(String errorCode, String message, String createdId);
}
