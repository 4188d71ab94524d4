package dev.wschaos.simulator.server;

import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection reports: its journal events (opened, fault applied, close sent, dropped/reset, closed), who
 * ended it (the client, wschaos, or in proxy mode the upstream), its message counts and the faults that struck it.
 * Counting a message allocates nothing; events are only built when the sink is enabled.
 */
final class ConnectionJournal {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionJournal.class);

  private final long id;
  private final VertxUpgradeRequest upgrade;
  private final EventSink events;
  private final long openedAtNanos = System.nanoTime();
  private final Instant openedAt = Instant.now();
  private List<String> faultsApplied = List.of();
  private String endedBy;
  private Integer codeSent;
  private long messagesIn;
  private long messagesOut;

  ConnectionJournal(long id, VertxUpgradeRequest upgrade, EventSink events) {
    this.id = id;
    this.upgrade = upgrade;
    this.events = events;
  }

  void messageIn() {
    messagesIn++;
  }

  void messageOut() {
    messagesOut++;
  }

  void opened(String subProtocol) {
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.OPENED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .path(upgrade.path()).remote(upgrade.remoteAddress()).detail(subProtocol));
    }
  }

  /** A protocol milestone of the conversation: ready, a feed started afresh, a feed resumed. */
  void milestone(EventType type, String feed, Long afterSeq, Boolean resumable) {
    if (events.enabled()) {
      JournalEvent.Builder event = JournalEvent.of(type, id, upgrade.clientId()).attempt(upgrade.attempt()).feed(feed);
      if (afterSeq != null) {
        event.afterSeq(afterSeq);
      }
      if (resumable != null) {
        event.resumable(resumable);
      }
      events.emit(event);
    }
  }

  void faultApplied(String rule, String type) {
    if (faultsApplied.isEmpty()) {
      faultsApplied = new ArrayList<>(2);
    }
    faultsApplied.add(rule);
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.FAULT_APPLIED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .rule(rule).fault(type));
    }
  }

  void closeSent(int code, String reason) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
      codeSent = code;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.CLOSE_SENT, id, upgrade.clientId()).code(code).reason(reason)
          .initiator(JournalEvent.SERVER));
    }
  }

  /** The server ended the connection without a close frame ({@link EventType#DROPPED} or {@link EventType#RESET}). */
  void ended(EventType type) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(type, id, upgrade.clientId()).initiator(JournalEvent.SERVER));
    }
  }

  /** Proxy mode: the upstream closed with {@code code}, passed on to the client. */
  void upstreamCloseSent(int code, String reason) {
    if (endedBy == null) {
      endedBy = JournalEvent.UPSTREAM;
      codeSent = code;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.CLOSE_SENT, id, upgrade.clientId()).code(code).reason(reason)
          .initiator(JournalEvent.UPSTREAM));
    }
  }

  /** Proxy mode: the upstream went away without a close frame, so the client's TCP is dropped. */
  void upstreamDropped() {
    if (endedBy == null) {
      endedBy = JournalEvent.UPSTREAM;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.DROPPED, id, upgrade.clientId()).initiator(JournalEvent.UPSTREAM));
    }
  }

  /** Whether nothing but the client ended the connection so far: no close, drop or reset by wschaos or upstream. */
  boolean endedByClient() {
    return endedBy == null;
  }

  /** TCP closed; {@code code} and {@code reason} as Vert.x observed them. */
  void closed(Short code, String reason) {
    long durationMs = (System.nanoTime() - openedAtNanos) / 1_000_000;
    if (events.enabled()) {
      String initiator = endedBy != null ? endedBy : JournalEvent.CLIENT;
      Integer observed = code == null ? null : code.intValue();
      if (endedBy == null && observed != null && observed != 1006) {
        events.emit(JournalEvent.of(EventType.CLOSE_RECEIVED, id, upgrade.clientId()).code(observed)
            .reason(reason).initiator(JournalEvent.CLIENT));
      }
      events.emit(JournalEvent.of(EventType.CLOSED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .path(upgrade.path()).code(codeSent != null ? codeSent : observed).reason(reason)
          .initiator(initiator).durationMs(durationMs).messages(messagesIn, messagesOut));
    }
    LOG.debug("connection {} ({}) closed with {} after {} ms, {} in / {} out", id, upgrade, code, durationMs,
        messagesIn, messagesOut);
  }

  /** A snapshot for listings. */
  ConnectionInfo info() {
    return new ConnectionInfo(id, upgrade.clientId(), upgrade.path(), upgrade.attempt(), upgrade.remoteAddress(),
        openedAt, messagesIn, messagesOut, List.copyOf(faultsApplied));
  }
}
