package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.BehaviourSession;
import dev.wschaos.simulator.engine.ArmedFault;
import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: runs the plan's behaviour, and the connection fault decided at its handshake if there is one.
 *
 * <pre>
 *   client message --> inbound flow? --> behaviour (echo / ticker / silent) --> armed fault? --> trigger --> fault
 *   behaviour sends --> outbound flow? --> Vert.x
 * </pre>
 * Each "?" is a field that is null on a healthy connection: one null check per message.
 */
final class ChaosConnection implements LiveConnection, FleetMember {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosConnection.class);

  private final long id;
  private final Vertx vertx;
  private final ServerWebSocket webSocket;
  private final VertxUpgradeRequest upgrade;
  private final ClientTracker.ClientRecord client;
  private final long openedAtNanos = System.nanoTime();
  private final Instant openedAt = Instant.now();
  private final Context context = Vertx.currentContext();
  private EventSink events = EventSink.NONE;
  private List<String> faultsApplied = List.of();
  private String endedBy;
  private Integer codeSent;
  private Map<Class<?>, Object> anonymousState;
  private Set<Long> timers;
  private RuleBook book;
  private Random random;
  private ServerHeartbeat heartbeat;
  private MessageFlow outbound;
  private MessageFlow inbound;
  private final Consumer<MessageFlow.Message> writer = this::write;
  private final Consumer<MessageFlow.Message> deliverer = this::deliver;
  private BehaviourSession behaviour = BehaviourSession.NONE;
  private ArmedFault armed;
  private boolean open = true;
  private long messagesIn;
  private long messagesOut;

  ChaosConnection(long id, Vertx vertx, ServerWebSocket webSocket, VertxUpgradeRequest upgrade,
                  ClientTracker.ClientRecord client) {
    this.id = id;
    this.vertx = vertx;
    this.webSocket = webSocket;
    this.upgrade = upgrade;
    this.client = client;
  }

  /** Report this connection's events to {@code sink}. */
  ChaosConnection events(EventSink sink) {
    this.events = sink;
    return this;
  }

  void start(RuleBook book, RuleBook.Applied<ConnectionFault> connectionRule, Runnable onClosed) {
    this.book = book;
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
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.OPENED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .path(upgrade.path()).remote(upgrade.remoteAddress()).detail(webSocket.subProtocol()).build());
    }
    behaviour = book.behaviour().start(this);
    if (connectionRule != null) {
      armed = new ArmedFault(connectionRule, this, applied -> {
        LOG.debug("connection {} ({}): rule '{}' strikes with {}", id, upgrade, applied.label(), applied.fault());
        faultApplied(applied.label(), applied.fault().type());
      });
      armed.start();
    }
  }

  /** Close with 1001 Going Away, as a server that shuts down does. */
  Future<Void> goingAway() {
    if (!open) {
      return Future.succeededFuture();
    }
    sendCloseNoticeIfAsked(1001, "server shutting down");
    closeSent(1001, "server shutting down");
    return webSocket.close((short) 1001, "server shutting down");
  }

  @Override
  public void faultApplied(String rule, String type) {
    if (faultsApplied.isEmpty()) {
      faultsApplied = new ArrayList<>(2);
    }
    faultsApplied.add(rule);
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.FAULT_APPLIED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .rule(rule).fault(type).build());
    }
  }

  private void closeSent(int code, String reason) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
      codeSent = code;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(EventType.CLOSE_SENT, id, upgrade.clientId()).code(code).reason(reason)
          .initiator(JournalEvent.SERVER).build());
    }
  }

  private void ended(EventType type) {
    if (endedBy == null) {
      endedBy = JournalEvent.SERVER;
    }
    if (events.enabled()) {
      events.emit(JournalEvent.of(type, id, upgrade.clientId()).initiator(JournalEvent.SERVER).build());
    }
  }

  private void onText(String text) {
    messagesIn++;
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
    messagesIn++;
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
      messagesOut++;
      webSocket.writeTextMessage(text);
    }
  }

  private void writeBinary(byte[] data) {
    if (isOpen()) {
      messagesOut++;
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
    if (timers != null) {
      timers.forEach(vertx::cancelTimer);
    }
    Short code = webSocket.closeStatusCode();
    if (events.enabled()) {
      String initiator = endedBy != null ? endedBy : JournalEvent.CLIENT;
      Integer observed = code == null ? null : code.intValue();
      if (endedBy == null && observed != null && observed != 1006) {
        events.emit(JournalEvent.of(EventType.CLOSE_RECEIVED, id, upgrade.clientId()).code(observed)
            .reason(webSocket.closeReason()).initiator(JournalEvent.CLIENT).build());
      }
      events.emit(JournalEvent.of(EventType.CLOSED, id, upgrade.clientId()).attempt(upgrade.attempt())
          .path(upgrade.path()).code(codeSent != null ? codeSent : observed).reason(webSocket.closeReason())
          .initiator(initiator).durationMs((System.nanoTime() - openedAtNanos) / 1_000_000)
          .messages(messagesIn, messagesOut).build());
    }
    LOG.debug("connection {} ({}) closed with {} after {} ms, {} in / {} out", id, upgrade, code,
        (System.nanoTime() - openedAtNanos) / 1_000_000, messagesIn, messagesOut);
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
    return open && !webSocket.isClosed();
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
  public void close(int code, String reason) {
    if (isOpen()) {
      sendCloseNoticeIfAsked(code, reason);
      closeSent(code, reason);
      webSocket.close((short) code, reason);
    }
  }

  private void sendCloseNoticeIfAsked(int code, String reason) {
    if (CloseNotice.requested(upgrade.queryParam(CloseNotice.PARAM)) && !webSocket.isClosed()) {
      webSocket.writeTextMessage(CloseNotice.text(code, reason));
    }
  }

  @Override
  public void drop() {
    ended(EventType.DROPPED);
    Channels.close(Channels.of(webSocket), false);
  }

  @Override
  public void reset() {
    ended(EventType.RESET);
    Channels.close(Channels.of(webSocket), true);
  }

  @Override
  public String header(String name) {
    return upgrade.header(name);
  }

  @Override
  public ConnectionInfo info() {
    return new ConnectionInfo(id, upgrade.clientId(), upgrade.path(), upgrade.attempt(), upgrade.remoteAddress(),
        openedAt, messagesIn, messagesOut, List.copyOf(faultsApplied));
  }

  @Override
  public void act(Consumer<LiveConnection> action) {
    Context target = context != null ? context : vertx.getOrCreateContext();
    target.runOnContext(v -> {
      if (isOpen()) {
        action.accept(this);
      }
    });
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    long timer = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
      timers.remove(t);
      if (isOpen()) {
        action.run();
      }
    });
    return track(timer);
  }

  @Override
  public Cancellable every(Duration period, Runnable action) {
    long timer = vertx.setPeriodic(Math.max(1, period.toMillis()), t -> {
      if (isOpen()) {
        action.run();
      }
    });
    return track(timer);
  }

  @Override
  public <T> T clientState(Class<T> type, Supplier<T> init) {
    if (upgrade.clientId() != null) {
      return client.state(type, init);
    }
    if (anonymousState == null) {
      anonymousState = new HashMap<>();
    }
    return type.cast(anonymousState.computeIfAbsent(type, t -> init.get()));
  }

  @Override
  public Random random() {
    if (random == null) {
      random = new Random(book.nextConnectionSeed());
    }
    return random;
  }

  @Override
  public void writeRaw(byte[] bytes) {
    if (isOpen()) {
      Channels.of(webSocket).writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }
  }

  @Override
  public void reading(boolean on) {
    Channels.of(webSocket).channel().config().setAutoRead(on);
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
  public void suppressPings() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    FrameFilter.on(Channels.of(webSocket)).dropPings();
  }

  @Override
  public void ignoreClientClose() {
    FrameFilter.on(Channels.of(webSocket)).dropClose();
  }

  @Override
  public void limitBandwidth(long outBytesPerSecond, long inBytesPerSecond) {
    ChannelHandlerContext context = Channels.of(webSocket);
    context.pipeline().addFirst("wschaos-throttle",
        new ChannelTrafficShapingHandler(outBytesPerSecond, inBytesPerSecond, 50));
  }

  @Override
  public void sliceWrites(int chunkBytes, Duration pause) {
    Channels.of(webSocket).pipeline().addFirst(Slicer.NAME, new Slicer(chunkBytes, pause.toNanos()));
  }

  private Cancellable track(long timer) {
    if (timers == null) {
      timers = new HashSet<>(4);
    }
    timers.add(timer);
    return () -> {
      timers.remove(timer);
      vertx.cancelTimer(timer);
    };
  }
}
