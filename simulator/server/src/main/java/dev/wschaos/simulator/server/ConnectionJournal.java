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
  private static final int NO_CODE = Integer.MIN_VALUE;

  private final long id;
  private Long boxedId;
  private final VertxUpgradeRequest upgrade;
  private final EventSink events;
  private final long openedAtNanos = System.nanoTime();
  private List<String> faultsApplied = List.of();
  private String endedBy;
  private int codeSent = NO_CODE;
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

  /** The id boxed once, shared by this connection's events. */
  private Long boxedId() {
    if (boxedId == null) {
      boxedId = id;
    }
    return boxedId;
  }

  void opened(String subProtocol) {
    if (events.enabled()) {
      events.emit(EventType.OPENED, boxedId(), upgrade.clientId(), e -> e.attempt(upgrade.attempt())
          .path(upgrade.path()).remote(upgrade.remoteAddress()).detail(subProtocol));
    }
  }

  /** A protocol milestone of the conversation: ready, a feed started afresh, a feed resumed. */
  void milestone(EventType type, String feed, Long afterSeq, Boolean resumable) {
    if (events.enabled()) {
      events.emit(type, boxedId(), upgrade.clientId(), event -> {
        event.attempt(upgrade.attempt()).feed(feed);
        if (afterSeq != null) {
          event.afterSeq(afterSeq);
        }
        if (resumable != null) {
          event.resumable(resumable);
        }
      });
    }
  }

  void faultApplied(String rule, String type) {
    if (faultsApplied.isEmpty()) {
      faultsApplied = new ArrayList<>(2);
    }
    faultsApplied.add(rule);
    if (events.enabled()) {
      events.emit(EventType.FAULT_APPLIED, boxedId(), upgrade.clientId(), e -> e.attempt(upgrade.attempt())
          .rule(rule).fault(type));
    }
  }

  void closeSent(int code, String reason) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
      codeSent = code;
    }
    if (events.enabled()) {
      events.emit(EventType.CLOSE_SENT, boxedId(), upgrade.clientId(), e -> e.code(code).reason(reason)
          .initiator(JournalEvent.SERVER));
    }
  }

  /** The server ended the connection without a close frame ({@link EventType#DROPPED} or {@link EventType#RESET}). */
  void ended(EventType type) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
    }
    if (events.enabled()) {
      events.emit(type, boxedId(), upgrade.clientId(), e -> e.initiator(JournalEvent.SERVER));
    }
  }

  /** Proxy mode: the upstream closed with {@code code}, passed on to the client. */
  void upstreamCloseSent(int code, String reason) {
    if (endedBy == null) {
      endedBy = JournalEvent.UPSTREAM;
      codeSent = code;
    }
    if (events.enabled()) {
      events.emit(EventType.CLOSE_SENT, boxedId(), upgrade.clientId(), e -> e.code(code).reason(reason)
          .initiator(JournalEvent.UPSTREAM));
    }
  }

  /** Proxy mode: the upstream went away without a close frame, so the client's TCP is dropped. */
  void upstreamDropped() {
    if (endedBy == null) {
      endedBy = JournalEvent.UPSTREAM;
    }
    if (events.enabled()) {
      events.emit(EventType.DROPPED, boxedId(), upgrade.clientId(), e -> e.initiator(JournalEvent.UPSTREAM));
    }
  }

  private void closedEvent(JournalEvent.Builder event, Short code, String reason, long durationMs) {
    event.attempt(upgrade.attempt()).path(upgrade.path()).reason(reason)
        .initiator(endedBy != null ? endedBy : JournalEvent.CLIENT).durationMs(durationMs)
        .messages(messagesIn, messagesOut);
    if (codeSent != NO_CODE) {
      event.code(codeSent);
    } else if (code != null) {
      event.code(code.intValue());
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
      if (endedBy == null && code != null && code != 1006) {
        events.emit(EventType.CLOSE_RECEIVED, boxedId(), upgrade.clientId(), e -> e.code(code.intValue())
            .reason(reason).initiator(JournalEvent.CLIENT));
      }
      events.emit(EventType.CLOSED, boxedId(), upgrade.clientId(), e -> closedEvent(e, code, reason, durationMs));
    }
    if (LOG.isDebugEnabled()) { // six arguments: an array and three boxes per connection otherwise
      LOG.debug("connection {} ({}) closed with {} after {} ms, {} in / {} out", id, upgrade, code, durationMs,
          messagesIn, messagesOut);
    }
  }

  /** A snapshot for listings. */
  ConnectionInfo info() {
    Instant openedAt = Instant.now().minusNanos(System.nanoTime() - openedAtNanos); // no Instant kept per connection
    return new ConnectionInfo(id, upgrade.clientId(), upgrade.path(), upgrade.attempt(), upgrade.remoteAddress(),
        openedAt, messagesIn, messagesOut, List.copyOf(faultsApplied));
  }
}
