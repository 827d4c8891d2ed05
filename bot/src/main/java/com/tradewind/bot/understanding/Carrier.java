package com.tradewind.bot.understanding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parcel carrier: the stable {@code id} used in JSON and configuration, and a human display name.
 *
 * <p>A record rather than an enum because S10 numbers can come from any of about 190 postal
 * operators; the ones our customers meet most have named constants, the rest are
 * {@code postal-<country code>} (see {@link #forS10Country(String)}).
 *
 * @param id lower-case identifier, e.g. {@code "china-post"} or {@code "postal-cz"}
 * @param displayName name to show a customer, e.g. {@code "China Post"}
 */
public record Carrier(String id, String displayName) {

  public static final Carrier CHINA_POST = new Carrier("china-post", "China Post");
  public static final Carrier USPS = new Carrier("usps", "USPS");
  public static final Carrier ROYAL_MAIL = new Carrier("royal-mail", "Royal Mail");
  public static final Carrier DEUTSCHE_POST = new Carrier("deutsche-post", "Deutsche Post");
  public static final Carrier LA_POSTE = new Carrier("la-poste", "La Poste");
  public static final Carrier CORREOS = new Carrier("correos", "Correos");
  public static final Carrier RUSSIAN_POST = new Carrier("russian-post", "Russian Post");
  public static final Carrier CORREIOS = new Carrier("correios", "Correios");
  public static final Carrier POSTE_ITALIANE = new Carrier("poste-italiane", "Poste Italiane");
  public static final Carrier POCZTA_POLSKA = new Carrier("poczta-polska", "Poczta Polska");
  public static final Carrier PTT = new Carrier("ptt", "PTT");
  public static final Carrier UKRPOSHTA = new Carrier("ukrposhta", "Ukrposhta");
  public static final Carrier JAPAN_POST = new Carrier("japan-post", "Japan Post");
  public static final Carrier KOREA_POST = new Carrier("korea-post", "Korea Post");
  public static final Carrier UPS = new Carrier("ups", "UPS");
  public static final Carrier DHL = new Carrier("dhl", "DHL Express");
  public static final Carrier FEDEX = new Carrier("fedex", "FedEx");
  public static final Carrier CAINIAO = new Carrier("cainiao", "Cainiao");
  public static final Carrier YUNEXPRESS = new Carrier("yunexpress", "YunExpress");

  private static final String POSTAL_PREFIX = "postal-";

  /** Every carrier with a named constant, in declaration order. */
  public static final List<Carrier> KNOWN = List.of(
      CHINA_POST, USPS, ROYAL_MAIL, DEUTSCHE_POST, LA_POSTE, CORREOS, RUSSIAN_POST, CORREIOS,
      POSTE_ITALIANE, POCZTA_POLSKA, PTT, UKRPOSHTA, JAPAN_POST, KOREA_POST,
      UPS, DHL, FEDEX, CAINIAO, YUNEXPRESS);

  // The operator whose country code ends an S10 number is the one that issued it.
  private static final Map<String, Carrier> BY_S10_COUNTRY = Map.ofEntries(
      Map.entry("CN", CHINA_POST), Map.entry("US", USPS), Map.entry("GB", ROYAL_MAIL),
      Map.entry("DE", DEUTSCHE_POST), Map.entry("FR", LA_POSTE), Map.entry("ES", CORREOS),
      Map.entry("RU", RUSSIAN_POST), Map.entry("BR", CORREIOS), Map.entry("IT", POSTE_ITALIANE),
      Map.entry("PL", POCZTA_POLSKA), Map.entry("TR", PTT), Map.entry("UA", UKRPOSHTA),
      Map.entry("JP", JAPAN_POST), Map.entry("KR", KOREA_POST));

  private static final Map<String, Carrier> BY_ID =
      KNOWN.stream().collect(Collectors.toUnmodifiableMap(Carrier::id, Function.identity()));

  public Carrier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    if (id.isBlank()) {
      throw new IllegalArgumentException("carrier id is blank");
    }
  }

  /**
   * The postal operator that issued an S10 number ending in {@code countryCode}.
   *
   * @param countryCode ISO 3166-1 alpha-2 code, any case
   * @return a named carrier for the common countries, otherwise {@code postal-<cc>}
   */
  public static Carrier forS10Country(String countryCode) {
    String cc = countryCode.toUpperCase(Locale.ROOT);
    Carrier known = BY_S10_COUNTRY.get(cc);
    if (known != null) {
      return known;
    }
    String country = Locale.of("", cc).getDisplayCountry(Locale.ENGLISH);
    String name = country.isEmpty() || country.equals(cc) ? "Postal service " + cc : country + " postal service";
    return new Carrier(POSTAL_PREFIX + cc.toLowerCase(Locale.ROOT), name);
  }

  /**
   * Resolves an id as written in JSON or configuration.
   *
   * @param id e.g. {@code "dhl"} or {@code "postal-cz"}
   * @return the carrier, or {@code null} if the id is unknown
   */
  public static Carrier fromId(String id) {
    if (id == null) {
      return null;
    }
    Carrier known = BY_ID.get(id);
    if (known != null) {
      return known;
    }
    if (id.startsWith(POSTAL_PREFIX) && id.length() == POSTAL_PREFIX.length() + 2) {
      return forS10Country(id.substring(POSTAL_PREFIX.length()));
    }
    return null;
  }
}
