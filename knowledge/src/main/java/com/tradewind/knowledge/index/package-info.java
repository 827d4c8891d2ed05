/** The on-disk Lucene index of passages: per-language analysis, schema, manifest of indexed files. */
package com.tradewind.knowledge.index;
