package com.tradewind.connectors.commerce;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * A parcel-tracking service. A number the service has no information on is an empty result; a
 * service that cannot answer fails the future with a {@link CommerceException}.
 */
public interface TrackingProvider {

  /** Short name for logs and metrics: {@code sample}, {@code 17track}, {@code aftership}. */
  String name();

  /** @param number upper-case, no spaces */
  Future<Optional<Tracking>> tracking(String number);
}
