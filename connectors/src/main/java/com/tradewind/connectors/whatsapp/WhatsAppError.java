package com.tradewind.connectors.whatsapp;

/**
 * An error as Meta reports it, in an API response or in a {@code failed} status.
 *
 * @param code the numeric code to branch on (131047, 130429…)
 * @param title the short title, or null (Meta is deprecating titles)
 * @param message the longer message, or null
 * @param details {@code error_data.details}, the most specific explanation, or null
 */
public record WhatsAppError(int code, String title, String message, String details) {

  /** Re-engagement: more than 24 hours since the user last wrote; only templates may be sent. */
  public static final int OUTSIDE_WINDOW = 131047;
  /** Cloud API throughput of the business number reached. */
  public static final int THROUGHPUT = 130429;
  /** Too many messages to one user in a short time (pair rate limit). */
  public static final int PAIR_RATE = 131056;
}
