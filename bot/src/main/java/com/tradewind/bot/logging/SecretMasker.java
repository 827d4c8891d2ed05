package com.tradewind.bot.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data and secrets in a log text: access tokens by their well-known shapes
 * (Slack, Meta, Shopify, bearer and basic credentials, JWTs), the values of configured secrets,
 * e-mail addresses, phone numbers and street addresses. It errs on the side of masking: a
 * masked order number in a log costs a look-up, a leaked token costs a rotation.
 */
public final class SecretMasker {

  static final String MASK = "****";
  /** Environment variables whose values are secrets, by the end of their names. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|_KEY)$");
  private static final int MIN_SECRET = 6;

  private static final List<Pattern> PATTERNS = List.of(
      // Authorization header values first, so the whole credential goes
      Pattern.compile("(?i)\\b(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
      Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{8,}"),
      Pattern.compile("\\bxapp-[A-Za-z0-9-]{8,}"),
      Pattern.compile("\\bEAA[A-Za-z0-9]{20,}"),
      Pattern.compile("\\bshp(?:at|ss|ca|pa)_[A-Fa-f0-9]{16,}"),
      Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
      // key=value and "key": "value" pairs whose key says secret
      Pattern.compile("(?i)((?:secret|token|password|passwd|api[_-]?key|signature|access[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]{4,}"),
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      // street addresses: a number and a street word in Latin-script languages, Russian, Chinese
      // case-sensitive: "1600 Amphitheatre Parkway", not "took 5 ms on the way"
      Pattern.compile("(?U)\\b\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Highway|Hwy|Parkway|Pkwy)\\b\\.?"),
      Pattern.compile("(?iuU)(?<!\\w)(?:calle|avenida|av\\.|rua|avenue|rue|boulevard|via|viale|piazza|ulica|ul\\.|улица|ул\\.|проспект|пр\\.|cadde|sokak|sk\\.)\\s+[\\p{L}'.\\s-]{2,40}?,?\\s*(?:n[º°o]\\.?\\s*|д\\.\\s*|no[:.]?\\s*)?\\d{1,5}[a-z]?\\b"),
      Pattern.compile("(?iuU)\\b[\\p{L}-]{3,}(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan|straat|gatan|vej|väg)\\s*\\d{1,5}[a-z]?\\b"),
      Pattern.compile("[\\p{IsHan}]{2,}(?:路|街|道|巷|弄|里)[\\p{IsHan}\\d]{0,6}?\\d+[号號](?:\\d+[室楼樓栋棟])?"),
      // phone numbers: 7 to 15 digits with the usual separators, not part of a longer token
      Pattern.compile("(?<![\\w+])\\+?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\(?\\d{1,4}\\)?){1,5}(?![\\w])"));

  private final List<String> secrets;

  /** @param secrets literal values to mask wherever they appear (signing secrets, tokens) */
  public SecretMasker(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.strip().length() >= MIN_SECRET) {
        kept.add(s.strip());
      }
    }
    kept.sort(Comparator.comparingInt(String::length).reversed()); // a secret containing another goes first
    this.secrets = List.copyOf(kept);
  }

  /** The values of the environment's secret-looking variables ({@code *_SECRET}, {@code *_TOKEN}, …). */
  public static SecretMasker fromEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach((name, value) -> {
      if (SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
        values.add(value);
      }
    });
    return new SecretMasker(values);
  }

  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    for (Pattern p : PATTERNS) {
      out = replace(p, out);
    }
    return out;
  }

  private static String replace(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      String hit = m.group();
      if (pattern == PATTERNS.getLast() && !isPhone(hit)) {
        m.appendReplacement(sb, Matcher.quoteReplacement(hit));
      } else if (m.groupCount() >= 1 && m.group(1) != null) {
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK));
      } else {
        m.appendReplacement(sb, MASK);
      }
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }

  /** 7 to 15 digits: shorter runs are counts and dates, longer ones order or tracking numbers. */
  private static boolean isPhone(String candidate) {
    long digits = candidate.chars().filter(Character::isDigit).count();
    return digits >= 7 && digits <= 15 && !candidate.matches("\\d{4}-\\d{2}-\\d{2}.*");
  }
}
