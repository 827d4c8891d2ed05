package com.tradewind.knowledge.search;

/**
 * One ranked passage with what a citation needs.
 *
 * @param snippet the passage text, cut to at most 600 characters around its best sentence
 */
public record SearchHit(String id, String title, String section, String path, String language, String text,
    String snippet, double score) {}
