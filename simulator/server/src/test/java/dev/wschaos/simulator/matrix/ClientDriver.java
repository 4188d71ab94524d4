package dev.wschaos.simulator.matrix;

/**
 * A column of the client matrix: drives one client library against a cell's URL and reports what the library's
 * API surfaced. Adding a client (Node's {@code ws}, Python's {@code websockets}, a browser) is one class
 * implementing this and one line in {@link Columns}.
 *
 * <pre>{@code
 * try (ClientDriver okhttp = new OkHttpDriver()) {
 *   Observation seen = okhttp.observe(new Cell(url, Step.WAIT, Duration.ofSeconds(3), null));
 * }
 * }</pre>
 */
public interface ClientDriver extends AutoCloseable {

  /** Column id, stable: used in docs/clients.md and in failure messages. */
  String id();

  /** Column header: the library and version. */
  String title();

  /** Connect to {@code cell.url()}, do {@code cell.step()}, and return what was reported within {@code cell.timeout()}. */
  Observation observe(Cell cell) throws Exception;

  /** Null when the column can run here, else why not (e.g. {@code node} missing): the cells are skipped, saying so. */
  default String unavailable() {
    return null;
  }

  @Override
  default void close() throws Exception {}
}
