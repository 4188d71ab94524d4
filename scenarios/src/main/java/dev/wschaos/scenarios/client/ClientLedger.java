package dev.wschaos.scenarios.client;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the virtual users of one {@link WsClient} observed, shared by all of them and safe to update concurrently.
 * SLO checks read a {@link #snapshot()}; Gatling's report shows the same events as named requests and groups.
 *
 * <pre>{@code
 * ClientLedger ledger = new ClientLedger(ReconnectPolicy.DEFAULT_TERMINAL_CODES);
 * WsClient client = WsClient.builder("/feed").ledger(ledger).build();
 * // ... after the run:
 * long p99 = ledger.snapshot().reconnectPercentile(99);
 * }</pre>
 */
public final class ClientLedger {

  private final Set<Integer> terminalCodes;
  private final LongAdder connects = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final AtomicInteger connectedNow = new AtomicInteger();
  private final AtomicInteger peakConnected = new AtomicInteger();
  private final LongAdder retriesAfterTerminal = new LongAdder();
  private final LongAdder adviceIgnored = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final LongAdder echoMismatches = new LongAdder();
  private final LongAdder tickerMissed = new LongAdder();
  private final LongAdder ticks = new LongAdder();
  private final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> giveUps = new ConcurrentHashMap<>();
  private final Map<Long, LongAdder> attemptsPerSecond = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> reconnectMillis = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> firstReadyMillis = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> reconnectReadyMillis = new ConcurrentLinkedQueue<>();
  private final LongAdder feedEvents = new LongAdder();
  private final LongAdder feedMissed = new LongAdder();
  private final LongAdder feedGaps = new LongAdder();
  private final LongAdder feedDuplicates = new LongAdder();
  private final LongAdder resubscriptions = new LongAdder();
  private final LongAdder resumes = new LongAdder();
  private final Map<String, LongAdder> connectsPerNode = new ConcurrentHashMap<>();

  /** {@code terminalCodes}: the close codes after which any retry counts as a violation. */
  public ClientLedger(Set<Integer> terminalCodes) {
    this.terminalCodes = Set.copyOf(terminalCodes);
  }

  public ClientLedger() {
    this(ReconnectPolicy.DEFAULT_TERMINAL_CODES);
  }

  void connected(boolean reconnect, long reconnectMs) {
    connects.increment();
    int now = connectedNow.incrementAndGet();
    peakConnected.accumulateAndGet(now, Math::max);
    if (reconnect) {
      reconnectMillis.add(reconnectMs);
    }
  }

  void connectedTo(String node) {
    connectsPerNode.computeIfAbsent(node, k -> new LongAdder()).increment();
  }

  /** Connections opened per node when clients spread over several ({@link WsClient.Builder#nodes}); else empty. */
  public Map<String, Long> connectsPerNode() {
    return counts(connectsPerNode);
  }

  void connectFailed() {
    connectFailures.increment();
  }

  void disconnected(Disconnect why) {
    connectedNow.decrementAndGet();
    disconnects.computeIfAbsent(why.cause(), k -> new LongAdder()).increment();
  }

  void closedByClient() {
    connectedNow.decrementAndGet();
  }

  void attempt(Disconnect why, long waitedMs) {
    attemptsPerSecond.computeIfAbsent(System.currentTimeMillis() / 1000, k -> new LongAdder()).increment();
    if (why.closeCode() != null && terminalCodes.contains(why.closeCode())) {
      retriesAfterTerminal.increment();
    }
    if (why.advisedDelayMs() != null && waitedMs < why.advisedDelayMs()) {
      adviceIgnored.increment();
    }
  }

  void gaveUp(String reason) {
    giveUps.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  void message() {
    messages.increment();
  }

  void echoMismatch() {
    echoMismatches.increment();
  }

  void tick(long missedBefore) {
    ticks.increment();
    if (missedBefore > 0) {
      tickerMissed.add(missedBefore);
    }
  }

  void ready(boolean reconnect, long millis) {
    (reconnect ? reconnectReadyMillis : firstReadyMillis).add(millis);
  }

  void resubscribed(boolean resumed) {
    resubscriptions.increment();
    if (resumed) {
      resumes.increment();
    }
  }

  void feedEvent(long missedBefore, boolean duplicate) {
    feedEvents.increment();
    if (duplicate) {
      feedDuplicates.increment();
    }
    if (missedBefore > 0) {
      feedGaps.increment();
      feedMissed.add(missedBefore);
    }
  }

  public Snapshot snapshot() {
    List<Long> times = new ArrayList<>(reconnectMillis);
    Collections.sort(times);
    long peak = attemptsPerSecond.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
    return new Snapshot(connects.sum(), connectFailures.sum(), peakConnected.get(), connectedNow.get(),
        retriesAfterTerminal.sum(), adviceIgnored.sum(), messages.sum(), echoMismatches.sum(), ticks.sum(),
        tickerMissed.sum(), counts(disconnects), counts(giveUps), peak, List.copyOf(times),
        new ConversationFacts(sorted(firstReadyMillis), sorted(reconnectReadyMillis), feedEvents.sum(),
            feedGaps.sum(), feedMissed.sum(), feedDuplicates.sum(), resubscriptions.sum(), resumes.sum()));
  }

  private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
    List<Long> out = new ArrayList<>(values);
    Collections.sort(out);
    return List.copyOf(out);
  }

  /**
   * What conversation clients ({@link ClientConversation}) observed; all zero for other behaviours.
   *
   * @param firstReadyMillis sorted times from the first connect's start to ready
   * @param reconnectReadyMillis sorted times from a loss noticed to ready again (and resubscribed)
   * @param feedEvents feed events received
   * @param gaps times a feed jumped ahead; {@code missed} sequence numbers were skipped in all
   * @param duplicates events at or below the last sequence number seen
   * @param resubscriptions subscriptions made again after a reconnect; {@code resumes} of them resumed
   */
  public record ConversationFacts(List<Long> firstReadyMillis, List<Long> reconnectReadyMillis, long feedEvents,
                                  long gaps, long missed, long duplicates, long resubscriptions, long resumes) {

    /** Time to ready again after a reconnect at percentile {@code p} (0-100), 0 when nobody reconnected. */
    public long reconnectReadyPercentile(double p) {
      return percentile(reconnectReadyMillis, p);
    }

    /** Time to ready on the first connect at percentile {@code p} (0-100), 0 when nobody got ready. */
    public long firstReadyPercentile(double p) {
      return percentile(firstReadyMillis, p);
    }
  }

  static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static Map<String, Long> counts(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * The ledger at one moment. {@code reconnectMillis} is sorted (disconnect noticed -> connected again);
   * {@code conversation} holds what conversation clients saw (ready times, feed gaps, resubscriptions).
   */
  public record Snapshot(long connects, long connectFailures, int peakConnected, int connectedNow,
                         long retriesAfterTerminal, long adviceIgnored, long messages, long echoMismatches,
                         long ticks, long tickerMissed, Map<String, Long> disconnects, Map<String, Long> giveUps,
                         long peakAttemptsPerSecond, List<Long> reconnectMillis, ConversationFacts conversation) {

    public long giveUpCount() {
      return giveUps.values().stream().mapToLong(Long::longValue).sum();
    }

    public long disconnectCount() {
      return disconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The reconnect time at percentile {@code p} (0-100), or 0 when nobody reconnected. */
    public long reconnectPercentile(double p) {
      return percentile(reconnectMillis, p);
    }
  }
}
