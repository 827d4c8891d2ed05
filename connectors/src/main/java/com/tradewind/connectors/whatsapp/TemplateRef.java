package com.tradewind.connectors.whatsapp;

/**
 * An approved message template, the only kind of message allowed outside the 24-hour window.
 * It is sent without parameters, so the approved template must have no variables.
 *
 * @param name the template's name in WhatsApp Manager
 * @param languageCode its language, e.g. {@code en_US} or {@code es_MX}
 */
public record TemplateRef(String name, String languageCode) {

  public TemplateRef {
    if (name == null || !name.matches("[a-z0-9_]{1,512}")) {
      throw new IllegalArgumentException("a template name is lower-case letters, digits and underscores");
    }
    if (languageCode == null || !languageCode.matches("[a-z]{2,3}(_[A-Za-z]{2,4})?")) {
      throw new IllegalArgumentException("a template language is a code such as en or en_US");
    }
  }
}
