package dev.wschaos.scenarios.catalogue;

import dev.wschaos.simulator.WsChaosServer;
import java.util.OptionalInt;

/**
 * What the simulator can tell about a run while it goes. Today: an embedded {@link WsChaosServer}'s open connection
 * count. The control plane's journal and reconnect analytics will be another implementation, for remote targets too.
 *
 * <pre>{@code
 * SimulatorProbe probe = SimulatorProbe.embedded(server);   // or SimulatorProbe.NONE for a remote ws:// target
 * probe.openConnections().ifPresent(n -> System.out.println(n + " open"));
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
    };
  }
}
