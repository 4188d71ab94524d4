package dev.wschaos.simulator.dsl;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Blocks the test thread until a condition holds: woken by the target's events when it has them, else re-checked
 * every few tens of milliseconds; fails with {@code explain} after the timeout.
 */
final class Waiter {

  private static final long EMBEDDED_RECHECK_MILLIS = 50;
  private static final long REMOTE_RECHECK_MILLIS = 100;

  private final Object signal = new Object();
  private boolean changed;

  private Waiter() {}

  static void until(ChaosTarget target, Duration timeout, BooleanSupplier condition, Supplier<String> explain) {
    new Waiter().run(target, timeout, condition, explain);
  }

  private void run(ChaosTarget target, Duration timeout, BooleanSupplier condition, Supplier<String> explain) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long recheck = target instanceof RemoteTarget ? REMOTE_RECHECK_MILLIS : EMBEDDED_RECHECK_MILLIS;
    try (AutoCloseable subscription = target.onChange(this::wakeUp)) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(explain.get());
        }
        synchronized (signal) {
          if (!changed) {
            signal.wait(Math.max(1, Math.min(recheck, left / 1_000_000)));
          }
          changed = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting: " + explain.get(), e);
    } catch (AssertionError | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void wakeUp() {
    synchronized (signal) {
      changed = true;
      signal.notifyAll();
    }
  }
}
