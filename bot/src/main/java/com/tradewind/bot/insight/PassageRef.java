package com.tradewind.bot.insight;

import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.json.JsonObject;

/** A passage as the insight store keeps it: enough to link to it from the dashboard. */
public record PassageRef(String id, String title, String section, String path, double score) {

  static PassageRef of(SearchHit hit) {
    return new PassageRef(hit.id(), hit.title(), hit.section(), hit.path(), hit.score());
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("section", section).put("path", path)
        .put("score", Math.round(score * 1000) / 1000.0);
  }

  static PassageRef fromJson(JsonObject json) {
    return new PassageRef(json.getString("id"), json.getString("title"), json.getString("section"),
        json.getString("path"), json.getDouble("score", 0.0));
  }
}
