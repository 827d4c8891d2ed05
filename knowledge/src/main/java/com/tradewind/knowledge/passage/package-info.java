/** Cutting normalized documents into citable passages: headings (also inline numbered ones), sentences, size budgets. */
package com.tradewind.knowledge.passage;
