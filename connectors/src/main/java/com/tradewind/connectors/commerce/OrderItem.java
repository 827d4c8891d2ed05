package com.tradewind.connectors.commerce;

/** One line of an order. @param price the line's price, or null when the provider does not say */
public record OrderItem(String name, int quantity, Money price) {}
