package dev.tandem.client.js;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A page function called with no arguments. */
@JSFunctor
public interface JsCallback extends JSObject {
    void call();
}
