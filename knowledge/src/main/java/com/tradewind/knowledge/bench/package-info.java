/** The knowledge benchmark: indexing rate, search latency, heap and restart time on a generated corpus. */
package com.tradewind.knowledge.bench;
