/**
 * Cleaning extracted text: Unicode NFKC, mojibake, pinyin annotations, Traditional→Simplified
 * folding for matching, and boilerplate (repeated segments, notices, unrelated title lists).
 * Every rule is a general mechanism; none lists strings of particular source documents.
 */
package com.tradewind.knowledge.normalize;
