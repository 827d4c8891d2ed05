package com.tradewind.bot.config;

/** Where the HTTP server listens. */
public record HttpOptions(String host, int port) {}
