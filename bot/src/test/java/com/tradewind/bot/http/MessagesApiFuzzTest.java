package com.tradewind.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the {@code POST /api/v1/messages} body validation: 100,000 generated
 * JSON objects (fields of every type, blank and over-long strings), each judged against an
 * independent statement of the rules.
 */
class MessagesApiFuzzTest {

  private static final String[] FIELDS = {"user", "text", "channel", "conversation", "action", "extra"};

  @Property(seed = "20261128")
  void validationAcceptsExactlyTheValidBodies(@ForAll("bodies") JsonObject body) {
    String problem = MessagesApi.firstProblem(body);
    assertEquals(valid(body), problem == null, () -> body.encode() + " -> " + problem);
  }

  /** The rules as the README states them, written independently of the code under test. */
  private static boolean valid(JsonObject body) {
    for (String field : new String[] {"user", "text", "channel", "conversation", "action"}) {
      Object value = body.getValue(field);
      if (value != null && !(value instanceof String)) {
        return false;
      }
    }
    String user = (String) body.getValue("user");
    String text = (String) body.getValue("text");
    String conversation = (String) body.getValue("conversation");
    return user != null && !user.isBlank() && user.length() <= 200
        && (conversation == null || conversation.length() <= 200)
        && text != null && !text.isBlank() && text.length() <= MessagesApi.MAX_TEXT;
  }

  @Provide
  Arbitrary<JsonObject> bodies() {
    Arbitrary<Object> value = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30).map(s -> (Object) s),
        Arbitraries.of(" ", "", "\t\n", "\u3000", "ana").map(s -> (Object) s),
        Arbitraries.integers().between(195, 205).map(n -> (Object) "u".repeat(n)),
        Arbitraries.integers().between(3995, 4005).map(n -> (Object) "t".repeat(n)),
        Arbitraries.integers().map(n -> (Object) n),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just((Object) new JsonArray().add("x")),
        Arbitraries.just((Object) new JsonObject().put("a", 1)),
        Arbitraries.just(null));
    return Arbitraries.maps(Arbitraries.of(FIELDS), value).ofMaxSize(FIELDS.length)
        .map(m -> {
          JsonObject body = new JsonObject();
          for (Map.Entry<String, Object> e : m.entrySet()) {
            body.put(e.getKey(), e.getValue());
          }
          return body;
        });
  }
}
