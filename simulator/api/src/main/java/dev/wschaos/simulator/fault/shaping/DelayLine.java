package dev.wschaos.simulator.fault.shaping;

import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Holds each message until its due time, in arrival order, with one timer at a time (the head's).
 *
 * <pre>
 *   offer --> due = max(now + sample, last due) --> queue --> timer(head) --> next
 * </pre>
 */
final class DelayLine implements MessageFlow {

  private record Held(long dueNanos, Message message, Consumer<Message> next) {}

  private final LiveConnection connection;
  private final ToLongFunction<Random> sampler;
  private final ArrayDeque<Held> queue = new ArrayDeque<>();
  private long lastDue = Long.MIN_VALUE;
  private boolean timing;

  DelayLine(LiveConnection connection, ToLongFunction<Random> sampler) {
    this.connection = connection;
    this.sampler = sampler;
  }

  @Override
  public void offer(Message message, Consumer<Message> next) {
    long due = System.nanoTime() + sampler.applyAsLong(connection.random());
    if (lastDue != Long.MIN_VALUE && due - lastDue < 0) {
      due = lastDue;
    }
    lastDue = due;
    queue.add(new Held(due, message, next));
    if (!timing) {
      timeHead();
    }
  }

  private void timeHead() {
    Held head = queue.peek();
    if (head == null) {
      timing = false;
      return;
    }
    timing = true;
    long wait = head.dueNanos() - System.nanoTime();
    connection.schedule(Duration.ofNanos(Math.max(0, wait)), this::release);
  }

  private void release() {
    long now = System.nanoTime();
    for (Held head = queue.peek(); head != null && head.dueNanos() - now <= 500_000; head = queue.peek()) {
      queue.poll();
      head.next().accept(head.message());
    }
    timeHead();
  }
}
