package com.tradewind.connectors.aliexpress;

import com.tradewind.connectors.commerce.Address;
import com.tradewind.connectors.commerce.Buyer;
import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.Money;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderItem;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderTracking;
import com.tradewind.connectors.commerce.ProviderTimes;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingEvent;
import com.tradewind.connectors.http.ProviderHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders from the AliExpress Open Platform, the way the official Java SDK calls the {@code /sync}
 * gateway: system parameters (including {@code session} and {@code sign}) in the query string,
 * business parameters in a form body, both signed. Times come in US Pacific time. Parcels of its
 * orders are tracked through the logistics API ({@link OrderTracking}).
 */
public final class AliExpressClient implements OrderProvider, OrderTracking {

  /** The platform's clock for every {@code gmt_*} field. */
  public static final ZoneId PLATFORM_ZONE = ZoneId.of("America/Los_Angeles");
  static final String FIND_ORDER = "aliexpress.trade.new.redefining.findorderbyid";
  static final String TRACKING = "aliexpress.logistics.redefining.querytrackingresult";

  private final ProviderHttp http;
  private final AliExpressCredentials credentials;
  private final String baseUrl;
  private final Clock clock;

  public AliExpressClient(ProviderHttp http, AliExpressCredentials credentials, String baseUrl, Clock clock) {
    this.http = http;
    this.credentials = credentials;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "aliexpress";
  }

  @Override
  public Future<Optional<Order>> order(String id) {
    String digits = id.strip();
    if (!digits.matches("[0-9]{1,20}")) {
      return Future.succeededFuture(Optional.empty()); // not an AliExpress order number at all
    }
    Map<String, String> business = Map.of("param1", "{\"order_id\":" + digits + "}");
    return http.call("order", true, () -> request(FIND_ORDER, business), form(business), response -> {
      JsonObject body = envelope(response, FIND_ORDER);
      if (body == null) {
        return Optional.empty();
      }
      JsonObject target = body.getJsonObject("target");
      return target == null || target.isEmpty() ? Optional.<Order>empty() : Optional.of(toOrder(target));
    });
  }

  /** The parcel of one shipment of an order, sent to the order's shipping country. */
  @Override
  public Future<Optional<Tracking>> tracking(Order order, Shipment shipment) {
    return tracking(order, shipment, order.shippingAddress() == null ? null : order.shippingAddress().country());
  }

  /**
   * The parcel of one shipment of an order, from Cainiao via AliExpress.
   *
   * @param destinationCountry ISO code of the buyer's country ({@code to_area})
   */
  public Future<Optional<Tracking>> tracking(Order order, Shipment shipment, String destinationCountry) {
    Map<String, String> business = new LinkedHashMap<>();
    business.put("logistics_no", shipment.trackingNumber());
    business.put("origin", "ESCROW");
    business.put("out_ref", order.id());
    business.put("service_name", shipment.service());
    business.put("to_area", destinationCountry);
    return http.call("tracking", true, () -> request(TRACKING, business), form(business), response -> {
      JsonObject body = envelope(response, TRACKING);
      if (body == null || !body.getBoolean("result_success", false)) {
        return Optional.<Tracking>empty();
      }
      List<TrackingEvent> events = new ArrayList<>();
      String lastCode = null;
      Object details = body.getValue("details");
      JsonArray list = details instanceof JsonArray a ? a : details instanceof JsonObject o ? firstArray(o) : new JsonArray();
      List<JsonObject> sorted = new ArrayList<>();
      list.forEach(d -> sorted.add((JsonObject) d));
      sorted.sort(Comparator.comparing(d -> ProviderTimes.parse(d.getString("event_date"), PLATFORM_ZONE)));
      for (JsonObject d : sorted) {
        events.add(new TrackingEvent(ProviderTimes.parse(d.getString("event_date"), PLATFORM_ZONE),
            d.getString("address", ""), d.getString("event_desc", "")));
        lastCode = d.getString("action_code");
      }
      return Optional.of(new Tracking(shipment.trackingNumber(), shipment.carrier(),
          AliExpressStatuses.tracking(lastCode), lastCode, null, events));
    });
  }

