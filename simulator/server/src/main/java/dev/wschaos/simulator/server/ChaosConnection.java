package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.BehaviourSession;
import dev.wschaos.simulator.common.CloseNotice;
import dev.wschaos.simulator.engine.ArmedFault;
import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import dev.wschaos.simulator.fault.UpstreamClose;
import dev.wschaos.simulator.fault.protocol.Frames;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: runs the plan's behaviour, and the connection fault decided at its handshake if there is one.
 * It is the faults' port ({@link LiveConnection}) and the message path; what it reports, its timers, its state, its
 * Netty work and its face to fleet actions are each a class of their own.
 *
 * <pre>
 *   client message --> inbound flow? --> behaviour (echo / ticker / silent) --> armed fault? --> trigger --> fault
 *   behaviour sends --> outbound flow? --> Vert.x
 *
 *   ChaosConnection --+-- ConnectionJournal  (events, counts, who ended it)
 *                     +-- ConnectionTimers   (schedule / every, cancelled at close)
 *                     +-- ConnectionState    (per-client state, seeded random)
 *                     +-- ChannelControl     (raw bytes, filters, shaping, FIN / RST)
 *                     +-- ConnectionMember   (FleetMember: selection, listing, act)
 * </pre>
 * Each "?" is a field that is null on a healthy connection: one null check per message.
 */
