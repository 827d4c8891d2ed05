package com.tradewind.bot.cluster;

import com.tradewind.bot.delivery.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * @param node this process's consumer name in the group; unique per process
 * @param dedupeFor how long a message's keys are remembered (7 days: Meta redelivers for days)
 * @param retry tries of a failing processor
 * @param claimIdle a message another node has held this long without a sign of life is taken
 *     over (its node is presumed dead); nodes refresh what they hold every third of this
 * @param orderWait how long a message waits for an earlier one of its conversation, held by
 *     another node, before it is processed anyway
 */
public record RedisInboxOptions(String node, Duration dedupeFor, RetryPolicy retry, Duration claimIdle,
    Duration orderWait) {

  public static RedisInboxOptions defaults() {
    return new RedisInboxOptions(defaultNode(), Duration.ofDays(7), RetryPolicy.defaults(), Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }

  /** host-pid-random: a restarted process is a new consumer, and its old one's work is claimed. */
  public static String defaultNode() {
    String host = System.getenv().getOrDefault("HOSTNAME", "node");
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
  }

  public RedisInboxOptions withNode(String name) {
    return new RedisInboxOptions(name, dedupeFor, retry, claimIdle, orderWait);
  }

  public RedisInboxOptions withRetry(RetryPolicy policy) {
    return new RedisInboxOptions(node, dedupeFor, policy, claimIdle, orderWait);
  }

  public RedisInboxOptions withClaimIdle(Duration idle) {
    return new RedisInboxOptions(node, dedupeFor, retry, idle, orderWait);
  }

  public RedisInboxOptions withDedupeFor(Duration duration) {
    return new RedisInboxOptions(node, duration, retry, claimIdle, orderWait);
  }
}