  private HttpRequest<Buffer> request(String method, Map<String, String> business) {
    Map<String, String> system = new LinkedHashMap<>();
    system.put("app_key", credentials.appKey());
    system.put("method", method);
    system.put("session", credentials.accessToken());
    system.put("sign_method", "sha256");
    system.put("timestamp", String.valueOf(clock.millis()));
    Map<String, String> all = new LinkedHashMap<>(system);
    all.putAll(business);
    system.put("sign", AliExpressSigner.sign("", all, credentials.appSecret()));
    StringBuilder url = new StringBuilder(baseUrl).append("/sync?");
    system.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    url.setLength(url.length() - 1);
    return http.client().postAbs(url.toString())
        .putHeader("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
  }

  private static Buffer form(Map<String, String> business) {
    StringBuilder out = new StringBuilder();
    business.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return Buffer.buffer(out.toString());
  }

  /**
   * The response object inside {@code <method>_response} (or the bare simplified body), or null
   * when the gateway reports the order as unknown; gateway errors become {@link CommerceException}s.
   */
  private JsonObject envelope(HttpResponse<Buffer> response, String method) {
    if (response.statusCode() >= 400 && response.statusCode() != 400) {
      throw http.unexpected(response);
    }
    JsonObject root = new JsonObject(response.bodyAsString());
    JsonObject error = root.getJsonObject("error_response", root.containsKey("code") && root.containsKey("type") ? root : null);
    if (error != null) {
      throw errorFor(error);
    }
    JsonObject body = root.getJsonObject(method.replace('.', '_') + "_response", root);
    JsonObject result = body.getJsonObject("result");
    if (result != null && Boolean.FALSE.equals(result.getValue("success"))) {
      String code = String.valueOf(result.getValue("error_code"));
      String message = String.valueOf(result.getValue("error_message")).toLowerCase(java.util.Locale.ROOT);
      if (message.contains("not found") || message.contains("not exist") || code.contains("NOT_FOUND")) {
        return null;
      }
      throw new CommerceException("aliexpress", Reason.REJECTED, "business error " + code);
    }
    return body;
  }

  private static CommerceException errorFor(JsonObject error) {
    String code = String.valueOf(error.getValue("code"));
    String sub = error.getString("sub_code", "");
    Reason reason = switch (code) {
      case "IllegalAccessToken", "IncompleteSignature", "InvalidAppKey", "AppKeyNotExist", "InsufficientPermission" ->
          Reason.AUTH;
      case "ApiCallLimit", "AppCallLimit", "7" -> Reason.RATE_LIMITED;
      case "MissingParameter", "InvalidParameter", "InvalidApiPath" -> Reason.REJECTED;
      default -> "ISV".equals(error.getString("type")) || sub.startsWith("isv.") ? Reason.REJECTED : Reason.UNAVAILABLE;
    };
    // The per-second ban lasts a second; waiting for the daily one is pointless within a chat.
    return new CommerceException("aliexpress", reason, "gateway error " + code, reason == Reason.RATE_LIMITED ? 1000 : -1,
        null);
  }

  private static Order toOrder(JsonObject t) {
    JsonObject amount = t.getJsonObject("order_amount", t.getJsonObject("new_order_amount", new JsonObject()));
    String currency = amount.getString("currency_code", "USD");
    List<OrderItem> items = new ArrayList<>();
    for (Object o : list(t.getValue("child_order_list"))) {
      JsonObject c = (JsonObject) o;
      items.add(new OrderItem(c.getString("product_name", ""), c.getInteger("product_count", 1), null));
    }
    List<Shipment> shipments = new ArrayList<>();
    for (Object o : list(t.getValue("logistic_info_list"))) {
      JsonObject l = (JsonObject) o;
      shipments.add(new Shipment(l.getString("logistics_service_name"), l.getString("logistics_type_code"),
          l.getString("logistics_no"), null, ProviderTimes.parse(l.getString("gmt_send"), PLATFORM_ZONE)));
    }
    JsonObject a = t.getJsonObject("receipt_address");
    Address address = a == null ? null : new Address(a.getString("contact_person"),
        join(a.getString("detail_address"), a.getString("address2")), a.getString("city"), a.getString("zip"),
        a.getString("country"));
    String phone = a == null || a.getString("mobile_no") == null ? null
        : "+" + a.getString("phone_country", "").replace("+", "") + a.getString("mobile_no");
    JsonObject buyerInfo = t.getJsonObject("buyer_info", new JsonObject());
    String status = t.getString("order_status");
    return new Order(String.valueOf(t.getValue("id")), "aliexpress",
        AliExpressStatuses.order(status, t.getString("order_end_reason"), t.getString("fund_status")), status, items,
        new Money(new BigDecimal(amount.getString("amount", "0")), currency),
        ProviderTimes.parse(t.getString("gmt_create"), PLATFORM_ZONE), PLATFORM_ZONE,
        new Buyer(phone, null, buyerInfo.getString("login_id", t.getString("buyerloginid"))), address, shipments);
  }

  /** Lists come as plain arrays (simplified) or wrapped in an object keyed by the item type. */
  private static JsonArray list(Object value) {
    if (value instanceof JsonArray a) {
      return a;
    }
    return value instanceof JsonObject o ? firstArray(o) : new JsonArray();
  }

  private static JsonArray firstArray(JsonObject o) {
    for (String key : o.fieldNames()) {
      if (o.getValue(key) instanceof JsonArray a) {
        return a;
      }
    }
    return new JsonArray();
  }

  private static String join(String a, String b) {
    return b == null || b.isBlank() ? a : a == null ? b : a + ", " + b;
  }
}
