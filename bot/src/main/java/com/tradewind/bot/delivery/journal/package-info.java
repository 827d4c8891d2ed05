/**
 * The single-node durable inbox: an append-only, checksummed journal under the data folder,
 * fsynced with group commit, replayed at start-up and compacted as it grows.
 */
package com.tradewind.bot.delivery.journal;
