/** Reading files of every supported format into text blocks (headings and paragraphs). */
package com.tradewind.knowledge.ingest;
