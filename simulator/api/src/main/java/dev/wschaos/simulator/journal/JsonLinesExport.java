package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.wschaos.simulator.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every event as one JSON line to a file, on a thread of its own so event loops never wait for the disk.
 * If the writer falls behind by more than the queue size, events are dropped from the file and counted. Each batch of
 * lines goes to the file in one write and is flushed, so a killed process leaves whole lines (at most the last one
 * cut); {@link #close()} writes everything queued before it returns.
 *
 * <pre>{@code
 * java -jar wschaos.jar --journal events.jsonl
 * jq -c 'select(.type=="closed")' events.jsonl
 * }</pre>
 */
public final class JsonLinesExport implements Consumer<JournalEvent>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesExport.class);
  private static final int QUEUE = 100_000;
  private static final long CLOSE_WAIT_MILLIS = 30_000;

  private final Path file;
  private final ObjectWriter writer = Json.mapper().writer();
  private final BlockingQueue<JournalEvent> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private final BufferedWriter out;
  private final Thread thread;
  private volatile boolean closing;

  public JsonLinesExport(Path file) {
    this.file = file;
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal to " + file + ": " + e.getMessage(), e);
    }
    this.thread = new Thread(this::drain, "wschaos-journal-export");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void accept(JournalEvent event) {
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  public long dropped() {
    return dropped.get();
  }

  private void drain() {
    List<JournalEvent> batch = new ArrayList<>(1024);
    try {
      while (!closing || !queue.isEmpty()) {
        JournalEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1023);
        StringBuilder lines = new StringBuilder(batch.size() * 256);
        for (JournalEvent e : batch) {
          lines.append(writer.writeValueAsString(e)).append('\n');
        }
        batch.clear();
        out.write(lines.toString());
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.error("journal export to {} failed: {}", file, e.getMessage());
    }
  }

  /** Write what is queued and close the file. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(CLOSE_WAIT_MILLIS);
      if (thread.isAlive()) {
        LOG.warn("journal export {} still had {} events to write after {} ms; the file ends before them", file,
            queue.size(), CLOSE_WAIT_MILLIS);
      }
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("closing journal export {}: {}", file, e.getMessage());
    }
    if (dropped.get() > 0) {
      LOG.warn("journal export {} dropped {} events (the disk was too slow)", file, dropped.get());
    }
  }
}
