package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.BehaviourSession;
import dev.wschaos.simulator.engine.ArmedFault;
import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket: runs the plan's behaviour, and the connection fault decided at its handshake if there is one.
 *
 * <pre>
 *   client message --> behaviour (echo / ticker / silent) --> armed fault? (null when healthy) --> trigger --> fault
 * </pre>
 */
final class ChaosConnection implements LiveConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosConnection.class);

  private final long id;
  private final Vertx vertx;
  private final ServerWebSocket webSocket;
  private final VertxUpgradeRequest upgrade;
  private final ClientTracker.ClientRecord client;
  private final long openedAtNanos = System.nanoTime();
  private Map<Class<?>, Object> anonymousState;
  private List<Long> timers;
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

  void start(RuleBook book, RuleBook.Applied<ConnectionFault> connectionRule, Runnable onClosed) {
    webSocket.textMessageHandler(this::onText);
    webSocket.binaryMessageHandler(this::onBinary);
    webSocket.exceptionHandler(e -> LOG.debug("connection {} ({}): {}", id, upgrade, e.toString()));
    webSocket.closeHandler(v -> {
      closed();
      onClosed.run();
    });
    behaviour = book.behaviour().start(this);
    if (connectionRule != null) {
      armed = new ArmedFault(connectionRule, this, applied ->
          LOG.debug("connection {} ({}): rule '{}' strikes with {}", id, upgrade, applied.label(), applied.fault()));
      armed.start();
    }
  }

  /** Close with 1001 Going Away, as a server that shuts down does. */
  Future<Void> goingAway() {
    if (open) {
      sendCloseNoticeIfAsked(1001, "server shutting down");
    }
    return open ? webSocket.close((short) 1001, "server shutting down") : Future.succeededFuture();
  }

  private void onText(String text) {
    messagesIn++;
    behaviour.onText(text);
    if (armed != null) {
      armed.afterMessage(text);
    }
  }

  private void onBinary(Buffer data) {
    messagesIn++;
    behaviour.onBinary(data.getBytes());
    if (armed != null) {
      armed.afterMessage(null);
    }
  }

  private void closed() {
    if (!open) {
      return;
    }
    open = false;
    behaviour.stop();
    if (armed != null) {
      armed.cancel();
    }
    if (timers != null) {
      timers.forEach(vertx::cancelTimer);
    }
    Short code = webSocket.closeStatusCode();
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
    if (isOpen()) {
      messagesOut++;
      webSocket.writeTextMessage(text);
    }
  }

  @Override
  public void sendBinary(byte[] data) {
    if (isOpen()) {
      messagesOut++;
      webSocket.writeBinaryMessage(Buffer.buffer(data));
    }
  }

  @Override
  public void close(int code, String reason) {
    if (isOpen()) {
      sendCloseNoticeIfAsked(code, reason);
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
    Channels.close(Channels.of(webSocket), false);
  }

  @Override
  public void reset() {
    Channels.close(Channels.of(webSocket), true);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    long timer = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
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

  private Cancellable track(long timer) {
    if (timers == null) {
      timers = new ArrayList<>(2);
    }
    timers.add(timer);
    return () -> vertx.cancelTimer(timer);
  }
}
