package dev.wschaos.simulator.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a simulator joins a cluster of simulators (Vert.x clustering over Hazelcast). By default every node is on this
 * machine: Hazelcast binds 127.0.0.1, tries ports 5701-5710 and finds the other nodes there over TCP, never by
 * multicast. For several machines, name the members (and bind an address they can reach), or hand over a Hazelcast
 * configuration file, which then replaces every other setting here but the attempt map's.
 *
 * <pre>{@code
 * WsChaosServer.builder().cluster(ClusterSettings.loopback()).adminPort(0).start();
 * ClusterSettings.loopback().host("10.0.0.5").members(List.of("10.0.0.5", "10.0.0.6"));   // two machines
 * ClusterSettings.configFile(Path.of("hazelcast.yaml"));                                  // your own join
 * }</pre>
 *
 * @param name      the cluster's name: nodes only join a cluster of the same name
 * @param host      the address Hazelcast and the event bus bind and announce
 * @param port      the first Hazelcast port tried
 * @param portCount how many ports from {@code port} on are tried, here and at the members
 * @param members   where to look for other nodes: {@code host} or {@code host:port} (then only that port)
 * @param busPort   the Vert.x event bus port (plan changes travel over it), 0: any free one
 * @param file      a Hazelcast XML or YAML configuration used as is, or null
 */
public record ClusterSettings(String name, String host, int port, int portCount, List<String> members, int busPort,
                              Path file) {

  public static final String DEFAULT_NAME = "wschaos";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_PORT_COUNT = 10;

  public ClusterSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
    if (name.isBlank()) {
      throw new IllegalArgumentException("cluster name is empty: give a name, e.g. wschaos");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("cluster port " + port + " is out of range 1-65535");
    }
    if (portCount < 1 || port + portCount - 1 > 65535) {
      throw new IllegalArgumentException("cluster port count " + portCount + " is out of range: 1 to "
          + (65536 - port) + " from port " + port);
    }
    if (busPort < 0 || busPort > 65535) {
      throw new IllegalArgumentException("cluster event bus port " + busPort + " is out of range 0-65535");
    }
    if (members.isEmpty() && file == null) {
      throw new IllegalArgumentException("cluster members are empty: name at least one, e.g. 127.0.0.1");
    }
  }

  /** Every node on this machine: 127.0.0.1, ports 5701-5710, cluster name {@code wschaos}. */
  public static ClusterSettings loopback() {
    return new ClusterSettings(DEFAULT_NAME, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_PORT_COUNT, List.of(DEFAULT_HOST),
        0, null);
  }

  /** Join as the Hazelcast configuration {@code file} (XML or YAML) says. */
  public static ClusterSettings configFile(Path file) {
    return new ClusterSettings(DEFAULT_NAME, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_PORT_COUNT, List.of(),
        0, Objects.requireNonNull(file, "file"));
  }

  public ClusterSettings name(String value) {
    return new ClusterSettings(value, host, port, portCount, members, busPort, file);
  }

  public ClusterSettings host(String value) {
    return new ClusterSettings(name, value, port, portCount, members, busPort, file);
  }

  /** Try ports {@code first} to {@code first + count - 1}, here and at every member named without a port. */
  public ClusterSettings ports(int first, int count) {
    return new ClusterSettings(name, host, first, count, members, busPort, file);
  }

  public ClusterSettings members(List<String> value) {
    return new ClusterSettings(name, host, port, portCount, value, busPort, file);
  }

  /** The event bus port, for firewalls between machines (default 0: any free one). */
  public ClusterSettings busPort(int value) {
    return new ClusterSettings(name, host, port, portCount, members, value, file);
  }
}
