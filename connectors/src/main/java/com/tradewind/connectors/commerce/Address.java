package com.tradewind.connectors.commerce;

/** Where the order goes. Personal data: replies show it masked, logs never. */
public record Address(String name, String street, String city, String postalCode, String country) {}
