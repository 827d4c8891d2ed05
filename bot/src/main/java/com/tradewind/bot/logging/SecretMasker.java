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
  private record Rule(Pattern pattern, java.util.function.Predicate<Subject> worth) {}

  /**
   * The text the rules look at, with its lower-case form and digit count worked out only when a
   * rule's test needs them: most log values (an intent, a language, a channel) need neither.
   */
  private static final class Subject {
    final String text;
    private String lower;
    private int digits = -1;

    Subject(String text) {
      this.text = text;
    }

    String lower() {
      if (lower == null) {
        lower = text.toLowerCase(Locale.ROOT);
      }
      return lower;
    }

    int digits() {
      if (digits < 0) {
        digits = SecretMasker.digits(text);
      }
      return digits;
    }

    boolean contains(String part) {
      return text.contains(part);
    }

    /** Whether the text holds this ASCII letter in either case (the only characters whose lower case holds it). */
    boolean hasLetter(char lowerCase) {
      return text.indexOf(lowerCase) >= 0 || text.indexOf(Character.toUpperCase(lowerCase)) >= 0;
    }
  }

  private static final List<String> STREET_SUFFIXES = List.of("str", "weg", "gasse", "platz", "allee", "laan",
      "gatan", "vej", "väg");
  private static final List<String> STREET_WORDS = List.of("Street", "St", "Ave", "Road", "Rd", "Boulevard", "Blvd",
      "Lane", "Ln", "Dr", "Way", "Court", "Ct", "Place", "Pl", "Square", "Sq", "Highway", "Hwy", "Parkway", "Pkwy");
  private static final List<String> STREET_PREFIXES = List.of("calle", "avenida", "av.", "rua", "avenue", "rue",
      "boulevard", "via", "piazza", "ulica", "ul.", "улица", "ул.", "проспект", "пр.", "cadde", "sokak", "sk.");

  private static final List<Rule> RULES = List.of(
      // Authorization header values first, so the whole credential goes
      new Rule(Pattern.compile("(?i)\\b(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
          t -> t.hasLetter('b') && (t.lower().contains("bearer") || t.lower().contains("basic"))),
      new Rule(Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{8,}"), t -> t.contains("xox")),
      new Rule(Pattern.compile("\\bxapp-[A-Za-z0-9-]{8,}"), t -> t.contains("xapp-")),
      new Rule(Pattern.compile("\\bEAA[A-Za-z0-9]{20,}"), t -> t.contains("EAA")),
      new Rule(Pattern.compile("\\bshp(?:at|ss|ca|pa)_[A-Fa-f0-9]{16,}"), t -> t.contains("shp")),
      new Rule(Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"),
          t -> t.contains("_live_") || t.contains("_test_")),
      new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          t -> t.contains("eyJ")),
      // key=value and "key": "value" pairs whose key says secret
      new Rule(Pattern.compile("(?i)((?:secret|token|password|passwd|api[_-]?key|signature|access[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]{4,}"),
          t -> (t.text.indexOf('=') >= 0 || t.text.indexOf(':') >= 0) && (t.lower().contains("secret")
              || t.lower().contains("token") || t.lower().contains("passw") || t.lower().contains("key")
              || t.lower().contains("signature"))),
      new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), t -> t.text.indexOf('@') > 0),
      // street addresses: a number and a street word in Latin-script languages, Russian, Chinese;
      // case-sensitive: "1600 Amphitheatre Parkway", not "took 5 ms on the way"
      new Rule(Pattern.compile("(?U)\\b\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Highway|Hwy|Parkway|Pkwy)\\b\\.?"),
          t -> t.digits() > 0 && STREET_WORDS.stream().anyMatch(t::contains)),
      new Rule(Pattern.compile("(?iuU)(?<!\\w)(?:calle|avenida|av\\.|rua|avenue|rue|boulevard|via|viale|piazza|ulica|ul\\.|улица|ул\\.|проспект|пр\\.|cadde|sokak|sk\\.)\\s+[\\p{L}'.\\s-]{2,40}?,?\\s*(?:n[º°o]\\.?\\s*|д\\.\\s*|no[:.]?\\s*)?\\d{1,5}[a-z]?\\b"),
          t -> t.digits() > 0 && STREET_PREFIXES.stream().anyMatch(p -> t.lower().contains(p))),
      new Rule(Pattern.compile("(?iuU)\\b[\\p{L}-]{3,}(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan|straat|gatan|vej|väg)\\s*\\d{1,5}[a-z]?\\b"),
          t -> t.digits() > 0 && STREET_SUFFIXES.stream().anyMatch(p -> t.lower().contains(p))),
      new Rule(Pattern.compile("[\\p{IsHan}]{2,}(?:路|街|道|巷|弄|里)[\\p{IsHan}\\d]{0,6}?\\d+[号號](?:\\d+[室楼樓栋棟])?"),
          t -> t.text.indexOf('号') >= 0 || t.text.indexOf('號') >= 0),
      // phone numbers: 7 to 15 digits with the usual separators, not part of a longer token;
      // possessive, so a long run of digits is not split every possible way before failing
      new Rule(Pattern.compile("(?<![\\w+])\\+?\\(?\\d(?:[\\s.()-]{0,2}\\d){6,16}+(?![\\w])"),
          t -> t.digits() >= 7));

  private static final Pattern PHONE = RULES.getLast().pattern();

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
  /** Longest text remembered as clean; longer ones (messages with data in them) rarely repeat. */
  private static final int MAX_REMEMBERED = 128;
  /** Texts recently found to need no masking, by hash; Strings are immutable, so sharing them across threads is safe. */
  private final String[] clean = new String[1024];

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
    // Log values repeat (channels, intents, outcomes, a conversation's id on each of its lines):
    // a text found clean a moment ago is clean again. Only clean texts are remembered, so the
    // table never holds what it masked.
    int slot = -1;
    if (text.length() <= MAX_REMEMBERED) {
      int h = text.hashCode();
      slot = (h ^ (h >>> 16)) & (clean.length - 1);
      if (text.equals(clean[slot])) {
        return text;
      }
    }
    String out = maskEverything(text);
    if (slot >= 0 && out.equals(text)) {
      clean[slot] = text; // racy on purpose: a lost or stale entry only costs a masking
    }
    return out;
  }

  private String maskEverything(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    Subject subject = new Subject(out);
    for (Rule rule : RULES) {
      if (rule.worth().test(subject)) {
        String replaced = replace(rule.pattern(), out);
        if (!replaced.equals(out)) {
          out = replaced;
          subject = new Subject(out);
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
