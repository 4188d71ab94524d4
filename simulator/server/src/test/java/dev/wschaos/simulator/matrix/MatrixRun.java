package dev.wschaos.simulator.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs every cell (row x column) in parallel: each row has its own path (or listener), so cells do not interfere.
 * A driver that throws is an observation too ({@code driver failed: ...}), never a hidden failure.
 */
final class MatrixRun {

  private static final int PARALLEL_CELLS = 8;

  private MatrixRun() {}

  static Map<String, Map<String, Observation>> run(List<Row> rows, List<ClientDriver> drivers,
                                                   Function<Row, Cell> cellOf) throws InterruptedException {
    Map<String, Map<String, Observation>> observed = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CELLS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Row row : rows) {
        for (ClientDriver driver : drivers) {
          if (driver.unavailable() != null) {
            continue;
          }
          running.add(pool.submit(() -> {
            Observation seen = observe(driver, cellOf.apply(row));
            observed.computeIfAbsent(row.id(), k -> new ConcurrentHashMap<>()).put(driver.id(), seen);
          }));
        }
      }
      for (Future<?> cell : running) {
        try {
          cell.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Map<String, Observation>> ordered = new LinkedHashMap<>();
    rows.forEach(row -> ordered.put(row.id(), observed.getOrDefault(row.id(), Map.of())));
    return ordered;
  }

  /** One cell: what the driver reported, or {@code driver failed: ...} when it threw. */
  static Observation observe(ClientDriver driver, Cell cell) {
    try {
      return driver.observe(cell);
    } catch (Exception | LinkageError e) {
      return new Observation(List.of("driver failed: " + Recorder.describe(e)));
    }
  }

  /**
   * How long a cell waits for the library's final callback. Rows where clients typically see nothing (a silent
   * server) wait 5 s; the stalls wait past the 5 s connect timeouts (and Vert.x's 10 s TLS handshake timeout); the rest wait 10 s, ample on a loaded machine.
   */
  static Duration waitFor(Row row) {
    return switch (row.id()) {
      case "half-open", "no-pong", "ignore-close" -> Duration.ofSeconds(5);
      case "stall", "handshake-stall" -> Duration.ofSeconds(15);
      default -> Duration.ofSeconds(10);
    };
  }

  /** Run every column once against a quick row first, so class loading does not eat into the first cells' waits. */
  static void warmUp(List<ClientDriver> drivers, Function<Row, Cell> cellOf) {
    Row healthy = Rows.ALL.stream().filter(row -> row.id().equals("close-1011")).findFirst().orElseThrow();
    for (ClientDriver driver : drivers) {
      try {
        if (driver.unavailable() == null) {
          driver.observe(cellOf.apply(healthy));
        }
      } catch (Exception e) {
        // the matrix run reports the driver's failure in its cells
      }
    }
  }
}
