package dev.wschaos.simulator.matrix;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.tls.CertificateLab;
import dev.wschaos.simulator.tls.TlsSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The client matrix over wss://: every TLS profile of the lab (one listener each) against every client column,
 * each client trusting the lab's test CA and nothing else, and closing normally once open.
 */
class ClientMatrixTlsTest {

  static final List<Row> ROWS = Arrays.stream(TlsProfile.values())
      .map(p -> new Row(p.id(), "tls", "tls profile " + p.id(), Step.CLOSE, "tls.md#profiles-and-what-clients-report"))
      .toList();

  private static WsChaosServer server;
  private static List<ClientDriver> drivers;
  private static Map<String, Map<String, Observation>> observed;
  private static Function<Row, Cell> cellOf;

  @BeforeAll
  static void runTheMatrix() throws Exception {
    CertificateLab lab = CertificateLab.generate();
    server = WsChaosServer.builder().plan(Plan.healthy()).closeTimeout(Duration.ofSeconds(1))
        .tls(TlsSettings.port(0).allProfiles().lab(lab)).start();
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(lab.trustStore());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    TrustedCa ca = new TrustedCa(context, (X509TrustManager) factory.getTrustManagers()[0], lab.caPem());
    drivers = Columns.create(ca);
    cellOf = row -> new Cell(server.tls().wssUrl(TlsProfile.of(row.id()), "/m/tls"),
        row.step(), MatrixRun.waitFor(row), ca);
    MatrixRun.warmUp(drivers, row -> cellOf.apply(ROWS.get(0)));
    observed = MatrixRun.run(ROWS, drivers, cellOf);
  }

  @AfterAll
  static void stop() {
    java.util.List<AutoCloseable> all = new java.util.ArrayList<>(drivers == null ? List.of() : drivers);
    all.add(server);
    Cleanup.close(all);
  }

  @TestFactory
  Stream<DynamicTest> everyCellMatchesDocsClientsMd() {
    return MatrixCheck.cells("wss", ROWS, drivers, observed, cellOf);
  }
}
