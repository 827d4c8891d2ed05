package com.tradewind.connectors.slack;

import com.tradewind.connectors.slack.SlackApiException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API calls the bot makes: {@code chat.postMessage} (paced per channel),
 * {@code auth.test}, {@code apps.connections.open} and posts to a {@code response_url}. Every call
 * has a timeout; HTTP 429 waits for {@code Retry-After} on a timer and tries again; {@code
 * "ok": false} is logged and fails the future with {@link SlackApiException}.
 */
public final class SlackWebApi {

  private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);

  /**
   * @param apiUrl e.g. {@code https://slack.com/api}, methods are appended as {@code /chat.postMessage}
   * @param timeout per HTTP request, retries each get their own
   * @param maxRateLimitRetries how many 429s in a row one call sits out before failing
   * @param maxRetryAfter a longer Retry-After fails the call at once instead of holding it
   * @param channelInterval minimum spacing of posts to one channel
   */
  public record Settings(String apiUrl, Duration timeout, int maxRateLimitRetries, Duration maxRetryAfter,
      Duration channelInterval) {

    public static Settings defaults(String apiUrl) {
      return new Settings(apiUrl, Duration.ofSeconds(10), 3, Duration.ofMinutes(2), Duration.ofSeconds(1));
    }
  }

  private final Vertx vertx;
  private final WebClient client;
  private final Settings settings;
  private final String botToken;
  private final ChannelPacer pacer;

  public SlackWebApi(Vertx vertx, WebClient client, Settings settings, String botToken) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.botToken = botToken;
    this.pacer = new ChannelPacer(vertx, settings.channelInterval());
  }

  /** Posts a message ({@code channel}, {@code text}, {@code blocks}, {@code thread_ts}…); the result is Slack's answer. */
  public Future<JsonObject> postMessage(JsonObject message) {
    String channel = message.getString("channel", "");
    return pacer.turn(channel).compose(v -> call("chat.postMessage", botToken, message));
  }

  /** Who the bot token belongs to. */
  public Future<SlackIdentity> authTest() {
    return call("auth.test", botToken, new JsonObject()).map(r -> new SlackIdentity(r.getString("user_id"),
        r.getString("bot_id"), r.getString("team_id")));
  }

  /** A single-use WebSocket URL for Socket Mode, opened with the app-level token. */
  public Future<String> openConnection(String appToken) {
    return call("apps.connections.open", appToken, new JsonObject()).compose(r -> r.getValue("url") instanceof String url
        ? Future.succeededFuture(url)
        : Future.failedFuture(new SlackApiException(Reason.BAD_RESPONSE, "apps.connections.open", "no url")));
  }

  /**
   * Posts a late answer to a slash command's or interaction's {@code response_url}; it needs no
   * token and answers plain {@code ok} rather than JSON.
   */
  public Future<Void> respond(String responseUrl, JsonObject message) {
    if (responseUrl == null || !(responseUrl.startsWith("https://") || responseUrl.startsWith("http://"))) {
      return Future.failedFuture(new SlackApiException(Reason.BAD_RESPONSE, "response_url", "missing or not http(s)"));
    }
    return send("response_url", responseUrl, null, message, 0).compose(resp -> resp.statusCode() / 100 == 2
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new SlackApiException(Reason.HTTP_STATUS, "response_url", String.valueOf(resp.statusCode()))));
  }

  /** Calls a Web API method with a token; fails unless Slack answers {@code ok: true}. */
  public Future<JsonObject> call(String method, String token, JsonObject body) {
    return send(method, settings.apiUrl() + "/" + method, token, body, 0).compose(resp -> {
      if (resp.statusCode() != 200) {
        return fail(method, Reason.HTTP_STATUS, String.valueOf(resp.statusCode()));
      }
      JsonObject json;
      try {
        json = resp.bodyAsJsonObject();
      } catch (RuntimeException e) {
        json = null;
      }
      if (json == null) {
        return fail(method, Reason.BAD_RESPONSE, "body is not a JSON object");
      }
      if (!Boolean.TRUE.equals(json.getValue("ok"))) {
        return fail(method, Reason.API_ERROR, json.getString("error", "unknown_error"));
      }
      return Future.succeededFuture(json);
    });
  }

  private static <T> Future<T> fail(String method, Reason reason, String error) {
    LOG.warn("Slack {} failed: {} {}", method, reason, error);
    return Future.failedFuture(new SlackApiException(reason, method, error));
  }

  /** One HTTP exchange, repeated after Retry-After while Slack answers 429. */
  private Future<HttpResponse<Buffer>> send(String method, String url, String token, JsonObject body, int attempt) {
    var request = client.requestAbs(HttpMethod.POST, url).timeout(settings.timeout().toMillis())
        .putHeader("content-type", "application/json; charset=utf-8");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request.sendBuffer(body.toBuffer())
        .recover(e -> fail(method, Reason.UNREACHABLE, e.getClass().getSimpleName()))
        .compose(resp -> {
          if (resp.statusCode() != 429) {
            return Future.succeededFuture(resp);
          }
          long waitSeconds = retryAfter(resp.getHeader("retry-after"));
          if (attempt >= settings.maxRateLimitRetries() || waitSeconds > settings.maxRetryAfter().toSeconds()) {
            return fail(method, Reason.RATE_LIMITED, "retry after " + waitSeconds + " s");
          }
          LOG.info("Slack {} rate limited, retrying in {} s", method, waitSeconds);
          Promise<HttpResponse<Buffer>> retried = Promise.promise();
          com.tradewind.connectors.ConnectorEvents.outboundRetry(vertx, "slack");
          vertx.setTimer(Math.max(1, waitSeconds * 1000), id -> send(method, url, token, body, attempt + 1).onComplete(retried));
          return retried.future();
        });
  }

  /** Seconds to wait; a missing or unreadable header counts as one second. */
  static long retryAfter(String header) {
    if (header == null) {
      return 1;
    }
    try {
      return Math.max(0, Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
