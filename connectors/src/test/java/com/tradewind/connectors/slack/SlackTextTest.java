package com.tradewind.connectors.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void escapesExactlyTheThreeCharactersAmpersandFirst() {
    assertEquals("Hello &amp; &lt;world&gt; 🌊 \"quoted\" 'x'", SlackText.escape("Hello & <world> 🌊 \"quoted\" 'x'"));
    assertEquals("&amp;lt;", SlackText.escape("&lt;"));
    assertEquals("", SlackText.escape(null));
  }

  @Test
  void unescapeReversesEscape() {
    for (String s : new String[] {"a & b", "<tag>", "&lt; literally", "1 > 0 && 2 < 3", "平台仲裁要多久"}) {
      assertEquals(s, SlackText.unescape(SlackText.escape(s)));
    }
  }

  @Test
  void plainTextDropsTheBotMentionAndKeepsOtherPeople() {
    assertEquals("is it everything a river should be?",
        SlackText.plain("<@U0LAN0Z89> is it everything a river should be?", "U0LAN0Z89"));
    assertEquals("ask @bob in #general about &lt;this&gt; & that",
        SlackText.plain("ask <@U024BE7LH|bob> in <#C024BE7LR|general> about &amp;lt;this&amp;gt; &amp; that", "U0LAN0Z89"));
    assertEquals("see example.com and https://x.io/a", SlackText.plain("see <https://example.com|example.com> and <https://x.io/a>", null));
    assertEquals("@here 1 < 2", SlackText.plain("<!here> 1 &lt; 2", null));
  }

  @Test
  void mentionsFindsBothForms() {
    assertTrue(SlackText.mentions("hi <@U1>", "U1"));
    assertTrue(SlackText.mentions("hi <@U1|bot>", "U1"));
    assertFalse(SlackText.mentions("hi <@U12>", "U1"));
    assertFalse(SlackText.mentions("hi U1", "U1"));
  }
}
