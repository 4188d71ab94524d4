package dev.wschaos.simulator.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconnect history for the whole cluster: every node records its own journal events and every other node's in a
 * {@link MergedRecorder}, so the reconnect report of any node covers every node.
 *
 * <pre>
 *   node A: EventHub --> JournalShare.accept --> MergedRecorder (origin A)
 *                                            \-> pending (bounded) --every 100 ms, 1,000 a message--+
 *   event bus publish "wschaos.journal" {node: A, events: [...]} --> node B, C: MergedRecorder (origin A)  <--+
 * </pre>
 * Only the events analytics read travel (upgrades, rejections, opens, closes, drops, fleet actions and their
 * strikes), without their headers. When more than {@link #MAX_PENDING} wait (the bus is slower than the upgrades),
 * the newest are dropped and counted in a warning: the other nodes' reports then miss them.
 */
final class JournalShare implements Consumer<JournalEvent>, AutoCloseable {

  static final String ADDRESS = "wschaos.journal";
  static final long FLUSH_MS = 100;
  static final int MAX_PENDING = 50_000;
  static final int PER_MESSAGE = 1_000;
  private static final String NODE_HEADER = "wschaos-node";
  /**
   * Times as decimal seconds and no duplicate-key check: parsing ISO-8601 instants and checking every key made most of
   * the cost of reading another node's batches (a profile of the 30,000-client run).
   */
  private static final ObjectMapper WIRE = Json.mapper().copy()
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Logger LOG = LoggerFactory.getLogger(JournalShare.class);
  private static final Set<EventType> SHARED = EnumSet.of(EventType.UPGRADE_RECEIVED, EventType.UPGRADE_REJECTED,
      EventType.OPENED, EventType.CLOSE_SENT, EventType.CLOSE_RECEIVED, EventType.DROPPED, EventType.RESET,
      EventType.CLOSED, EventType.FLEET_ACTION, EventType.FAULT_APPLIED);

  private final Vertx vertx;
  private final String node;
  private final MergedRecorder merged;
  private final List<JournalEvent> pending = new ArrayList<>();
  private long dropped;
  private long droppedReported;
  private volatile long timer = -1;
  private volatile MessageConsumer<String> consumer;

  JournalShare(Vertx vertx, String node, MergedRecorder merged) {
    this.vertx = vertx;
    this.node = node;
    this.merged = merged;
  }

  /**
   * Batches are written and read on a worker context of their own, in order: reading another node's thousand events
   * takes milliseconds that the event loops serving WebSocket connections must not wait behind (a restart's closes).
   */
  void start(long timeoutSeconds) throws Exception {
    Context worker = ((VertxInternal) vertx).createWorkerContext();
    Promise<Void> registered = Promise.promise();
    worker.runOnContext(v -> {
      consumer = vertx.eventBus().consumer(ADDRESS, this::receive);
      timer = vertx.setPeriodic(FLUSH_MS, id -> flush());
      consumer.completion().onComplete(registered);
    });
    registered.future().await(timeoutSeconds, TimeUnit.SECONDS);
  }

  /** A journal event of this node: recorded here, and queued for the others. */
  @Override
  public void accept(JournalEvent event) {
    if (!SHARED.contains(event.type())) {
      return;
    }
    merged.record(node, event);
    JournalEvent slim = event.headers() == null ? event : withoutHeaders(event);
    synchronized (pending) {
      if (pending.size() >= MAX_PENDING) {
        dropped++;
      } else {
        pending.add(slim);
      }
    }
  }

  /** Forget the reconnect history here and on every other node. */
  void clearEverywhere() {
    synchronized (pending) {
      pending.clear();
    }
    merged.clear();
    vertx.eventBus().publish(ADDRESS, write(new JournalBatch(node, true, List.of())), fromHere());
  }

  private void flush() {
    List<List<JournalEvent>> batches = new ArrayList<>();
    long newlyDropped;
    synchronized (pending) {
      for (int from = 0; from < pending.size(); from += PER_MESSAGE) {
        batches.add(List.copyOf(pending.subList(from, Math.min(pending.size(), from + PER_MESSAGE))));
      }
      pending.clear();
      newlyDropped = dropped - droppedReported;
      droppedReported = dropped;
    }
    for (List<JournalEvent> batch : batches) {
      vertx.eventBus().publish(ADDRESS, write(new JournalBatch(node, false, batch)), fromHere());
    }
    if (newlyDropped > 0) {
      LOG.warn("wschaos cluster: {} journal events were not sent to the other nodes ({} waiting at most): their "
          + "reconnect reports miss them", newlyDropped, MAX_PENDING);
    }
  }

  static String write(JournalBatch batch) {
    try {
      return WIRE.writeValueAsString(batch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal batch could not be written: " + e.getMessage(), e);
    }
  }

  static JournalBatch read(String json) throws java.io.IOException {
    return WIRE.readValue(json, JournalBatch.class);
  }

  /** Publishing reaches this node too: the header lets it skip its own batches unread. */
  private DeliveryOptions fromHere() {
    return new DeliveryOptions().addHeader(NODE_HEADER, node);
  }

  private void receive(Message<String> message) {
    if (node.equals(message.headers().get(NODE_HEADER))) {
      return;
    }
    JournalBatch batch;
    try {
      batch = read(message.body());
    } catch (java.io.IOException e) {
      LOG.error("wschaos cluster: a journal batch was refused: {}", e.getMessage());
      return;
    }
    if (batch.clear()) {
      merged.clear();
      return;
    }
    for (JournalEvent event : batch.events()) {
      merged.record(batch.node(), event);
    }
  }

  private static JournalEvent withoutHeaders(JournalEvent e) {
    return new JournalEvent(e.seq(), e.nanos(), e.time(), e.type(), e.connectionId(), e.clientId(), e.attempt(),
        e.path(), e.remote(), e.status(), e.code(), e.reason(), e.initiator(), e.rule(), e.fault(), null,
        e.durationMs(), e.messagesIn(), e.messagesOut(), e.detail());
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      flush();
    }
    if (consumer != null) {
      consumer.unregister();
    }
  }
}
