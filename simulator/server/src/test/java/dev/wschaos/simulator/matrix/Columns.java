package dev.wschaos.simulator.matrix;

import java.util.List;

/** The matrix's columns, in table order. A new client is one driver class and one line here. */
final class Columns {

  private Columns() {}

  static List<ClientDriver> create() {
    return List.of(
        new JdkDriver(),
        new VertxDriver(),
        new OkHttpDriver(),
        new JettyDriver(),
        new JavaWebSocketDriver(),
        new SpringDriver());
  }
}
