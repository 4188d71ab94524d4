package dev.wschaos.scenarios.catalogue;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.analytics.ReportJson;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.plan.Plan;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a chaos run can ask of the simulator while it goes: its open connection count, its reconnect analytics
 * (for the simulator-side SLOs), its reconnect report files, and fleet actions at set times. An embedded
 * {@link WsChaosServer} answers directly; a remote simulator through its admin API.
 *
 * <pre>{@code
 * SimulatorProbe probe = SimulatorProbe.embedded(server);   // or remote(URI.create("http://sim:9090"), token)
 * probe.openConnections().ifPresent(n -> System.out.println(n + " open"));
 * probe.reconnects().ifPresent(r -> System.out.println(r.recoveries()));
 * }</pre>
 */
public interface SimulatorProbe {

  /** A probe for a simulator that cannot be asked: simulator-side checks are reported as skipped. */
  SimulatorProbe NONE = new SimulatorProbe() {
    @Override
    public String source() {
      return null;
    }

    @Override
    public OptionalInt openConnections() {
      return OptionalInt.empty();
    }
  };

  /** Where the facts come from, for the verdict; null when nowhere. */
  String source();

  OptionalInt openConnections();

  /** The simulator's reconnect analytics so far; empty when the simulator cannot be asked. */
  default Optional<ReconnectFacts> reconnects() {
    return Optional.empty();
  }

  /**
   * Write the simulator's reconnect report into {@code dir} as {@code BASE-reconnect-report.html} and {@code .json};
   * returns the files written (none when the simulator cannot be asked).
   */
  default List<Path> writeReports(Path dir, String base) {
    return List.of();
  }

  /** The TLS lab's CA certificate (PEM), for clients to trust; empty when unknown or the simulator has no TLS. */
  default Optional<String> caPem() {
    return Optional.empty();
  }

  /**
   * Start a run afresh with {@code plan}: forget earlier clients, journal and reconnect history, install the plan.
   * A no-op for an embedded simulator started with the plan; {@code false} when the simulator cannot be driven.
   */
  default boolean prepare(Plan plan) {
    return false;
  }

  /** Run a fleet action now. @throws UnsupportedOperationException when the simulator cannot be driven */
  default ActionResult act(FleetAction action) {
    throw new UnsupportedOperationException("the simulator cannot be driven: give its admin URL (-Dadmin=http://...)");
  }

  static SimulatorProbe embedded(WsChaosServer server) {
    return new SimulatorProbe() {
      @Override
      public String source() {
        return "embedded simulator";
      }

      @Override
      public OptionalInt openConnections() {
        return OptionalInt.of(server.openConnections());
      }

      @Override
      public Optional<ReconnectFacts> reconnects() {
        return Optional.of(ReconnectFacts.parse(ReportJson.toJson(server.reconnectReport())));
      }

      @Override
      public List<Path> writeReports(Path dir, String base) {
        return List.of(server.writeReconnectReport(dir.resolve(base + "-reconnect-report.html")),
            server.writeReconnectReport(dir.resolve(base + "-reconnect-report.json")));
      }

      @Override
      public boolean prepare(Plan plan) {
        return true;
      }

      @Override
      public ActionResult act(FleetAction action) {
        return server.act(action);
      }

      @Override
      public Optional<String> caPem() {
        try {
          return Optional.of(server.caPem());
        } catch (IllegalStateException e) {
          return Optional.empty();
        }
      }
    };
  }

  /** A simulator elsewhere, asked through its admin API ({@code token} may be null). */
  static SimulatorProbe remote(URI adminUrl, String token) {
    return new RemoteProbe(adminUrl, token);
  }
}
