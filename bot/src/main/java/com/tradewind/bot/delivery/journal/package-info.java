/**
 * The single-node durable inbox: an append-only, checksummed journal under the data folder,
 * fsynced with group commit, replayed at start-up and compacted as it grows; the dedupe keys of
 * compacted segments move to immutable, memory-mapped key files, so the heap holds a fixed number
 * of keys however many are remembered.
 */
package com.tradewind.bot.delivery.journal;
