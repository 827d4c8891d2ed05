package com.tradewind.connectors.commerce;

/**
 * Who placed the order, as far as the store tells us; used to decide who may see it.
 *
 * @param phone E.164 ({@code +34600111222}) or as the store has it, or null
 * @param email or null
 * @param customerId the shop's customer id, or null
 */
public record Buyer(String phone, String email, String customerId) {

  public static final Buyer UNKNOWN = new Buyer(null, null, null);
}