final class ChaosConnection implements LiveConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosConnection.class);

  private final long id;
  private final Vertx vertx;
  private final ServerWebSocket webSocket;
  private final VertxUpgradeRequest upgrade;
  private final ClientTracker.ClientRecord client;
  private final ConnectionTimers timers;
  private final ChannelControl channel;
  private final Consumer<MessageFlow.Message> writer = this::write;
  private final Consumer<MessageFlow.Message> deliverer = this::deliver;
  private final ConnectionJournal journal;
  private final ConnectionMember member;
  private ConnectionState state;
  private ServerHeartbeat heartbeat;
  private MessageFlow outbound;
  private MessageFlow inbound;
  private BehaviourSession behaviour = BehaviourSession.NONE;
  private ArmedFault armed;
  private boolean open = true;
  private boolean ending;

  ChaosConnection(long id, Vertx vertx, ServerWebSocket webSocket, VertxUpgradeRequest upgrade,
                  ClientTracker.ClientRecord client, EventSink events) {
    this.id = id;
    this.vertx = vertx;
    this.webSocket = webSocket;
    this.upgrade = upgrade;
    this.client = client;
    this.timers = new ConnectionTimers(vertx, this::isOpen);
    this.channel = new ChannelControl(webSocket);
    this.journal = new ConnectionJournal(id, upgrade, events);
    this.member = new ConnectionMember(id, upgrade, journal, this, vertx);
  }

  /** This connection as fleet actions see it. */
  FleetMember member() {
    return member;
  }

  void start(RuleBook book, RuleBook.Applied<ConnectionFault> connectionRule, Runnable onClosed) {
    start(book, connectionRule, onClosed, null, null);
  }

  /**
   * Start as a proxied connection when {@code upstream} is given: the upstream, not the behaviour, answers;
   * {@code tape} (or null) records what the two sides say.
   */
  void start(RuleBook book, RuleBook.Applied<ConnectionFault> connectionRule, Runnable onClosed, WebSocket upstream,
             SessionTape tape) {
    this.state = new ConnectionState(client, upgrade.clientId() == null, book);
    channel.guardClientFrames();
    webSocket.textMessageHandler(this::onText);
    webSocket.binaryMessageHandler(this::onBinary);
    webSocket.exceptionHandler(e -> {
      LOG.debug("connection {} ({}): {}", id, upgrade, e.toString());
      OversizeClose.answer(webSocket, e);
    });
    webSocket.closeHandler(v -> {
      closed();
      onClosed.run();
    });
    if (book.plan().heartbeat() != null) {
      heartbeat = new ServerHeartbeat(vertx, webSocket, book.plan().heartbeat());
      heartbeat.start();
    }
    journal.opened(webSocket.subProtocol());
    behaviour = upstream != null ? new UpstreamSession(this, webSocket, upstream, tape).start()
        : book.behaviour().start(this);
    if (connectionRule != null) {
      armed = new ArmedFault(connectionRule, this, applied -> {
        LOG.debug("connection {} ({}): rule '{}' strikes with {}", id, upgrade, applied.label(), applied.fault());
        journal.faultApplied(applied.label(), applied.fault().type());
      });
      armed.start();
    }
  }

  /** Close with 1001 Going Away, as a server that shuts down does; from any thread. */
  Future<Void> goingAway() {
    return member.onLoop(this::closeGoingAway);
  }

  private Future<Void> closeGoingAway() {
    if (!open || ending) {
      return Future.succeededFuture();
    }
    sendCloseNoticeIfAsked(1001, "server shutting down");
    journal.closeSent(1001, "server shutting down");
    return webSocket.close((short) 1001, "server shutting down");
  }

  /** Whether the client ended the connection (its close frame, or TCP gone) rather than wschaos or the upstream. */
  boolean closedByClient() {
    return journal.endedByClient();
  }

  /**
   * The upstream closed: pass its code and reason to the client (1000 for a close frame without a code), or drop
   * the client's TCP (after what was already relayed) if the upstream went away without a close frame.
   */
  void upstreamClosed(Short code, String reason) {
    if (!isOpen()) {
      return;
    }
    if (code == null || code == 1006) {
      ending = true;
      journal.upstreamDropped();
      channel.drop();
      return;
    }
    int passed = code == 1005 ? 1000 : code;
    journal.upstreamCloseSent(passed, reason);
    sendCloseNoticeIfAsked(passed, reason);
    webSocket.close((short) passed, reason);
  }

  private void onText(String text) {
    journal.messageIn();
    if (inbound != null) {
      inbound.offer(MessageFlow.Message.text(text), deliverer);
      return;
    }
    behaviour.onText(text);
    if (armed != null) {
      armed.afterMessage(text);
    }
  }

  private void onBinary(Buffer data) {
    journal.messageIn();
    if (inbound != null) {
      inbound.offer(MessageFlow.Message.binary(data.getBytes()), deliverer);
      return;
    }
    behaviour.onBinary(data.getBytes());
    if (armed != null) {
      armed.afterMessage(null);
    }
  }

  private void deliver(MessageFlow.Message message) {
    if (!isOpen()) {
      return;
    }
    if (message.isText()) {
      behaviour.onText(message.text());
    } else {
      behaviour.onBinary(message.binary());
    }
    if (armed != null) {
      armed.afterMessage(message.text());
    }
  }

  private void write(MessageFlow.Message message) {
    if (message.isText()) {
      writeText(message.text());
    } else {
      writeBinary(message.binary());
    }
  }

  private void writeText(String text) {
    if (isOpen()) {
      journal.messageOut();
      webSocket.writeTextMessage(text);
    }
  }

  private void writeBinary(byte[] data) {
    if (isOpen()) {
      journal.messageOut();
      webSocket.writeBinaryMessage(Buffer.buffer(data));
    }
  }

  private void closed() {
    if (!open) {
      return;
    }
    open = false;
    behaviour.stop();
    if (heartbeat != null) {
      heartbeat.stop();
    }
    if (armed != null) {
      armed.cancel();
    }
    timers.cancelAll();
    journal.closed(webSocket.closeStatusCode(), webSocket.closeReason());
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String clientId() {
    return upgrade.clientId();
  }

  @Override
  public int attempt() {
    return upgrade.attempt();
  }

  @Override
  public String path() {
    return upgrade.path();
  }

  @Override
  public String queryParam(String name) {
    return upgrade.queryParam(name);
  }

  @Override
  public boolean isOpen() {
    return open && !ending && !webSocket.isClosed();
  }

  @Override
  public void sendText(String text) {
    if (outbound != null) {
      outbound.offer(MessageFlow.Message.text(text), writer);
      return;
    }
    writeText(text);
  }

  @Override
  public void sendBinary(byte[] data) {
    if (outbound != null) {
      outbound.offer(MessageFlow.Message.binary(data), writer);
      return;
    }
    writeBinary(data);
  }

  @Override
  public void close(int code, String reason, UpstreamClose upstreamSees) {
    if (isOpen() && behaviour instanceof UpstreamSession session) {
      session.clientSideClosing(upstreamSees, code, reason);
    }
    close(code, reason);
  }

  @Override
  public void close(int code, String reason) {
    if (isOpen()) {
      sendCloseNoticeIfAsked(code, reason);
      journal.closeSent(code, reason);
      webSocket.close((short) code, reason);
    }
  }

  /**
   * The notice goes out as one uncompressed text frame written under Vert.x (RFC 7692 lets an endpoint send any
   * message uncompressed): with permessage-deflate negotiated, compressing it cost a deflater on this side and an
   * inflater on the client's for each of thousands of connections closed at once, for one short message.
   */
  private void sendCloseNoticeIfAsked(int code, String reason) {
    if (CloseNotice.requested(upgrade.queryParam(CloseNotice.PARAM)) && !webSocket.isClosed()) {
      channel.writeRaw(Frames.frame(Frames.TEXT, CloseNotice.text(code, reason).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Override
  public void drop() {
    if (!ending) {
      ending = true;
      journal.ended(EventType.DROPPED);
      channel.drop();
    }
  }

  @Override
  public void reset() {
    if (!ending) {
      ending = true;
      journal.ended(EventType.RESET);
      channel.reset();
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    return timers.schedule(delay, action);
  }

  @Override
  public Cancellable every(Duration period, Runnable action) {
    return timers.every(period, action);
  }

  @Override
  public <T> T clientState(Class<T> type, Supplier<T> init) {
    return state.clientState(type, init);
  }

  @Override
  public Random random() {
    return state.random();
  }

  @Override
  public void writeRaw(byte[] bytes) {
    if (isOpen()) {
      channel.writeRaw(bytes);
    }
  }

  @Override
  public void reading(boolean on) {
    channel.reading(on);
  }

  @Override
  public void outbound(MessageFlow flow) {
    this.outbound = flow;
  }

  @Override
  public void inbound(MessageFlow flow) {
    this.inbound = flow;
  }

  @Override
  public void ready() {
    journal.milestone(EventType.READY, null, null, null);
  }

  @Override
  public void feedStarted(String key, long produced, boolean resumable) {
    journal.milestone(EventType.FEED_STARTED, key, produced, resumable);
  }

  @Override
  public void feedResumed(String key, long afterSeq) {
    journal.milestone(EventType.FEED_RESUMED, key, afterSeq, null);
  }

  @Override
  public ConversationPort conversation() {
    return behaviour instanceof ConversationPort port ? port : null;
  }

  @Override
  public void suppressPings() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    channel.dropPings();
  }

  @Override
  public void ignoreClientClose() {
    channel.dropClientClose();
  }

  @Override
  public void limitBandwidth(long outBytesPerSecond, long inBytesPerSecond) {
    channel.limitBandwidth(outBytesPerSecond, inBytesPerSecond);
  }

  @Override
  public void sliceWrites(int chunkBytes, Duration pause) {
    channel.sliceWrites(chunkBytes, pause);
  }
}
