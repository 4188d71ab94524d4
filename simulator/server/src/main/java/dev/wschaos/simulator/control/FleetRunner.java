package dev.wschaos.simulator.control;

import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.fleet.LiveFleet;
import dev.wschaos.simulator.fleet.Selection;
import dev.wschaos.simulator.server.ChaosVerticle;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LiveFleet} one fleet action runs against: picks open connections, strikes each on its own event loop
 * (at once or spread over a window), or takes the listener down for an outage. Records every strike under the
 * action's {@code source} (the admin API, the Java API or a timeline step).
 */
final class FleetRunner implements LiveFleet {

  private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);
  private static final long SPREAD_TICK_MS = 10;

  private final Vertx vertx;
  private final ChaosVerticle verticle;
  private final Function<Selection, List<FleetMember>> pick;
  private final String source;
  private final BiConsumer<String, String> emit;

  FleetRunner(Vertx vertx, ChaosVerticle verticle, Function<Selection, List<FleetMember>> pick, String source,
              BiConsumer<String, String> emit) {
    this.vertx = vertx;
    this.verticle = verticle;
    this.pick = pick;
    this.source = source;
    this.emit = emit;
  }

  @Override
  public int strike(Selection selection, Duration spread, ConnectionFault fault) {
    List<FleetMember> picked = pick.apply(selection);
    String type = fault.type();
    Consumer<FleetMember> one = member -> member.act(c -> {
      member.faultApplied(source, type);
      fault.apply(c);
    });
    if (spread == null || spread.isZero() || picked.size() <= 1) {
      picked.forEach(one);
    } else {
      spreadOver(picked, spread, one);
    }
    return picked.size();
  }

  private void spreadOver(List<FleetMember> picked, Duration window, Consumer<FleetMember> one) {
    long start = System.nanoTime();
    long windowNanos = window.toNanos();
    int[] done = {0};
    one.accept(picked.get(done[0]++));
    vertx.setPeriodic(SPREAD_TICK_MS, timer -> {
      long elapsed = System.nanoTime() - start;
      int due = elapsed >= windowNanos ? picked.size()
          : (int) Math.min(picked.size(), elapsed * picked.size() / windowNanos + 1);
      while (done[0] < due) {
        one.accept(picked.get(done[0]++));
      }
      if (done[0] >= picked.size()) {
        vertx.cancelTimer(timer);
      }
    });
  }

  @Override
  public int outage(Duration duration, boolean reset) {
    downFor(duration, "outage over");
    List<? extends FleetMember> members = List.copyOf(verticle.members());
    members.forEach(m -> m.act(reset ? LiveConnection::reset : LiveConnection::drop));
    return members.size();
  }

  @Override
  public int restart(ConnectionFault close, Duration down) {
    downFor(down, "restarted");
    List<? extends FleetMember> members = List.copyOf(verticle.members());
    String type = close.type();
    members.forEach(m -> m.act(c -> {
      m.faultApplied(source, type);
      close.apply(c);
    }));
    return members.size();
  }

  /**
   * Stop accepting at once, before the strikes: the port refuses connections from the action on, however long the
   * event loops take to close thousands of connections on a busy machine (a client that reconnects meanwhile must be
   * refused, not accepted and then dropped). Listen again {@code duration} after the action, or once the event loop
   * has sent the closes queued before, whichever is later.
   */
  private void downFor(Duration duration, String over) {
    long dueNanos = System.nanoTime() + duration.toNanos();
    verticle.stopListening()
        .onSuccess(v -> vertx.setTimer(Math.max(1, (dueNanos - System.nanoTime()) / 1_000_000),
            t -> verticle.listenAgain()
                .onSuccess(again -> emit.accept(source, over + ": listening again on port " + verticle.actualPort()))
                .onFailure(e -> LOG.error("wschaos could not listen again on port {} after the outage: {}",
                    verticle.actualPort(), e.getMessage()))))
        .onFailure(e -> LOG.error("wschaos could not stop listening for the outage: {}", e.getMessage()));
  }
}
