package com.tradewind.connectors.shopify;

import com.tradewind.connectors.commerce.Address;
import com.tradewind.connectors.commerce.Buyer;
import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.Money;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderItem;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.commerce.ProviderTimes;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.http.ProviderHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders from a Shopify store through the Admin GraphQL API. A customer writes {@code #1001}
 * (the order name) or the numeric order id; both become one {@code orders(query:)} search.
 */
public final class ShopifyOrders implements OrderProvider {

  /** Pinned so the response shape cannot change under us. */
  public static final String API_VERSION = "2025-07";

  static final String QUERY = """
      query OrderLookup($q: String!) {
        orders(first: 1, query: $q) {
          nodes {
            id name createdAt cancelledAt email phone
            displayFinancialStatus displayFulfillmentStatus
            customer { id }
            totalPriceSet { shopMoney { amount currencyCode } }
            shippingAddress { name address1 address2 city zip countryCodeV2 phone }
            lineItems(first: 20) { nodes { title quantity } }
            fulfillments(first: 10) {
              createdAt displayStatus estimatedDeliveryAt
              trackingInfo(first: 5) { company number url }
            }
          }
        }
      }""";

  private final ProviderHttp http;
  private final String endpoint;
  private final String accessToken;

  /** @param shopUrl {@code https://my-shop.myshopify.com} */
  public ShopifyOrders(ProviderHttp http, String shopUrl, String accessToken) {
    this.http = http;
    String base = shopUrl.endsWith("/") ? shopUrl.substring(0, shopUrl.length() - 1) : shopUrl;
    this.endpoint = base + "/admin/api/" + API_VERSION + "/graphql.json";
    this.accessToken = accessToken;
  }

  @Override
  public String name() {
    return "shopify";
  }

  @Override
  public Future<Optional<Order>> order(String id) {
    String search = searchFor(id.strip());
    if (search == null) {
      return Future.succeededFuture(Optional.empty());
    }
    Buffer body = new JsonObject().put("query", QUERY).put("variables", new JsonObject().put("q", search)).toBuffer();
    // A GraphQL query is a read: safe to repeat.
    return http.call("order", true, () -> http.client().postAbs(endpoint)
        .putHeader("X-Shopify-Access-Token", accessToken)
        .putHeader("content-type", "application/json"), body, this::read);
  }

  /** {@code #1001} → {@code name:#1001}; {@code 450789469} → {@code id:450789469}; anything else null. */
  static String searchFor(String id) {
    if (id.matches("#[0-9]{1,12}")) {
      return "name:" + id;
    }
    if (id.matches("[0-9]{1,20}")) {
      return "id:" + id;
    }
    return null;
  }

  private Optional<Order> read(HttpResponse<Buffer> response) {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw http.unexpected(response);
    }
    JsonObject root = new JsonObject(response.bodyAsString());
    JsonArray errors = root.getJsonArray("errors");
    if (errors != null && !errors.isEmpty()) {
      throw errorFor(errors.getJsonObject(0), root.getJsonObject("extensions"));
    }
    JsonArray nodes = root.getJsonObject("data").getJsonObject("orders").getJsonArray("nodes");
    return nodes.isEmpty() ? Optional.empty() : Optional.of(toOrder(nodes.getJsonObject(0)));
  }

  private static CommerceException errorFor(JsonObject error, JsonObject extensions) {
    String code = error.getJsonObject("extensions", new JsonObject()).getString("code", "");
    if ("THROTTLED".equals(code)) {
      return new CommerceException("shopify", Reason.RATE_LIMITED, "query cost throttled", throttleWait(extensions),
          null);
    }
    if ("ACCESS_DENIED".equals(code) || "UNAUTHORIZED".equals(code)) {
      return new CommerceException("shopify", Reason.AUTH, "access denied");
    }
    return new CommerceException("shopify", Reason.REJECTED, "GraphQL error " + (code.isEmpty() ? "" : code));
  }

  /** Until the bucket holds the query's cost again, from {@code extensions.cost.throttleStatus}. */
  private static long throttleWait(JsonObject extensions) {
    if (extensions == null || extensions.getJsonObject("cost") == null) {
      return 1000;
    }
    JsonObject cost = extensions.getJsonObject("cost");
    JsonObject status = cost.getJsonObject("throttleStatus", new JsonObject());
    double needed = cost.getDouble("requestedQueryCost", 0.0) - status.getDouble("currentlyAvailable", 0.0);
    double rate = status.getDouble("restoreRate", 50.0);
    return Math.max(0, Math.round(Math.max(needed, 0) / Math.max(rate, 1) * 1000));
  }

  static Order toOrder(JsonObject o) {
    JsonObject money = o.getJsonObject("totalPriceSet").getJsonObject("shopMoney");
    List<OrderItem> items = new ArrayList<>();
    for (Object n : o.getJsonObject("lineItems", new JsonObject()).getJsonArray("nodes", new JsonArray())) {
      JsonObject item = (JsonObject) n;
      items.add(new OrderItem(item.getString("title"), item.getInteger("quantity", 1), null));
    }
    List<Shipment> shipments = new ArrayList<>();
    boolean allDelivered = true;
    for (Object f : o.getJsonArray("fulfillments", new JsonArray())) {
      JsonObject fulfillment = (JsonObject) f;
      allDelivered &= "DELIVERED".equals(fulfillment.getString("displayStatus"));
      for (Object t : fulfillment.getJsonArray("trackingInfo", new JsonArray())) {
        JsonObject info = (JsonObject) t;
        shipments.add(new Shipment(info.getString("company"), null, info.getString("number"),
            ProviderTimes.day(fulfillment.getString("estimatedDeliveryAt")),
            ProviderTimes.parse(fulfillment.getString("createdAt"), ZoneOffset.UTC)));
      }
    }
    String financial = o.getString("displayFinancialStatus");
    String fulfillment = o.getString("displayFulfillmentStatus");
    JsonObject a = o.getJsonObject("shippingAddress");
    Address address = a == null ? null : new Address(a.getString("name"),
        a.getString("address2") == null ? a.getString("address1") : a.getString("address1") + ", " + a.getString("address2"),
        a.getString("city"), a.getString("zip"), a.getString("countryCodeV2"));
    String phone = o.getString("phone") != null ? o.getString("phone") : a == null ? null : a.getString("phone");
    JsonObject customer = o.getJsonObject("customer");
    String gid = o.getString("id");
    return new Order(o.getString("name", gid), "shopify",
        status(financial, fulfillment, o.getString("cancelledAt") != null, !o.getJsonArray("fulfillments",
            new JsonArray()).isEmpty() && allDelivered),
        financial + "/" + fulfillment, items, new Money(new BigDecimal(money.getString("amount")),
            money.getString("currencyCode")), ProviderTimes.parse(o.getString("createdAt"), ZoneOffset.UTC),
        ZoneOffset.UTC, new Buyer(phone, o.getString("email"), customer == null ? null : numericId(customer.getString("id"))),
        address, shipments);
  }

  static OrderStatus status(String financial, String fulfillment, boolean cancelled, boolean delivered) {
    if ("REFUNDED".equals(financial)) {
      return OrderStatus.REFUNDED;
    }
    if (cancelled || "VOIDED".equals(financial)) {
      return OrderStatus.CANCELLED;
    }
    if ("PENDING".equals(financial) || "EXPIRED".equals(financial)) {
      return OrderStatus.AWAITING_PAYMENT;
    }
    if (fulfillment == null) {
      return OrderStatus.UNKNOWN;
    }
    return switch (fulfillment) {
      case "FULFILLED" -> delivered ? OrderStatus.DELIVERED : OrderStatus.SHIPPED;
      case "PARTIALLY_FULFILLED" -> OrderStatus.PARTLY_SHIPPED;
      case "ON_HOLD", "REQUEST_DECLINED" -> OrderStatus.FROZEN;
      case "UNFULFILLED", "OPEN", "PENDING_FULFILLMENT", "SCHEDULED", "IN_PROGRESS" -> OrderStatus.AWAITING_SHIPMENT;
      case "RESTOCKED" -> OrderStatus.CANCELLED;
      default -> OrderStatus.UNKNOWN;
    };
  }

  /** {@code gid://shopify/Customer/207119551} → {@code 207119551}, the id a shop's customer token names. */
  private static String numericId(String gid) {
    return gid == null ? null : gid.substring(gid.lastIndexOf('/') + 1);
  }
}
