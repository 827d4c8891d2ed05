package com.tradewind.knowledge.normalize;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes site notices that document-sharing sites and converters add around the real text:
 * copyright and take-down statements, download and "read more" prompts, membership adverts,
 * comment boxes. Text is matched after folding to Simplified and lower case.
 *
 * <p>Legal words alone are not enough (an IP-rules document talks about copyright and
 * infringement), so a segment is a notice only when it also speaks about the site itself: two
 * kinds of site cue, or one site cue and one legal cue, or a very short segment made of one cue.
 */
public final class NoticeDetector {

  private static final List<Pattern> LEGAL = List.of(
      Pattern.compile("版权|著作权|©|copyright|all rights reserved"),
      Pattern.compile("侵权|侵犯|举报|take ?down|dmca"));
  private static final List<Pattern> SITE = List.of(
      Pattern.compile("下载(?:本|此|该)?(?:文档|资源|文件|全文)|下载后|下载权益|免费下载|download (?:this|the|full|now|free)|free download"),
      Pattern.compile("已阅读|继续阅读|免费阅读|阅读全文|剩\\d+页|页未读|read more|continue reading|keep reading"),
      Pattern.compile("本站|本网站|本平台不|this site|our website|用户上传|用户提供并上传|网友上传|uploaded by"),
      Pattern.compile("vip|会员|付费|subscribe|subscription|广告|advertisement|sponsored"),
      Pattern.compile("评论|comments?\\b|点赞|收藏本|分享到|share (?:this|on)"));

  private NoticeDetector() {}

  public static boolean isNotice(String foldedText) {
    String text = foldedText.toLowerCase(Locale.ROOT);
    if (text.length() > 240) {
      return false;
    }
    int legal = 0;
    int site = 0;
    int covered = 0;
    for (Pattern cue : LEGAL) {
      int c = coverage(cue, text);
      legal += c > 0 ? 1 : 0;
      covered += c;
    }
    for (Pattern cue : SITE) {
      int c = coverage(cue, text);
      site += c > 0 ? 1 : 0;
      covered += c;
    }
    if (site >= 2 || (site >= 1 && legal >= 1)) {
      return true;
    }
    // A lone cue only marks a notice when it is most of a very short segment ("下载本文档", "评论").
    int letters = text.replaceAll("[\\s\\p{P}\\d]", "").length();
    return site + legal == 1 && letters <= 12 && covered * 2 >= letters;
  }

  private static int coverage(Pattern cue, String text) {
    var m = cue.matcher(text);
    int covered = 0;
    while (m.find()) {
      covered += m.end() - m.start();
    }
    return covered;
  }
}
