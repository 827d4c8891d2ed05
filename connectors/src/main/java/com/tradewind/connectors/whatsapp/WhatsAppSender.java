package com.tradewind.connectors.whatsapp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies within the rules of the 24-hour window: free-form messages while it is open, the
 * configured approved template otherwise — also when Meta rejects a free-form message with
 * 131047, whether in the send call's answer or later in a {@code failed} status. The template
 * goes to a user at most once until they write again.
 */
public final class WhatsAppSender {

  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppSender.class);

  private final WhatsAppClient client;
  private final CustomerServiceWindow window;
  private final TemplateRef template;
  /** Free-form messages sent, by wamid, so a later 131047 status finds its recipient. */
  private final Cache<String, String> freeForm;
  /** Users who got the template since their last message. */
  private final Cache<String, Boolean> templated;

  /**
   * @param template the approved template for closed windows, or null when none is configured (a
   *     reply outside the window then fails with {@link WhatsAppApiException.Reason#OUTSIDE_WINDOW})
   */
  public WhatsAppSender(WhatsAppClient client, CustomerServiceWindow window, TemplateRef template, long maxTracked) {
    this.client = client;
    this.window = window;
    this.template = template;
    this.freeForm = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterWrite(Duration.ofDays(2)).build();
    this.templated = Caffeine.newBuilder().maximumSize(maxTracked)
        .expireAfterWrite(CustomerServiceWindow.LENGTH.multipliedBy(7)).build();
  }

  /** A message from {@code user} arrived: their window is open again. */
  public void inbound(String user, Instant sentAt) {
    window.opened(user, sentAt);
    templated.invalidate(user);
  }

  /**
   * Sends the parts in order, or the template when the window is closed.
   *
   * @return the ids of the messages sent (empty when the template was already sent earlier)
   */
  public Future<List<String>> send(String to, List<WhatsAppOutbound> parts) {
    if (!window.isOpen(to)) {
      return templateOnce(to).map(id -> id.map(List::of).orElse(List.of()));
    }
    List<String> sent = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (WhatsAppOutbound part : parts) {
      chain = chain.compose(v -> sendPart(to, part)).map(id -> {
        freeForm.put(id, to);
        sent.add(id);
        return null;
      });
    }
    return chain.map(v -> List.copyOf(sent)).recover(e -> {
      if (e instanceof WhatsAppApiException api && api.reason() == WhatsAppApiException.Reason.OUTSIDE_WINDOW) {
        window.closed(to);
        return templateOnce(to).map(id -> {
          id.ifPresent(sent::add);
          return List.copyOf(sent);
        });
      }
      return Future.failedFuture(e);
    });
  }

  /**
   * Reacts to a {@code failed} status: a free-form message refused with 131047 is followed by the
   * template.
   *
   * @return the template's message id when one was sent
   */
  public Future<Optional<String>> onStatus(WhatsAppStatus status) {
    boolean outsideWindow = "failed".equals(status.status())
        && status.errors().stream().anyMatch(e -> e.code() == WhatsAppError.OUTSIDE_WINDOW);
    if (!outsideWindow) {
      return Future.succeededFuture(Optional.empty());
    }
    String to = freeForm.getIfPresent(status.messageId());
    if (to == null) {
      to = status.recipientId();
    }
    if (to == null) {
      return Future.succeededFuture(Optional.empty());
    }
    freeForm.invalidate(status.messageId());
    window.closed(to);
    return templateOnce(to);
  }

  /** Marks an incoming message as read. */
  public Future<Void> markRead(String messageId) {
    return client.markRead(messageId);
  }

  private Future<String> sendPart(String to, WhatsAppOutbound part) {
    return switch (part) {
      case WhatsAppOutbound.Text t -> client.sendText(to, t.body());
      case WhatsAppOutbound.Buttons b -> client.sendButtons(to, b.body(), b.buttons());
    };
  }

  private Future<Optional<String>> templateOnce(String to) {
    if (template == null) {
      return Future.failedFuture(new WhatsAppApiException(WhatsAppApiException.Reason.OUTSIDE_WINDOW,
          WhatsAppError.OUTSIDE_WINDOW, 0, "outside the 24-hour window and no approved template is configured", null));
    }
    if (templated.asMap().putIfAbsent(to, Boolean.TRUE) != null) {
      return Future.succeededFuture(Optional.empty());
    }
    LOG.info("WhatsApp window closed for a user: sending template {}", template.name());
    return client.sendTemplate(to, template).map(Optional::of).onFailure(e -> templated.invalidate(to));
  }
}
