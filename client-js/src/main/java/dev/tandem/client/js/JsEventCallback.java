package dev.tandem.client.js;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A page function receiving one model event: {@code (name, modelId, key, value, index)}; key and value are set for
 * {@code change:<key>}, index for add, remove and move (else -1).
 */
@JSFunctor
public interface JsEventCallback extends JSObject {
    void call(String name, String modelId, String key, JSObject value, int index);
}
