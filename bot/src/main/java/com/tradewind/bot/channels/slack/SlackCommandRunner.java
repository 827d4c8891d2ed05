package com.tradewind.bot.channels.slack;

import com.tradewind.bot.conversation.Asker;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import com.tradewind.connectors.slack.SlackCommand;
import com.tradewind.connectors.slack.SlackWebApi;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /order <id>}, {@code /track <number>} and {@code /kb <question>}. The answer is private
 * ({@code ephemeral}) unless the text ends with the word {@code public}, which shares it in the
 * channel ({@code in_channel}). An answer ready within the inline budget is the HTTP response
 * itself; a slower one is acknowledged at once and posted to {@code response_url} when ready.
 */
final class SlackCommandRunner {

  static final String USAGE = "Try `/order <order id>`, `/track <tracking number>` or `/kb <question>`;"
      + " add `public` at the end to share the answer in the channel.";
  private static final Logger LOG = LoggerFactory.getLogger(SlackCommandRunner.class);

  private final Vertx vertx;
  private final Dialogue dialogue;
  private final SlackWebApi api;
  private final SlackReplyRenderer renderer;
  private final Duration inlineBudget;

  SlackCommandRunner(Vertx vertx, Dialogue dialogue, SlackWebApi api, SlackReplyRenderer renderer,
      Duration inlineBudget) {
    this.vertx = vertx;
    this.dialogue = dialogue;
    this.api = api;
    this.renderer = renderer;
    this.inlineBudget = inlineBudget;
  }

  /**
   * Runs a command.
   *
   * @return the inline response, or null when the answer will go to {@code response_url} (the
   *     caller then acknowledges with an empty 200)
   */
  Future<JsonObject> run(SlackCommand command, boolean inlineAllowed) {
    String name = command.command().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
    String text = command.text();
    boolean shared = text.matches("(?is).*(^|\\s)public$");
    if (shared) {
      text = text.substring(0, text.length() - "public".length()).strip();
    }
    String action = switch (name) {
      case "order" -> "order_status";
      case "track" -> "track";
      case "kb" -> null;
      default -> "?";
    };
    String responseType = shared ? "in_channel" : "ephemeral";
    if ("?".equals(action) || "kb".equals(name) && text.isBlank()) {
      return Future.succeededFuture(new JsonObject().put("response_type", "ephemeral").put("text", USAGE));
    }
    // every command is its own short conversation: a stale hand-off or pending question never swallows it
    String conversation = "slack:" + command.teamId() + ":cmd:" + command.userId() + ":"
        + (command.triggerId() != null ? command.triggerId() : System.nanoTime());
    Asker asker = new Asker(SlackInbound.CHANNEL, null, command.teamId(), command.channelId(), null);
    String answerId = command.channelId() + "/cmd-" + (command.triggerId() == null ? "" : command.triggerId());
    Future<JsonObject> answer = dialogue.handle(new IncomingMessage(SlackInbound.CHANNEL, command.userId(),
            conversation, text, action, asker))
        .map(turn -> response(turn, answerId, responseType));
    if (!inlineAllowed) {
      later(command, answer);
      return Future.succeededFuture(null);
    }
    Promise<JsonObject> result = Promise.promise();
    AtomicBoolean decided = new AtomicBoolean();
    long timer = vertx.setTimer(Math.max(1, inlineBudget.toMillis()), id -> {
      if (decided.compareAndSet(false, true)) {
        result.complete(null);
        later(command, answer);
      }
    });
    answer.onComplete(ar -> {
      if (decided.compareAndSet(false, true)) {
        vertx.cancelTimer(timer);
        result.complete(ar.succeeded() ? ar.result() : failure(responseType));
      }
    });
    return result.future();
  }

  private void later(SlackCommand command, Future<JsonObject> answer) {
    answer.recover(e -> Future.succeededFuture(failure("ephemeral")))
        .compose(json -> api.respond(command.responseUrl(), json))
        .onFailure(e -> LOG.warn("Slack {} answer could not be delivered: {}", command.command(), e.getMessage()));
  }

  private JsonObject response(Turn turn, String answerId, String responseType) {
    if (turn.reply() == null) {
      return new JsonObject().put("response_type", "ephemeral").put("text", "A person is handling this conversation.");
    }
    return renderer.render(turn, answerId).put("response_type", responseType);
  }

  private static JsonObject failure(String responseType) {
    return new JsonObject().put("response_type", responseType)
        .put("text", "Sorry, that could not be answered right now. Please try again in a minute.");
  }
}
