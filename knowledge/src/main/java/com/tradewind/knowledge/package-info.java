/**
 * The knowledge base: documents in a folder become cleaned, normalized passages in an on-disk
 * Lucene index, searched across languages with citations and extractive answers.
 * {@link com.tradewind.knowledge.KnowledgeBase} is the entry point.
 */
package com.tradewind.knowledge;
