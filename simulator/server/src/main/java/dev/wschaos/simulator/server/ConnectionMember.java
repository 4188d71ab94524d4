package dev.wschaos.simulator.server;

import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetMember;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One open connection as fleet actions and listings see it: selected by its upgrade request, shown by its journal's
 * snapshot, acted on through its fault port on its own event loop. Called from any thread.
 */
final class ConnectionMember implements FleetMember {

  private final long id;
  private final VertxUpgradeRequest upgrade;
  private final ConnectionJournal journal;
  private final LiveConnection connection;
  private final Context context;

  ConnectionMember(long id, VertxUpgradeRequest upgrade, ConnectionJournal journal, LiveConnection connection,
                   Vertx vertx) {
    this.id = id;
    this.upgrade = upgrade;
    this.journal = journal;
    this.connection = connection;
    Context current = Vertx.currentContext();
    this.context = current != null ? current : vertx.getOrCreateContext();
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public ConnectionInfo info() {
    return journal.info();
  }

  @Override
  public void faultApplied(String rule, String type) {
    journal.faultApplied(rule, type);
  }

  @Override
  public void act(Consumer<LiveConnection> action) {
    context.runOnContext(v -> {
      if (connection.isOpen()) {
        action.accept(connection);
      }
    });
  }

  /** Run {@code work} on this connection's event loop (at once when already there). */
  <T> Future<T> onLoop(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  @Override
  public String path() {
    return upgrade.path();
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
  public String queryParam(String name) {
    return upgrade.queryParam(name);
  }

  @Override
  public String header(String name) {
    return upgrade.header(name);
  }
}
