package com.tradewind.connectors.aftership;

import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.ProviderTimes;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingEvent;
import com.tradewind.connectors.commerce.TrackingProvider;
import com.tradewind.connectors.commerce.TrackingStatus;
import com.tradewind.connectors.http.ProviderHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parcels from AfterShip, API version 2025-01 pinned in the path: {@code GET /trackings?tracking_numbers=}
 * with the {@code as-api-key} header. AfterShip only knows numbers added to the account; others
 * are not found.
 */
public final class AfterShip implements TrackingProvider {

  public static final String API_VERSION = "2025-01";

  private final ProviderHttp http;
  private final String base;
  private final String apiKey;

  /** @param apiUrl {@code https://api.aftership.com} */
  public AfterShip(ProviderHttp http, String apiUrl, String apiKey) {
    this.http = http;
    this.base = (apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl) + "/tracking/" + API_VERSION;
    this.apiKey = apiKey;
  }

  @Override
  public String name() {
    return "aftership";
  }

  @Override
  public Future<Optional<Tracking>> tracking(String number) {
    String url = base + "/trackings?tracking_numbers=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    return http.call("tracking", true, () -> http.client().getAbs(url).putHeader("as-api-key", apiKey), null,
        r -> read(r, number));
  }

  private Optional<Tracking> read(HttpResponse<Buffer> response, String number) {
    JsonObject root = new JsonObject(response.bodyAsString());
    int metaCode = root.getJsonObject("meta", new JsonObject()).getInteger("code", response.statusCode());
    if (response.statusCode() == 404 || metaCode == 4004 || metaCode == 4005 || metaCode == 4017) {
      return Optional.empty(); // unknown tracking, or a number AfterShip calls invalid
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new CommerceException("aftership", Reason.AUTH, "API key refused (meta " + metaCode + ")");
    }
    if (response.statusCode() != 200) {
      throw new CommerceException("aftership", Reason.REJECTED, "request refused (meta " + metaCode + ")");
    }
    JsonObject data = root.getJsonObject("data");
    JsonArray trackings = data.getJsonArray("trackings");
    JsonObject tracking = trackings != null ? (trackings.isEmpty() ? null : trackings.getJsonObject(0))
        : data.containsKey("tracking_number") ? data : data.getJsonObject("tracking");
    return tracking == null ? Optional.empty() : Optional.of(toTracking(number, tracking));
  }

  static Tracking toTracking(String number, JsonObject t) {
    List<TrackingEvent> events = new ArrayList<>();
    for (Object c : t.getJsonArray("checkpoints", new JsonArray())) {
      JsonObject checkpoint = (JsonObject) c;
      // checkpoint_time is the checkpoint's local time, with an offset when the carrier gives one.
      Instant time = ProviderTimes.parse(checkpoint.getString("checkpoint_time"), ZoneOffset.UTC);
      if (time != null) {
        String place = checkpoint.getString("location") != null ? checkpoint.getString("location")
            : checkpoint.getString("country_region_name", "");
        events.add(new TrackingEvent(time, place, checkpoint.getString("message", "")));
      }
    }
    events.sort(Comparator.comparing(TrackingEvent::time));
    JsonObject estimate = t.getJsonObject("courier_estimated_delivery_date");
    if (estimate == null) {
      estimate = t.getJsonObject("aftership_estimated_delivery_date", new JsonObject());
    }
    String tag = t.getString("tag", "Pending");
    return new Tracking(t.getString("tracking_number", number).toUpperCase(java.util.Locale.ROOT), t.getString("slug"),
        status(tag), t.getString("subtag", tag), ProviderTimes.day(estimate.getString("estimated_delivery_date")),
        events);
  }

  static TrackingStatus status(String tag) {
    return switch (tag) {
      case "InfoReceived" -> TrackingStatus.INFO_RECEIVED;
      case "InTransit" -> TrackingStatus.IN_TRANSIT;
      case "OutForDelivery" -> TrackingStatus.OUT_FOR_DELIVERY;
      case "AttemptFail" -> TrackingStatus.DELIVERY_FAILED;
      case "Delivered" -> TrackingStatus.DELIVERED;
      case "AvailableForPickup" -> TrackingStatus.AVAILABLE_FOR_PICKUP;
      case "Exception" -> TrackingStatus.EXCEPTION;
      case "Expired" -> TrackingStatus.EXPIRED;
      default -> TrackingStatus.NOT_FOUND;
    };
  }
}
