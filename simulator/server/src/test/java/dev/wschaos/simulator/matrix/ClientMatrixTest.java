package dev.wschaos.simulator.matrix;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.PlanLoader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The client matrix over ws://: every handshake, close, connection and protocol fault against every client column,
 * one simulator for the class, the fault chosen by the cell's path. Each cell is asserted against docs/clients.md.
 */
class ClientMatrixTest {

  private static WsChaosServer server;
  /** The same plan on another port for the {@code stall} row: a browser lets one handshake per IP and port be pending. */
  private static WsChaosServer stallServer;
  private static List<ClientDriver> drivers;
  private static Map<String, Map<String, Observation>> observed;
  private static java.util.function.Function<Row, Cell> cellOf;

  @BeforeAll
  static void runTheMatrix() throws Exception {
    server = WsChaosServer.builder().plan(PlanLoader.parse(plan(Rows.ALL), "client matrix"))
        .closeTimeout(Duration.ofSeconds(1)).start();
    stallServer = WsChaosServer.builder().plan(PlanLoader.parse(plan(Rows.ALL), "client matrix"))
        .closeTimeout(Duration.ofSeconds(1)).start();
    drivers = Columns.create(null);
    cellOf =
        row -> new Cell((row.id().equals("stall") ? stallServer : server).wsUrl(row.path()), row.step(), MatrixRun.waitFor(row), null);
    MatrixRun.warmUp(drivers, cellOf);
    observed = MatrixRun.run(Rows.ALL, drivers, cellOf);
  }

  @AfterAll
  static void stop() {
    java.util.List<AutoCloseable> all = new java.util.ArrayList<>(drivers == null ? List.of() : drivers);
    all.add(server);
    all.add(stallServer);
    Cleanup.close(all);
  }

  @TestFactory
  Stream<DynamicTest> everyCellMatchesDocsClientsMd() {
    return MatrixCheck.cells("ws", Rows.ALL, drivers, observed, cellOf);
  }

  static String plan(List<Row> rows) {
    return "name: client-matrix\nrules:\n" + rows.stream().filter(row -> row.fault().startsWith("{"))
        .map(row -> "  - {name: " + row.id() + ", match: {path: \"" + row.path() + "\"}, fault: " + row.fault() + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }
}
