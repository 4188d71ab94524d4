package dev.wschaos.simulator.server;

import dev.wschaos.simulator.fault.Cancellable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The timers faults and behaviours set on one connection: they only fire while it is open, and all end with it. */
final class ConnectionTimers {

  private final Vertx vertx;
  private final BooleanSupplier open;
  private Set<Long> timers;

  ConnectionTimers(Vertx vertx, BooleanSupplier open) {
    this.vertx = vertx;
    this.open = open;
  }

  Cancellable schedule(Duration delay, Runnable action) {
    long timer = vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
      timers.remove(t);
      if (open.getAsBoolean()) {
        action.run();
      }
    });
    return track(timer);
  }

  Cancellable every(Duration period, Runnable action) {
    long timer = vertx.setPeriodic(Math.max(1, period.toMillis()), t -> {
      if (open.getAsBoolean()) {
        action.run();
      }
    });
    return track(timer);
  }

  void cancelAll() {
    if (timers != null) {
      timers.forEach(vertx::cancelTimer);
      timers.clear();
    }
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
