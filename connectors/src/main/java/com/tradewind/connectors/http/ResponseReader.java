package com.tradewind.connectors.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * Turns a provider's response (any status but 429 and 5xx, which the caller handles) into a
 * value, or throws a {@link com.tradewind.connectors.commerce.CommerceException}. Any other
 * runtime exception (malformed JSON, missing field) is reported as a bad response.
 */
@FunctionalInterface
public interface ResponseReader<T> {

  T read(HttpResponse<Buffer> response);
}
