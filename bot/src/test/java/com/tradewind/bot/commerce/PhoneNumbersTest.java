package com.tradewind.bot.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void whatsAppFromStoreFormatAndInternationalPrefixAreTheSameNumber() {
    assertTrue(PhoneNumbers.same("34600111222", "+34600111222"));
    assertTrue(PhoneNumbers.same("+34 600-111-222", "0034600111222"));
    assertTrue(PhoneNumbers.same("+1 (502) 459-2181", "15024592181"));
  }

  @Test
  void differentOrUnusableNumbersNeverMatch() {
    assertFalse(PhoneNumbers.same("34600111223", "+34600111222"));
    assertFalse(PhoneNumbers.same("0600111222", "0600111222"), "national numbers cannot be matched safely");
    assertFalse(PhoneNumbers.same(null, null));
    assertFalse(PhoneNumbers.same("+34abc", "+34abc"));
    assertNull(PhoneNumbers.e164Digits("+1234"));
  }

  @Test
  void maskedShowsOnlyTheLastFourDigits() {
    assertEquals("•••• 1222", PhoneNumbers.masked("+34 600 111 222"));
    assertNull(PhoneNumbers.masked(null));
  }
}
