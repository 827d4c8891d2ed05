/**
 * What the bot did and where it failed: turn counts per day, knowledge answers with the passages
 * they used, 👍/👎 per answer, and unanswered or down-voted questions grouped across wordings and
 * languages, kept in an append-only journal so they survive restarts.
 */
package com.tradewind.bot.insight;
