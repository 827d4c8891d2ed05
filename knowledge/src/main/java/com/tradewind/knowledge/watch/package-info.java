/** Watching the knowledge folder so that edits are indexed without a restart. */
package com.tradewind.knowledge.watch;
