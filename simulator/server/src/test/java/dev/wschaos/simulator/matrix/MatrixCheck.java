package dev.wschaos.simulator.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Compares observations with the committed table in docs/clients.md, one dynamic test per cell named
 * {@code row x column}; with {@code -Dmatrix.write=true} it first rewrites the table from the observations. A cell
 * that differs is observed once more on its own (the first run had 8 cells in parallel, so a race between a
 * library's threads can go the other way under load); the second observation is the one judged.
 */
final class MatrixCheck {

  static final Path DOC = Path.of("../../docs/clients.md");

  /**
   * Cells seen to differ between runs on a loaded machine (listed in docs/clients.md): a mismatch there skips the
   * cell with the observation, it does not pass it. So does the Java-WebSocket column over wss://, whose
   * {@code onError} before {@code onClose -1} comes in some runs and not in others.
   */
  static final java.util.Set<String> UNSTABLE = java.util.Set.of(
      "bad-accept x spring", "mangled-upgrade x spring", "mangled-upgrade x jetty", "reset x jdk",
      "no-pong x okhttp", "stall x okhttp", "handshake-reset x jetty");

  private MatrixCheck() {}

  static Stream<DynamicTest> cells(String section, List<Row> rows, List<ClientDriver> drivers,
                                   Map<String, Map<String, Observation>> observed, Function<Row, Cell> cellOf) {
    List<String> titles = drivers.stream().map(ClientDriver::title).toList();
    List<String> ids = drivers.stream().map(ClientDriver::id).toList();
    if (Boolean.getBoolean("matrix.write")) {
      String table = MatrixTable.render(section, rows, titles, observed, ids);
      MatrixTable.write(DOC, MatrixTable.replace(MatrixTable.read(DOC), section, table));
    }
    MatrixTable.Parsed committed = MatrixTable.parse(MatrixTable.read(DOC), section);
    List<DynamicTest> tests = new ArrayList<>();
    List<String> expectedTitles = new ArrayList<>(titles);
    for (int c = 0; c < drivers.size() && c < committed.header().size(); c++) {
      if (drivers.get(c).unavailable() != null) {
        expectedTitles.set(c, committed.header().get(c));
      }
    }
    tests.add(DynamicTest.dynamicTest(section + ": column headers", () -> assertEquals(expectedTitles, committed.header(),
        "docs/clients.md (" + section + ") has other columns or library versions than the classpath; regenerate: "
            + MatrixTable.REGENERATE)));
    for (Row row : rows) {
      for (int c = 0; c < drivers.size(); c++) {
        ClientDriver driver = drivers.get(c);
        int column = c;
        tests.add(DynamicTest.dynamicTest(row.id() + " x " + driver.id(), () -> {
          assumeTrue(driver.unavailable() == null, () -> driver.id() + " skipped: " + driver.unavailable());
          List<String> line = committed.rows().get(row.id());
          String expected = line == null || line.size() <= column ? "(no such cell in docs/clients.md)" : line.get(column);
          Observation seen = observed.getOrDefault(row.id(), Map.of()).get(driver.id());
          if (seen != null && !expected.equals(seen.cell())) {
            seen = MatrixRun.observe(driver, cellOf.apply(row));
          }
          String cell = row.id() + " x " + driver.id();
          boolean unstable = UNSTABLE.contains(cell) || section.equals("wss") && driver.id().equals("java-websocket");
          Observation last = seen;
          assumeTrue(!unstable || last == null || expected.equals(last.cell()),
              () -> cell + " is a known unstable cell and differed this run: " + last.cell());
          assertEquals(expected, last == null ? "(not run)" : last.cell(),
              () -> "cell [" + row.id() + " x " + driver.id() + "] of docs/clients.md differs from what "
                  + driver.title() + " reported now. If the new behaviour is right (e.g. after a version bump), "
                  + "regenerate the table and review the diff: " + MatrixTable.REGENERATE);
        }));
      }
    }
    return tests.stream();
  }
}
