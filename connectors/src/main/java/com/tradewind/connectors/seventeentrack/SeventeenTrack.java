package com.tradewind.connectors.seventeentrack;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parcels from 17TRACK. A number 17TRACK does not track yet is registered (which is how its
 * tracking starts) and reported as not found for now; per-number rejections are read even when
 * the request as a whole succeeded ({@code code: 0}).
 */
public final class SeventeenTrack implements TrackingProvider {

  static final int NOT_REGISTERED = -18019902;
  static final int CARRIER_UNKNOWN = -18019903;
  static final int DAILY_LIMIT = -18019907;
  static final int QUOTA_USED_UP = -18019908;
  static final int NO_INFO_YET = -18019909;

  private final ProviderHttp http;
  private final String base;
  private final String apiKey;

  /** @param apiUrl {@code https://api.17track.net} */
  public SeventeenTrack(ProviderHttp http, String apiUrl, String apiKey) {
    this.http = http;
    this.base = (apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl) + "/track/v2.2";
    this.apiKey = apiKey;
  }

  @Override
  public String name() {
    return "17track";
  }

  @Override
  public Future<Optional<Tracking>> tracking(String number) {
    Buffer body = new JsonArray().add(new JsonObject().put("number", number)).toBuffer();
    // gettrackinfo is a read sent as POST: safe to repeat. register is not (it spends quota).
    return http.call("gettrackinfo", true, () -> http.client().postAbs(base + "/gettrackinfo")
            .putHeader("17token", apiKey).putHeader("content-type", "application/json"), body, r -> read(r, number))
        .compose(result -> result.register
            ? register(number).map(Optional.<Tracking>empty())
            : Future.succeededFuture(result.tracking));
  }

  private record Result(Optional<Tracking> tracking, boolean register) {}

  private Future<Void> register(String number) {
    Buffer body = new JsonArray().add(new JsonObject().put("number", number)).toBuffer();
    return http.call("register", false, () -> http.client().postAbs(base + "/register")
            .putHeader("17token", apiKey).putHeader("content-type", "application/json"), body, r -> {
          data(r); // a request-level failure is reported; a per-number one (already registered) is fine
          return (Void) null;
        });
  }

  private Result read(HttpResponse<Buffer> response, String number) {
    JsonObject data = data(response);
    for (Object a : data.getJsonArray("accepted", new JsonArray())) {
      JsonObject accepted = (JsonObject) a;
      if (number.equalsIgnoreCase(accepted.getString("number"))) {
        return new Result(Optional.of(toTracking(number, accepted.getJsonObject("track_info", new JsonObject()))), false);
      }
    }
    for (Object r : data.getJsonArray("rejected", new JsonArray())) {
      JsonObject rejected = (JsonObject) r;
      int code = rejected.getJsonObject("error", new JsonObject()).getInteger("code", 0);
      switch (code) {
        case NOT_REGISTERED -> {
          return new Result(Optional.empty(), true);
        }
        case NO_INFO_YET, CARRIER_UNKNOWN -> {
          return new Result(Optional.empty(), false);
        }
        case DAILY_LIMIT, QUOTA_USED_UP -> throw new CommerceException("17track", Reason.RATE_LIMITED,
            "number rejected: quota (" + code + ")");
        default -> throw new CommerceException("17track", Reason.REJECTED, "number rejected (" + code + ")");
      }
    }
    return new Result(Optional.empty(), false);
  }

  /** The {@code data} object of a successful request; request-level errors become exceptions. */
  private JsonObject data(HttpResponse<Buffer> response) {
    if (response.statusCode() == 401) {
      throw new CommerceException("17track", Reason.AUTH, "key refused or IP not allowed (HTTP 401)");
    }
    if (response.statusCode() != 200) {
      throw http.unexpected(response);
    }
    JsonObject root = new JsonObject(response.bodyAsString());
    int code = root.getInteger("code", 0);
    JsonObject data = root.getJsonObject("data", new JsonObject());
    if (code != 0) {
      JsonArray errors = data.getJsonArray("errors", new JsonArray());
      int detail = errors.isEmpty() ? code : errors.getJsonObject(0).getInteger("code", code);
      Reason reason = switch (detail) {
        case -18010001, -18010002, -18010004, -18010005 -> Reason.AUTH;
        case -18010003 -> Reason.UNAVAILABLE;
        default -> Reason.REJECTED;
      };
      throw new CommerceException("17track", reason, "request refused (" + detail + ")");
    }
    return data;
  }

  static Tracking toTracking(String number, JsonObject info) {
    JsonObject latest = info.getJsonObject("latest_status", new JsonObject());
    String carrier = null;
    List<TrackingEvent> events = new ArrayList<>();
    JsonArray providers = info.getJsonObject("tracking", new JsonObject()).getJsonArray("providers", new JsonArray());
    for (Object p : providers) {
      JsonObject provider = (JsonObject) p;
      if (carrier == null) {
        carrier = provider.getJsonObject("provider", new JsonObject()).getString("name");
      }
      for (Object e : provider.getJsonArray("events", new JsonArray())) {
        JsonObject event = (JsonObject) e;
        Instant time = ProviderTimes.parse(event.getString("time_utc") != null ? event.getString("time_utc")
            : event.getString("time_iso"), ZoneOffset.UTC);
        if (time != null) {
          events.add(new TrackingEvent(time, event.getString("location") == null ? "" : event.getString("location"),
              event.getString("description", "")));
        }
      }
    }
    events.sort(Comparator.comparing(TrackingEvent::time)); // 17TRACK lists newest first
    JsonObject estimate = info.getJsonObject("time_metrics", new JsonObject())
        .getJsonObject("estimated_delivery_date", new JsonObject());
    String status = latest.getString("status", "NotFound");
    return new Tracking(number, carrier, status(status), latest.getString("sub_status", status),
        ProviderTimes.day(estimate.getString("to") != null ? estimate.getString("to") : estimate.getString("from")),
        events);
  }

  static TrackingStatus status(String status) {
    return switch (status) {
      case "InfoReceived" -> TrackingStatus.INFO_RECEIVED;
      case "InTransit" -> TrackingStatus.IN_TRANSIT;
      case "Expired" -> TrackingStatus.EXPIRED;
      case "AvailableForPickup" -> TrackingStatus.AVAILABLE_FOR_PICKUP;
      case "OutForDelivery" -> TrackingStatus.OUT_FOR_DELIVERY;
      case "DeliveryFailure" -> TrackingStatus.DELIVERY_FAILED;
      case "Delivered" -> TrackingStatus.DELIVERED;
      case "Exception" -> TrackingStatus.EXCEPTION;
      default -> TrackingStatus.NOT_FOUND;
    };
  }
}
