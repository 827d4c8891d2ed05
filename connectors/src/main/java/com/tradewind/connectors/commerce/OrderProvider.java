package com.tradewind.connectors.commerce;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * A store that knows orders. An unknown order is an empty result, not a failure; a store that
 * cannot answer fails the future with a {@link CommerceException}.
 */
public interface OrderProvider {

  /** Short name for logs and metrics: {@code sample}, {@code aliexpress}, {@code shopify}. */
  String name();

  /** @param id as the customer wrote it: {@code 8123456789012345} or {@code #1001} */
  Future<Optional<Order>> order(String id);
}
