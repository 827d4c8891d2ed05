package com.tradewind.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small knowledge folder written into a temporary directory: one Chinese and one English document. */
public final class TestKnowledge {

  public static final String DISPUTES = "seller/zh/disputes.md";
  public static final String TEMPLATES = "seller/en/shipping-templates.md";

  private TestKnowledge() {}

  /** Writes the documents under {@code dir} and returns it. */
  public static Path write(Path dir) {
    write(dir, DISPUTES, """
        # 纠纷与仲裁

        ## 仲裁时间

        平台介入后一般在7个工作日内作出裁决。双方须在3天内补充证据，逾期视为放弃。

        ## 发起时间

        买家可在订单完成后15天内发起纠纷。
        """);
    write(dir, TEMPLATES, """
        # Shipping templates

        ## Creating a template

        Open the seller center, choose Logistics, then Shipping templates, and click New template.
        Pick the carriers for each destination and set free shipping only where the margin allows it.

        ## Editing a template

        Changes to a shipping template apply to new orders within 30 minutes; orders already placed keep the old rates.
        """);
    return dir;
  }

  private static void write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
