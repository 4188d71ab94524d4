package dev.wschaos.simulator.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects a driver's events from the library's threads until its final callback ({@link #finish}), or until the
 * cell's wait runs out, which is itself recorded: a client that noticed nothing is an observation too.
 */
final class Recorder {

  private final List<String> events = new ArrayList<>();
  private final CompletableFuture<List<String>> done = new CompletableFuture<>();

  synchronized void event(String event) {
    if (!done.isDone()) {
      events.add(Normalizer.normalize(event));
    }
  }

  void error(String callback, Throwable error) {
    event(callback + " " + describe(error));
  }

  synchronized void finish(String event) {
    event(event);
    done.complete(List.copyOf(events));
  }

  void finishError(String callback, Throwable error) {
    finish(callback + " " + describe(error));
  }

  boolean finished() {
    return done.isDone();
  }

  Observation await(Duration wait) throws InterruptedException {
    try {
      return new Observation(done.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      synchronized (this) {
        List<String> seen = new ArrayList<>(events);
        seen.add("(nothing more within " + wait.toSeconds() + " s)");
        done.complete(seen);
        return new Observation(seen);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code Type: message}, then the first cause with a different text, the way a log line would show it. */
  static String describe(Throwable error) {
    Throwable top = unwrap(error);
    StringBuilder text = new StringBuilder(name(top));
    Throwable cause = top.getCause();
    if (cause != null && cause != top && !String.valueOf(cause.getMessage()).equals(top.getMessage())) {
      text.append(" (cause ").append(name(cause)).append(")");
    }
    return text.toString();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String name(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip());
  }
}
