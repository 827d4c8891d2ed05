package com.tradewind.bot.understanding;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tracking-number formats Tradewind recognizes, each with its shape, its check and the
 * carrier it implies. Shapes are matched against a compact upper-case candidate (no spaces).
 */
public enum TrackingFormat {

  /** UPU S10: 2 letters, 8 digits, check digit, ISO country of the issuing postal operator. */
  S10("[A-Z]{2}[0-9]{9}[A-Z]{2}", 13, null,
      n -> CheckDigits.isValidS10(n) && Iso.COUNTRIES.contains(n.substring(11)),
      n -> Carrier.forS10Country(n.substring(11))),

  /** UPS: {@code 1Z}, 15 alphanumerics, numeric check digit. */
  UPS("1Z[A-Z0-9]{16}", 18, null, CheckDigits::isValidUps, n -> Carrier.UPS),

  /**
   * DHL Express 10-digit waybill, mod 7. A bare 10-digit string is as likely a phone number, and
   * mod 7 lets one in seven random strings through, so it only counts when the message names DHL.
   */
  DHL_EXPRESS("[0-9]{10}", 10, "(?<![a-z])dhl|дхл|敦豪", CheckDigits::isValidDhlExpress, n -> Carrier.DHL),

  /** FedEx Express 12-digit number; needs the message to name FedEx, for the same reason as DHL. */
  FEDEX_EXPRESS("[0-9]{12}", 12, "(?<![a-z])fed ?ex|федекс|联邦快递|聯邦快遞|フェデックス",
      CheckDigits::isValidFedExExpress, n -> Carrier.FEDEX),

  /** Cainiao (AliExpress logistics) {@code LP} + 14 digits. No public check digit: format only. */
  CAINIAO("LP[0-9]{14}", 16, null, n -> true, n -> Carrier.CAINIAO),

  /** YunExpress {@code YT} + 16 digits. No public check digit: format only. */
  YUNEXPRESS("YT[0-9]{16}", 18, null, n -> true, n -> Carrier.YUNEXPRESS);

  /** Longest compact number of any format; bounds how many space-separated pieces are joined. */
  static final int MAX_LENGTH = 18;

  private final Pattern shape;
  private final int length;
  private final Pattern context;
  /**
   * The case-folded characters some match of {@link #context} must start with, or null when the
   * context's shape is not simple enough to tell: most messages name no carrier, and looking for
   * a few characters costs far less than trying the regex at every position.
   */
  private final String contextStarts;
  private final Predicate<String> check;
  private final Function<String, Carrier> carrier;

  TrackingFormat(String shape, int length, String context, Predicate<String> check, Function<String, Carrier> carrier) {
    this.shape = Pattern.compile(shape);
    this.length = length;
    this.context = context == null
        ? null
        : Pattern.compile(context, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.contextStarts = context == null ? null : firstCharacters(context);
    this.check = check;
    this.carrier = carrier;
  }

  /** Whether the number has this format's shape and passes its check. */
  public boolean accepts(String compactUpperCase) {
    return compactUpperCase.length() == length && shape.matcher(compactUpperCase).matches()
        && check.test(compactUpperCase);
  }

  /**
   * The one length every number of this format has. Every word of a message is a candidate, and
   * most joins of words have no format's length: they need no upper-casing and no regex.
   */
  int length() {
    return length;
  }

  /** The carrier a number accepted by this format belongs to. */
  public Carrier carrierOf(String compactUpperCase) {
    return carrier.apply(compactUpperCase);
  }

  /** Whether the format is digits only, and so easily confused with phone numbers. */
  public boolean requiresContext() {
    return context != null;
  }

  /** Whether the message says enough for this format to be considered at all. */
  boolean contextSatisfied(String normalizedText) {
    if (context == null) {
      return true;
    }
    return (contextStarts == null || mayStart(normalizedText, contextStarts)) && context.matcher(normalizedText).find();
  }

  private static boolean mayStart(String text, String starts) {
    for (int i = 0; i < text.length(); i++) {
      if (starts.indexOf(fold(text.charAt(i))) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** How {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE} compares a character. */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * The folded first characters of a regex's top-level alternatives, each a literal that may
   * follow a negative look-behind without {@code |} in it; null for any other shape.
   */
  static String firstCharacters(String regex) {
    StringBuilder starts = new StringBuilder();
    for (String alternative : regex.split("\\|", -1)) {
      String rest = alternative;
      if (rest.startsWith("(?<!")) {
        int close = rest.indexOf(')');
        if (close < 0 || rest.substring(0, close).indexOf('(', 1) >= 0) {
          return null;
        }
        rest = rest.substring(close + 1);
      }
      if (rest.isEmpty() || "\\[](){}.*+?^$|".indexOf(rest.charAt(0)) >= 0
          || Character.isSurrogate(rest.charAt(0)) || rest.length() > 1 && "*+?{".indexOf(rest.charAt(1)) >= 0) {
        return null;
      }
      starts.append(fold(rest.charAt(0)));
    }
    return starts.toString();
  }

  /** The characters {@link #contextStarts} holds (tests). */
  String contextStarts() {
    return contextStarts;
  }

  // Holder so the enum constructors do not touch a static field before it is initialized.
  private static final class Iso {
    // Rejects shapes like RB123456785XX that pass the check digit but name no country.
    static final Set<String> COUNTRIES = Set.copyOf(
        Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  }
}
