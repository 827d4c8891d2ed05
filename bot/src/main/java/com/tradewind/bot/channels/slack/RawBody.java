package com.tradewind.bot.channels.slack;

import com.tradewind.bot.http.JsonErrors;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * Reads a request body as the exact bytes received, with a size limit: signatures are computed
 * over these bytes, so no body parser may touch them first (form decoding and re-encoding would
 * change {@code %2F} into {@code /}).
 */
final class RawBody {

  private RawBody() {}

  /**
   * Calls {@code next} with the whole body, or answers 413 (and runs {@code onTooLarge}) once it
   * grows past {@code limit}.
   */
  static void read(RoutingContext ctx, long limit, Runnable onTooLarge, BiConsumer<RoutingContext, Buffer> next) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader("content-length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > limit) {
          onTooLarge.run();
        tooLarge(ctx);
          return;
        }
      } catch (NumberFormatException e) {
        JsonErrors.send(ctx, 400, "bad content-length");
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] rejected = {false};
    request.handler(chunk -> {
      if (rejected[0]) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        rejected[0] = true;
        onTooLarge.run();
        tooLarge(ctx);
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(e -> rejected[0] = true);
    request.endHandler(v -> {
      if (!rejected[0]) {
        next.accept(ctx, body);
      }
    });
    request.resume();
  }

  private static void tooLarge(RoutingContext ctx) {
    ctx.response().putHeader("connection", "close");
    JsonErrors.send(ctx, 413, "request body too large");
  }
}
