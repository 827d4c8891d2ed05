package com.tradewind.bot.commerce;

import com.tradewind.bot.config.ConfigException;
import com.tradewind.bot.config.ConfigSource;
import com.tradewind.connectors.commerce.setup.CommerceProviders;
import com.tradewind.connectors.http.HttpPolicy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the order and parcel lookups from configuration: the providers
 * ({@code TRADEWIND_ORDERS_PROVIDER}, {@code TRADEWIND_TRACKING_PROVIDER} and their secrets), who
 * may see what ({@code TRADEWIND_WEB_ORDER_ACCESS}, {@code TRADEWIND_WEB_CUSTOMER_SECRET},
 * {@code SLACK_ALLOWED_TEAMS}) and when a parcel counts as stalled. Fails start-up naming the
 * variable when something is missing.
 *
 * @param tokens the customer-token verifier for the web chat, or null when none is configured
 */
public record CommerceAssembly(CommerceDesk desk, CommerceProviders providers, CustomerTokens tokens) {

  private static final Logger LOG = LoggerFactory.getLogger(CommerceAssembly.class);

  public static CommerceAssembly fromEnv(Vertx vertx, Map<String, String> env, Path sampleFile) throws IOException {
    ConfigSource config = ConfigSource.load(env);
    Clock clock = Clock.systemUTC();
    CommerceProviders providers = CommerceProviders.fromEnv(vertx, env, sampleFile, clock, HttpPolicy.defaults());
    String secret = env.get("TRADEWIND_WEB_CUSTOMER_SECRET");
    CustomerTokens tokens = secret == null || secret.isBlank() ? null : new CustomerTokens(secret, clock);
    OrderAccess.WebAccess web = webAccess(config.string("web.order-access"), providers.sampleOrders());
    if (web == OrderAccess.WebAccess.TOKEN && tokens == null) {
      throw new ConfigException("web.order-access", "is 'token' (the default with a real store), so "
          + "TRADEWIND_WEB_CUSTOMER_SECRET must be set; see docs/commerce.md");
    }
    if (web == OrderAccess.WebAccess.OPEN && !providers.sampleOrders()) {
      LOG.warn("TRADEWIND_WEB_ORDER_ACCESS=open with a real store: anyone in the web chat can look up any order");
    }
    Duration stalled = Duration.ofDays(config.integer("tracking.stalled-days", 1, 365));
    OrderAccess access = new OrderAccess(web, OrderAccess.parseSlackTeams(env.get("SLACK_ALLOWED_TEAMS")));
    LOG.info("orders from {}, parcels from {}, web-chat order access {}", providers.orders().name(),
        providers.orderParcels() == null ? providers.parcels().name()
            : providers.orderParcels().name() + " (its orders), " + providers.parcels().name() + " (other numbers)",
        web.name().toLowerCase(Locale.ROOT));
    return new CommerceAssembly(new CommerceDesk(providers.orders(), providers.parcels(), providers.orderParcels(), access,
        stalled), providers, tokens);
  }

  /** {@code auto}: open for the sample store (so a new user can try it), token for a real one. */
  static OrderAccess.WebAccess webAccess(String value, boolean sample) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> sample ? OrderAccess.WebAccess.OPEN : OrderAccess.WebAccess.TOKEN;
      case "open" -> OrderAccess.WebAccess.OPEN;
      case "token" -> OrderAccess.WebAccess.TOKEN;
      default -> throw new ConfigException("web.order-access", "must be auto, open or token, was '" + value + "'");
    };
  }
}
