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

  /**
   * A pattern and a cheap test that must hold before it is worth running: most log strings hold no
   * '@', no token prefix and few digits, and a regular expression scan costs far more than these.
   */
  private record Rule(Pattern pattern, java.util.function.BiPredicate<String, String> worth) {}

  private static final List<String> STREET_SUFFIXES = List.of("str", "weg", "gasse", "platz", "allee", "laan",
      "gatan", "vej", "väg");
  private static final List<String> STREET_WORDS = List.of("Street", "St", "Ave", "Road", "Rd", "Boulevard", "Blvd",
      "Lane", "Ln", "Dr", "Way", "Court", "Ct", "Place", "Pl", "Square", "Sq", "Highway", "Hwy", "Parkway", "Pkwy");
  private static final List<String> STREET_PREFIXES = List.of("calle", "avenida", "av.", "rua", "avenue", "rue",
      "boulevard", "via", "piazza", "ulica", "ul.", "улица", "ул.", "проспект", "пр.", "cadde", "sokak", "sk.");

  private static final List<Rule> RULES = List.of(
      // Authorization header values first, so the whole credential goes
      new Rule(Pattern.compile("(?i)\\b(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
          (s, lower) -> lower.contains("bearer") || lower.contains("basic")),
      new Rule(Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{8,}"), (s, lower) -> s.contains("xox")),
      new Rule(Pattern.compile("\\bxapp-[A-Za-z0-9-]{8,}"), (s, lower) -> s.contains("xapp-")),
      new Rule(Pattern.compile("\\bEAA[A-Za-z0-9]{20,}"), (s, lower) -> s.contains("EAA")),
      new Rule(Pattern.compile("\\bshp(?:at|ss|ca|pa)_[A-Fa-f0-9]{16,}"), (s, lower) -> s.contains("shp")),
      new Rule(Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
          (s, lower) -> s.contains("_live_") || s.contains("_test_")),
      new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          (s, lower) -> s.contains("eyJ")),
      // key=value and "key": "value" pairs whose key says secret
      new Rule(Pattern.compile("(?i)((?:secret|token|password|passwd|api[_-]?key|signature|access[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]{4,}"),
          (s, lower) -> (s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && (lower.contains("secret")
              || lower.contains("token") || lower.contains("passw") || lower.contains("key")
              || lower.contains("signature"))),
      new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), (s, lower) -> s.indexOf('@') > 0),
      // street addresses: a number and a street word in Latin-script languages, Russian, Chinese;
      // case-sensitive: "1600 Amphitheatre Parkway", not "took 5 ms on the way"
      new Rule(Pattern.compile("(?U)\\b\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Highway|Hwy|Parkway|Pkwy)\\b\\.?"),
          (s, lower) -> hasDigit(s) && STREET_WORDS.stream().anyMatch(s::contains)),
      new Rule(Pattern.compile("(?iuU)(?<!\\w)(?:calle|avenida|av\\.|rua|avenue|rue|boulevard|via|viale|piazza|ulica|ul\\.|улица|ул\\.|проспект|пр\\.|cadde|sokak|sk\\.)\\s+[\\p{L}'.\\s-]{2,40}?,?\\s*(?:n[º°o]\\.?\\s*|д\\.\\s*|no[:.]?\\s*)?\\d{1,5}[a-z]?\\b"),
          (s, lower) -> hasDigit(s) && STREET_PREFIXES.stream().anyMatch(lower::contains)),
      new Rule(Pattern.compile("(?iuU)\\b[\\p{L}-]{3,}(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan|straat|gatan|vej|väg)\\s*\\d{1,5}[a-z]?\\b"),
          (s, lower) -> hasDigit(s) && STREET_SUFFIXES.stream().anyMatch(lower::contains)),
      new Rule(Pattern.compile("[\\p{IsHan}]{2,}(?:路|街|道|巷|弄|里)[\\p{IsHan}\\d]{0,6}?\\d+[号號](?:\\d+[室楼樓栋棟])?"),
          (s, lower) -> s.indexOf('号') >= 0 || s.indexOf('號') >= 0),
      // phone numbers: 7 to 15 digits with the usual separators, not part of a longer token;
      // possessive, so a long run of digits is not split every possible way before failing
      new Rule(Pattern.compile("(?<![\\w+])\\+?\\(?\\d(?:[\\s.()-]{0,2}\\d){6,16}+(?![\\w])"),
          (s, lower) -> digits(s) >= 7));

  private static final Pattern PHONE = RULES.getLast().pattern();

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

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
    String lower = out.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.worth().test(out, lower)) {
        String replaced = replace(rule.pattern(), out);
        if (!replaced.equals(out)) {
          out = replaced;
          lower = out.toLowerCase(Locale.ROOT);
        }
      }
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
      if (pattern == PHONE && !isPhone(hit)) {
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
