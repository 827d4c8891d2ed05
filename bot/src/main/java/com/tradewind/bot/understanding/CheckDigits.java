package com.tradewind.bot.understanding;

/**
 * The carriers' published check-digit algorithms. Inputs are upper-case ASCII with no spaces, and
 * of the right length and character classes (the callers' format patterns ensure it).
 */
public final class CheckDigits {

  private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
  // FedEx Express 12: weights 1, 3, 7 repeat leftwards starting from the last serial digit.
  private static final int[] FEDEX_WEIGHTS_FROM_RIGHT = {1, 3, 7};

  private CheckDigits() {}

  /**
   * UPU S10 check digit (weights 8 6 4 2 3 5 9 7, {@code 11 - sum mod 11}, 10 becomes 0, 11
   * becomes 5).
   *
   * @param serial the eight serial digits
   * @return the check digit, 0 to 9
   */
  public static int s10CheckDigit(CharSequence serial) {
    int sum = 0;
    for (int i = 0; i < S10_WEIGHTS.length; i++) {
      sum += digit(serial.charAt(i)) * S10_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 0 : check == 11 ? 5 : check;
  }

  /**
   * Whether a 13-character S10 number (e.g. {@code RB123456785GB}) has a correct check digit.
   * The country code is not checked here.
   */
  public static boolean isValidS10(String number) {
    return s10CheckDigit(number.substring(2, 10)) == digit(number.charAt(10));
  }

  /**
   * UPS {@code 1Z} check digit: letters count as {@code (ch - 63) mod 10}, characters in even
   * (1-based) positions are doubled, and the check digit brings the total to a multiple of 10.
   *
   * @param body the 15 characters between {@code 1Z} and the check digit
   * @return the check digit, 0 to 9
   */
  public static int upsCheckDigit(CharSequence body) {
    int total = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      int value = c >= '0' && c <= '9' ? c - '0' : (c - 63) % 10;
      total += i % 2 == 1 ? value * 2 : value;
    }
    return (10 - total % 10) % 10;
  }

  /** Whether an 18-character {@code 1Z} number has a correct check digit (which must be a digit). */
  public static boolean isValidUps(String number) {
    char check = number.charAt(17);
    return isDigit(check) && upsCheckDigit(number.substring(2, 17)) == check - '0';
  }

  /** Whether a 10-digit DHL Express waybill passes mod 7: the first nine digits, as a number, mod 7. */
  public static boolean isValidDhlExpress(String number) {
    return Long.parseLong(number.substring(0, 9)) % 7 == digit(number.charAt(9));
  }

  /**
   * Whether a 12-digit FedEx Express number has a correct check digit: the eleven serial digits
   * weighted 1, 3, 7, 1, 3, 7... from the rightmost one, summed, then mod 11 and mod 10.
   */
  public static boolean isValidFedExExpress(String number) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += digit(number.charAt(10 - i)) * FEDEX_WEIGHTS_FROM_RIGHT[i % 3];
    }
    return sum % 11 % 10 == digit(number.charAt(11));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digit(char c) {
    if (!isDigit(c)) {
      throw new IllegalArgumentException("not an ASCII digit: " + c);
    }
    return c - '0';
  }
}
