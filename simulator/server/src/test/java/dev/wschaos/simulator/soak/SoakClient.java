package dev.wschaos.simulator.soak;

import dev.wschaos.simulator.support.RawClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One churning client of the soak: connects with a fresh client id each time, to the healthy path, or, given a list
 * of faults, to one fault's path after the other (round robin); subscribes to a room, reads a reply, sends a
 * message, reads its echo, closes. Whatever a fault does to it (refusals, garbage, stalls, resets), it gives up after a short read timeout and
 * connects again.
 */
final class SoakClient implements Runnable {

  private static final int READ_TIMEOUT_MS = 700;
  private static final byte[] NORMAL_CLOSE = {0x03, (byte) 0xE8};

  private final URI base;
  private final List<String> faults;
  private final String name;
  private final AtomicBoolean running;
  private final Counts counts;
  private int nextFault;

  /** What all soak clients did. */
  record Counts(AtomicLong connections, AtomicLong upgraded, AtomicLong failed, AtomicLong refused) {
    Counts() {
      this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
    }
  }

  /**
   * @param faults     the fault types to visit in turn; empty: healthy connections only
   * @param firstFault where in the list this client starts, so the fault clients cover it together
   */
  SoakClient(URI base, List<String> faults, int firstFault, String name, AtomicBoolean running, Counts counts) {
    this.base = base;
    this.faults = faults;
    this.nextFault = firstFault;
    this.name = name;
    this.running = running;
    this.counts = counts;
  }

  @Override
  public void run() {
    for (long i = 0; running.get(); i++) {
      boolean fault = !faults.isEmpty();
      String path = fault ? "/f/" + faults.get(nextFault % faults.size()) : "/ws";
      if (once(path + "?clientId=" + name + "-" + i, i) && fault) {
        nextFault++;
      }
    }
  }

  /** One connection; false when the port refused it (an outage). */
  private boolean once(String target, long i) {
    counts.connections().incrementAndGet();
    RawClient client;
    try {
      client = RawClient.open(base);
    } catch (IOException refused) {
      counts.refused().incrementAndGet();
      pause();
      return false;
    }
    try (client) {
      client.setReadTimeout(READ_TIMEOUT_MS);
      client.sendRequest("GET", target, RawClient.upgradeHeaders(base));
      if (client.readResponse().status() != 101) {
        return true;
      }
      counts.upgraded().incrementAndGet();
      client.sendText("{\"type\":\"subscribe\",\"room\":\"r" + (i % 20) + "\"}");
      client.readFrame();
      client.sendText("hello " + i);
      client.readFrame();
      client.sendFrame(0x8, NORMAL_CLOSE);
      drain(client);
    } catch (Exception e) {
      counts.failed().incrementAndGet();
    }
    return true;
  }

  /** Read until the server ends the connection or the read timeout has passed, however much it keeps sending. */
  private static void drain(RawClient client) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MS);
    byte[] buffer = new byte[4096];
    for (long left = READ_TIMEOUT_MS; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
      client.setReadTimeout((int) left);
      if (client.readSome(buffer) < 0) {
        return;
      }
    }
  }

  /** A client's back-off while the port is closed. */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
