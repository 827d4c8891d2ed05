package com.tradewind.bot.delivery;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors of a durable inbox by channel, and the recorded work of channels whose
 * processor is not set yet: at start-up, recovered messages arrive before the connectors have
 * registered, so they wait here in order and are handed over when {@link #process} is called.
 *
 * @param <T> the inbox's unit of work (a message, or a stream entry carrying one)
 */
public final class ChannelProcessors<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelProcessors.class);

  private final Context context;
  private final BiConsumer<T, Function<InboundMessage, Future<Void>>> submit;
  private final Map<String, Function<InboundMessage, Future<Void>>> processors = new ConcurrentHashMap<>();
  /** Touched on {@link #context} only. */
  private final Map<String, Queue<T>> waiting = new HashMap<>();

  /**
   * @param context where {@link #dispatch} is called and {@code submit} runs
   * @param submit starts processing one unit with its channel's processor
   */
  public ChannelProcessors(Context context, BiConsumer<T, Function<InboundMessage, Future<Void>>> submit) {
    this.context = context;
    this.submit = submit;
  }

  /** Sets a channel's processor and hands it what waited for it, in arrival order. */
  public void process(String channel, Function<InboundMessage, Future<Void>> processor) {
    processors.put(channel, processor);
    context.runOnContext(v -> {
      Queue<T> queued = waiting.remove(channel);
      if (queued != null) {
        queued.forEach(work -> submit.accept(work, processor));
      }
    });
  }

  /**
   * On the context: to the processor, or waiting behind earlier work of the same channel (which
   * keeps arrival order while a {@link #process} hand-over is still queued).
   */
  public void dispatch(String channel, String id, T work) {
    Queue<T> queued = waiting.get(channel);
    Function<InboundMessage, Future<Void>> processor = processors.get(channel);
    if (queued != null || processor == null) {
      if (queued == null && processor == null) {
        LOG.warn("inbox: no processor for channel {} yet; message {} waits, recorded", channel, id);
      }
      waiting.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(work);
      return;
    }
    submit.accept(work, processor);
  }
}
