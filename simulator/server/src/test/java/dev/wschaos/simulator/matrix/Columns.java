package dev.wschaos.simulator.matrix;

import java.util.List;

/** The matrix's columns, in table order. A new client is one driver class and one line here. */
final class Columns {

  private Columns() {}

  /** The columns; {@code ca} (a TLS run's test CA, else null) is what the browser trusts beyond its roots. */
  static List<ClientDriver> create(TrustedCa ca) {
    return List.of(
        new JdkDriver(),
        new VertxDriver(),
        new OkHttpDriver(),
        new JettyDriver(),
        new JavaWebSocketDriver(),
        new SpringDriver(),
        new NodeWsDriver(),
        new PythonWebsocketsDriver(),
        new ChromiumDriver(ca));
  }
}
