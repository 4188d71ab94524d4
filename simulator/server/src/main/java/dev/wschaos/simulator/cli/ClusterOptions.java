package dev.wschaos.simulator.cli;

import dev.wschaos.simulator.cluster.ClusterNode;
import dev.wschaos.simulator.cluster.ClusterSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The cluster's command-line options, mixed into {@link WsChaosCommand}: {@code --cluster} and how to join. */
final class ClusterOptions {

  @Option(names = "--cluster", description = "join a cluster of simulators: one plan, attempts counted across nodes "
      + "(by default every node on this machine: 127.0.0.1, ports 5701-5710, no multicast)")
  boolean cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = ClusterSettings.DEFAULT_NAME,
      description = "nodes only join a cluster of the same name (default: ${DEFAULT-VALUE})")
  String name;

  @Option(names = "--cluster-host", paramLabel = "ADDR", defaultValue = ClusterSettings.DEFAULT_HOST,
      description = "address the cluster traffic binds and announces; other machines must reach it "
          + "(default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--cluster-port", paramLabel = "N", defaultValue = "" + ClusterSettings.DEFAULT_PORT,
      description = "first cluster port tried, here and at the members (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--cluster-port-count", paramLabel = "N", defaultValue = "" + ClusterSettings.DEFAULT_PORT_COUNT,
      description = "how many ports from --cluster-port on are tried (default: ${DEFAULT-VALUE})")
  int portCount;

  @Option(names = "--cluster-members", paramLabel = "HOST[:PORT]", split = ",",
      description = "where other nodes are found (default: 127.0.0.1)")
  List<String> members = new ArrayList<>();

  @Option(names = "--cluster-bus-port", paramLabel = "N", defaultValue = "0",
      description = "the Vert.x event bus port plan changes travel over (default: 0, any free one)")
  int busPort;

  @Option(names = "--cluster-config", paramLabel = "FILE",
      description = "a Hazelcast XML or YAML configuration, used instead of the other --cluster-* options")
  Path file;

  /** The settings asked for, or null without {@code --cluster}. @throws IllegalArgumentException when invalid */
  ClusterSettings settings() {
    if (!cluster) {
      if (file != null || !members.isEmpty()) {
        throw new IllegalArgumentException("--cluster-config and --cluster-members need --cluster");
      }
      return null;
    }
    if (file != null) {
      return ClusterSettings.configFile(file).busPort(busPort);
    }
    return ClusterSettings.loopback().name(name).host(host).ports(port, portCount)
        .members(members.isEmpty() ? List.of(host) : members).busPort(busPort);
  }

  static void printJoined(ClusterNode node, PrintWriter out) {
    out.println("wschaos cluster " + node.name() + ": node " + node.address() + " joined, " + node.size()
        + " nodes");
  }
}
