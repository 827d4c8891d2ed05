package com.tradewind.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.search.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Taiwan and Hong Kong sellers write other words, not only other characters: 訊息 for 消息,
 * 回覆 for 回复, 範本 for 模板. Folding the script makes 訊息 讯息, still not 消息; the glossary's
 * regional synonyms bridge the rest.
 */
class RegionalChineseVocabularyTest {

  @Test
  void aTaiwaneseQuestionIsAnsweredFromAMainlandPassage(@TempDir Path root) throws Exception {
    Path docs = root.resolve("kb");
    TestSupport.write(docs, "seller/zh/service.md", """
        # 客服规范

        ## 响应时效

        买家站内消息须在24小时内回复，超时会影响店铺的服务分。

        ## 运费模板

        运费模板创建后，在商品编辑页选择对应的模板即可生效。
        """);
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeOptions.of(docs, root.resolve("data"), Path.of("config/glossary.tsv")),
        TestSupport.detector())) {
      kb.refresh();
      Answer reply = kb.ask("買家的訊息要在多久內回覆？", null);
      assertFalse(reply.sources().isEmpty());
      assertEquals("响应时效", reply.sources().get(0).section());
      assertTrue(reply.answered(), "confidence " + reply.confidence());
      assertTrue(reply.text().contains("24小时内回复"), reply.text());

      Answer template = kb.ask("運費範本要怎麼套用到商品？", null);
      assertFalse(template.sources().isEmpty());
      assertEquals("运费模板", template.sources().get(0).section());
    }
  }
}
