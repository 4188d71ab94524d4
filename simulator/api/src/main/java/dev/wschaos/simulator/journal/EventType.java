package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to a connection (or to the fleet), as the journal records it. */
public enum EventType {
  /** An upgrade request arrived (path, attempt, remote address, the headers that matter). */
  UPGRADE_RECEIVED,
  /** The upgrade was not accepted: an HTTP status, a stall, an aborted TCP connection, a 101 without WebSocket. */
  UPGRADE_REJECTED,
  /** The WebSocket is open. */
  OPENED,
  /** A rule's fault struck (handshake or connection fault), or a fleet action/limit did. */
  FAULT_APPLIED,
  /** The server sent a close frame. */
  CLOSE_SENT,
  /** The client started the closing handshake (its close frame came first). */
  CLOSE_RECEIVED,
  /** The server closed TCP with a FIN and no close frame. */
  DROPPED,
  /** The server closed TCP with a RST. */
  RESET,
  /** The connection is gone: duration, messages in and out, final code and who ended it. */
  CLOSED,
  /** A fleet event: an admin or Java API action, or a timeline step. */
  FLEET_ACTION,
  /** A conversation reached a step marked {@code ready: true} (once per connection): the protocol's handshake is done. */
  READY,
  /** A conversation started a feed afresh ({@code feed}, {@code afterSeq}: events of it the client's stream already had). */
  FEED_STARTED,
  /** A conversation resumed a feed after the client's last-seen sequence number ({@code feed}, {@code afterSeq}). */
  FEED_RESUMED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static EventType fromWire(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
