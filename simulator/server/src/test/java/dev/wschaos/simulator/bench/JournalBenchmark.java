package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.analytics.AttemptRecorder;
import dev.wschaos.simulator.analytics.JournalFeed;
import dev.wschaos.simulator.journal.EventHub;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.Journal;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.metrics.ChaosMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the event journal costs on the data path: the same workloads against a server with no event listener at all
 * (journal off, no metrics, no export) and one with the journal and the Prometheus metrics on, alternated in one
 * run. Not part of {@code verify}; run it with
 * {@code ./mvnw -B -q -pl simulator test -Dtest=JournalBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and read
 * {@code target/surefire-reports/dev.wschaos.simulator.bench.JournalBenchmark-output.txt}.
 */
class JournalBenchmark {

  static {
    // per-connection debug logging (the test default) would dwarf what is measured
    System.setProperty("org.slf4j.simpleLogger.log.dev.wschaos", "warn");
  }

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
  private static final int CHURN = Integer.getInteger("bench.churn", 3000);
  private static final int CONCURRENCY = 50;
  private static final int STREAMS = 20;
  private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);

  @Test
  void journalCostOnConnectionsAndMessages() throws Exception {
    Vertx clientVertx = Vertx.vertx();
    try (WsChaosServer off = WsChaosServer.builder().journalSize(0).start();
         WsChaosServer on = WsChaosServer.builder().admin(AdminSettings.loopback(0)).start()) {
      WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(200));
      for (int warmup = 0; warmup < 2; warmup++) {
        churn(client, off.port(), CHURN);
        churn(client, on.port(), CHURN);
        messages(client, off.port(), MESSAGES);
        messages(client, on.port(), MESSAGES);
      }
      List<double[]> results = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        boolean offFirst = round % 2 == 0;
        double churnOff = offFirst ? churn(client, off.port(), CHURN) : 0;
        double churnOn = churn(client, on.port(), CHURN);
        churnOff = offFirst ? churnOff : churn(client, off.port(), CHURN);
        double msgOff = offFirst ? messages(client, off.port(), MESSAGES) : 0;
        double msgOn = messages(client, on.port(), MESSAGES);
        msgOff = offFirst ? msgOff : messages(client, off.port(), MESSAGES);
        results.add(new double[] {churnOff, churnOn, msgOff, msgOn});
        System.out.printf(Locale.ROOT, "round %d: connections/s off %.0f on %.0f (ratio %.3f); messages/s off %.0f "
            + "on %.0f (ratio %.3f)%n", round + 1, churnOff, churnOn, churnOn / churnOff, msgOff, msgOn, msgOn / msgOff);
      }
      List<Double> churnRatios = results.stream().map(r -> r[1] / r[0]).sorted().toList();
      List<Double> msgRatios = results.stream().map(r -> r[3] / r[2]).sorted().toList();
      System.out.printf(Locale.ROOT, "median ratio with/without journal: connections/s %.3f, messages/s %.3f%n",
          churnRatios.get(churnRatios.size() / 2), msgRatios.get(msgRatios.size() / 2));
      double[] sum = new double[4];
      results.forEach(r -> {
        for (int i = 0; i < 4; i++) {
          sum[i] += r[i];
        }
      });
      System.out.printf(Locale.ROOT, "JOURNAL COST (%d rounds, %d connections of churn, %d streams x %d echoes): "
              + "connections/s with/without journal = %.3f, messages/s with/without journal = %.3f; "
              + "journal on server held %d events, overflow %d%n",
          ROUNDS, CHURN, STREAMS, MESSAGES / STREAMS, sum[1] / sum[0], sum[3] / sum[2], on.journal().size(),
          on.journal().overflow());
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The journal's own cost, without sockets: nanoseconds to build and record one connection event through an
   * {@link EventHub} feeding the ring journal and the Prometheus metrics, against the disabled path.
   */
  @Test
  void perEventCost() {
    int events = 2_000_000;
    EventSink disabled = EventSink.NONE;
    EventHub hub = new EventHub();
    Journal journal = new Journal(100_000);
    hub.listen(journal).listen(new ChaosMetrics(List::of, journal::overflow));
    double offNs = 0;
    double onNs = 0;
    for (int round = 0; round < 5; round++) {
      offNs = emit(disabled, events);
      onNs = emit(hub, events);
    }
    System.out.printf(Locale.ROOT, "PER EVENT: disabled %.1f ns, journal+metrics %.1f ns (%d events, overflow %d)%n",
        offNs, onNs, events, journal.overflow());
  }

  /**
   * What the journal costs in bytes, without sockets: allocated per event (with a builder per event, and through the
   * hub's reused builder), allocated per connection for the events a healthy connection journals (upgrade received,
   * opened, close received, closed) with the journal and the reconnect analytics listening, and held after a full GC
   * per event in the journal and per attempt in the analytics. Figures only.
   */
  @Test
  void bytesPerEventAndPerConnection() {
    int events = 200_000;
    EventHub hub = new EventHub();
    Journal journal = new Journal(events);
    hub.listen(journal);
    for (int round = 0; round < 3; round++) { // warm-up: JIT
      allocated(() -> emitBuilt(hub, events));
      allocated(() -> emitFilled(hub, events));
    }
    double built = allocated(() -> emitBuilt(hub, events)) / (double) events;
    double filled = allocated(() -> emitFilled(hub, events)) / (double) events;
    journal.clear();
    long empty = heapAfterGc();
    emitFilled(hub, events);
    double heldPerEvent = (heapAfterGc() - empty) / (double) events;

    int connections = 50_000;
    EventHub withAnalytics = new EventHub();
    AttemptRecorder attempts = AttemptRecorder.create(connections);
    withAnalytics.listen(new Journal(4 * connections)).listen(new JournalFeed(attempts, () -> "lastSeq"));
    for (int round = 0; round < 3; round++) {
      allocated(() -> connections(withAnalytics, 0, connections));
    }
    double perConnection = allocated(() -> connections(withAnalytics, connections, connections))
        / (double) connections;
    EventHub analyticsOnly = new EventHub();
    AttemptRecorder held = AttemptRecorder.create(connections);
    analyticsOnly.listen(new JournalFeed(held, () -> "lastSeq"));
    long before = heapAfterGc();
    connections(analyticsOnly, 0, connections);
    double heldPerAttempt = (heapAfterGc() - before) / (double) connections;
    System.out.printf(Locale.ROOT, "BYTES PER EVENT: allocated %.0f (a builder per event) / %.0f (the hub's reused "
        + "builder), held in the journal %.0f; PER CONNECTION (4 events, journal + analytics): allocated %.0f, "
        + "held by the analytics per attempt %.0f (%d attempts held)%n", built, filled, heldPerEvent, perConnection,
        heldPerAttempt, held.size());
  }

  private static final Map<String, String> HEADERS = Map.of("User-Agent", "bench", "Sec-WebSocket-Version", "13");

  private static void emitBuilt(EventSink sink, int events) {
    for (int i = 0; i < events; i++) {
      sink.emit(JournalEvent.of(EventType.CLOSED, i, "client-1").attempt(1).path("/feed").code(1000)
          .initiator(JournalEvent.SERVER).messages(3, 3).durationMs(12));
    }
  }

  private static void emitFilled(EventSink sink, int events) {
    for (int i = 0; i < events; i++) {
      sink.emit(EventType.CLOSED, (long) i, "client-1", e -> e.attempt(1).path("/feed").code(1000)
          .initiator(JournalEvent.SERVER).messages(3, 3).durationMs(12));
    }
  }

  /** The events a healthy connection journals, as the server emits them (ids boxed once per connection). */
  private static void connections(EventSink sink, int from, int count) {
    for (int i = from; i < from + count; i++) {
      Long id = (long) i;
      String client = "c" + (i & 1023);
      sink.emit(EventType.UPGRADE_RECEIVED, id, client, e -> e.attempt(1).path("/feed").remote("127.0.0.1:40000")
          .headers(HEADERS).detail("clientId=" + client));
      sink.emit(EventType.OPENED, id, client, e -> e.attempt(1).path("/feed").remote("127.0.0.1:40000"));
      sink.emit(EventType.CLOSE_RECEIVED, id, client, e -> e.code(1000).reason("").initiator(JournalEvent.CLIENT));
      sink.emit(EventType.CLOSED, id, client, e -> e.attempt(1).path("/feed").code(1000).reason("")
          .initiator(JournalEvent.CLIENT).durationMs(3).messages(0, 0));
    }
  }

  private static long allocated(Runnable work) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    work.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private static double emit(EventSink sink, int events) {
    long start = System.nanoTime();
    for (int i = 0; i < events; i++) {
      if (sink.enabled()) {
        EventType type = (i & 1) == 0 ? EventType.OPENED : EventType.CLOSED;
        sink.emit(JournalEvent.of(type, i, "client-" + (i & 1023)).attempt(1).path("/feed").code(1000)
            .initiator(JournalEvent.SERVER).messages(3, 3).durationMs(12).build());
      }
    }
    return (System.nanoTime() - start) / (double) events;
  }

  /** Connect, one echo, close; {@code CONCURRENCY} at a time. Connections per second. */
  private static double churn(WebSocketClient client, int port, int total) throws Exception {
    CountDownLatch done = new CountDownLatch(total);
    AtomicInteger started = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < CONCURRENCY; i++) {
      next(client, port, total, started, done);
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("churn did not finish");
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }

  private static void next(WebSocketClient client, int port, int total, AtomicInteger started, CountDownLatch done) {
    int n = started.getAndIncrement();
    if (n >= total) {
      return;
    }
    client.connect(port, "127.0.0.1", "/bench?clientId=b" + n)
        .compose(JournalBenchmark::echoThenClose)
        .onComplete(r -> {
          done.countDown();
          next(client, port, total, started, done);
        });
  }

  private static Future<Void> echoThenClose(WebSocket ws) {
    Promise<Void> closed = Promise.promise();
    ws.closeHandler(v -> closed.tryComplete());
    ws.textMessageHandler(m -> ws.close());
    ws.writeTextMessage("ping");
    return closed.future();
  }

  /** {@code STREAMS} connections, each echoing its share of {@code total} messages one after another. Messages/s. */
  private static double messages(WebSocketClient client, int port, int total) throws Exception {
    int each = total / STREAMS;
    CountDownLatch done = new CountDownLatch(STREAMS);
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      sockets.add(client.connect(port, "127.0.0.1", "/bench?clientId=m" + i).await(10, TimeUnit.SECONDS));
    }
    long start = System.nanoTime();
    for (WebSocket ws : sockets) {
      int[] left = {each};
      ws.textMessageHandler(m -> {
        if (--left[0] == 0) {
          done.countDown();
        } else {
          ws.writeTextMessage("message " + left[0]);
        }
      });
      ws.writeTextMessage("message " + left[0]);
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("messages did not finish");
    }
    double rate = STREAMS * each / ((System.nanoTime() - start) / 1e9);
    for (WebSocket ws : sockets) {
      ws.close();
    }
    return rate;
  }
}
