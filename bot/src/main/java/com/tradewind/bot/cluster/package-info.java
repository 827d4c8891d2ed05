/**
 * Cluster mode: several bot processes sharing one Redis for the inbox (a stream with a consumer
 * group), dedupe keys, conversation state, per-conversation order and outbound rate limits.
 * Every key is named in {@link com.tradewind.bot.cluster.RedisKeys}.
 */
package com.tradewind.bot.cluster;
