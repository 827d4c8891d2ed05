/** Cross-language search over the passage index and extractive, cited answers. */
package com.tradewind.knowledge.search;
