package com.tradewind.bot.understanding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds parcel tracking numbers in free text and validates them with their carrier's check
 * digit; a number whose check digit is wrong is not reported (it is a typo or not a tracking
 * number, and either way tracking it would fail).
 *
 * <p>Matching is case-insensitive, tolerates single spaces inside a number, and works on text in
 * any script after {@linkplain TextNormalizer normalization} (full-width characters, native
 * digits). Digit-only formats (DHL Express, FedEx Express) are only considered when the message
 * names the carrier; see {@link TrackingFormat}.
 */
public final class TrackingNumberParser {

  /**
   * All tracking numbers in the message, in order of appearance, without overlaps.
   *
   * @param text the raw message; {@code null} is treated as empty
   * @return the numbers; positions refer to the normalized message
   */
  public List<TrackingNumber> findAll(String text) {
    return findAllNormalized(TextNormalizer.normalize(text));
  }

  /** {@link #findAll} of a text {@linkplain TextNormalizer#normalize already normalized}. */
  List<TrackingNumber> findAllNormalized(String normalized) {
    Set<TrackingFormat> formats = formatsInScope(normalized);
    List<TrackingNumber> found = new ArrayList<>();
    if (formats.isEmpty()) {
      return List.of();
    }
    for (List<AlnumRuns.Piece> run : AlnumRuns.of(normalized)) {
      scanRun(normalized, run, formats, found);
    }
    return List.copyOf(found);
  }

  /** The first tracking number in the message, if any. */
  public Optional<TrackingNumber> findFirst(String text) {
    return findAll(text).stream().findFirst();
  }

  private static Set<TrackingFormat> formatsInScope(String normalized) {
    Set<TrackingFormat> formats = EnumSet.noneOf(TrackingFormat.class);
    for (TrackingFormat format : TrackingFormat.values()) {
      if (format.contextSatisfied(normalized)) {
        formats.add(format);
      }
    }
    return formats;
  }

  // From each piece, joins following pieces while the number could still fit, and keeps the
  // longest join that is a valid number; scanning resumes after it.
  private static void scanRun(String text, List<AlnumRuns.Piece> run, Set<TrackingFormat> formats,
      List<TrackingNumber> found) {
    // bit n set: some format in scope is n characters long
    long lengths = 0;
    for (TrackingFormat format : formats) {
      lengths |= 1L << format.length();
    }
    int phonePieces = leadingPhonePieces(text, run);
    int first = 0;
    while (first < run.size()) {
      TrackingNumber best = null;
      int bestLast = -1;
      StringBuilder compact = new StringBuilder();
      for (int last = first; last < run.size(); last++) {
        AlnumRuns.Piece piece = run.get(last);
        compact.append(text, piece.start(), piece.end());
        if (compact.length() > TrackingFormat.MAX_LENGTH) {
          break;
        }
        if ((lengths & (1L << compact.length())) == 0) {
          continue;
        }
        TrackingNumber candidate = match(compact.toString().toUpperCase(Locale.ROOT),
            run.get(first).start(), piece.end(), formats, first < phonePieces);
        if (candidate != null) {
          best = candidate;
          bestLast = last;
        }
      }
      if (best != null) {
        found.add(best);
        first = bestLast + 1;
      } else {
        first++;
      }
    }
  }

  private static TrackingNumber match(String compact, int start, int end, Set<TrackingFormat> formats,
      boolean inPhoneNumber) {
    for (TrackingFormat format : formats) {
      if (format.accepts(compact) && !(format.requiresContext() && inPhoneNumber)) {
        return new TrackingNumber(compact, format.carrierOf(compact), format, start, end);
      }
    }
    return null;
  }

  // "+49 3318810025": a leading plus is an international dialling prefix, never part of a
  // waybill, so the digit pieces that follow it are a phone number. Returns how many there are.
  private static int leadingPhonePieces(String text, List<AlnumRuns.Piece> run) {
    int start = run.get(0).start();
    if (start == 0 || text.charAt(start - 1) != '+') {
      return 0;
    }
    int count = 0;
    while (count < run.size() && isDigits(text, run.get(count))) {
      count++;
    }
    return count;
  }

  private static boolean isDigits(String text, AlnumRuns.Piece piece) {
    for (int i = piece.start(); i < piece.end(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
