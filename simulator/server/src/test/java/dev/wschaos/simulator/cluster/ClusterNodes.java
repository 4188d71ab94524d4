package dev.wschaos.simulator.cluster;

import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.support.SimulatorProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A few simulator nodes in JVMs of their own, clustered on loopback: a cluster name of their own (no other test's
 * node joins), a free range of cluster ports, WebSocket and admin ports chosen by the OS and read from their output.
 */
final class ClusterNodes implements AutoCloseable {

  static final Duration START = Duration.ofSeconds(120);

  private static final Pattern LISTENING = Pattern.compile("wschaos listening on (ws://\\S+) .* admin=(http://\\S+)");

  private final List<SimulatorProcess> processes = new ArrayList<>();
  private final List<URI> ws = new ArrayList<>();
  private final List<URI> admin = new ArrayList<>();

  /** Quick to start (little JIT work), and the access Hazelcast asks for on Java 9+. */
  private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");

  /**
   * Start {@code count} nodes, the first alone, then the others at once (they join a cluster that exists), and wait
   * until each is listening and sees all of them.
   */
  static ClusterNodes start(int count, String... extraArgs) throws Exception {
    ClusterNodes nodes = new ClusterNodes();
    try {
      int base = freePortRange(count);
      String name = "wschaos-test-" + UUID.randomUUID();
      for (int i = 0; i < count; i++) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--admin-port", "0", "--cluster",
            "--cluster-name", name, "--cluster-port", Integer.toString(base),
            "--cluster-port-count", Integer.toString(count)));
        args.addAll(List.of(extraArgs));
        nodes.processes.add(SimulatorProcess.startWithLog(command(args)));
        if (i == 0) {
          nodes.awaitListening(0);
        }
      }
      for (int i = 1; i < count; i++) {
        nodes.awaitListening(i);
      }
      for (int i = 0; i < count; i++) {
        nodes.awaitLine(i, "joined, " + count + " nodes");
      }
      return nodes;
    } catch (Throwable e) {
      nodes.close();
      throw e;
    }
  }

  private void awaitListening(int node) {
    SimulatorProcess process = processes.get(node);
    Matcher listening;
    try {
      listening = await().atMost(START).until(() -> find(process, LISTENING), m -> m != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("node " + node + " not listening; its output: " + String.join("\n", process.lines()), e);
    }
    ws.add(URI.create(listening.group(1)));
    admin.add(URI.create(listening.group(2)));
  }

  private static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>(SimulatorProcess.command(args.toArray(String[]::new)));
    command.addAll(1, JVM);
    return command;
  }

  URI ws(int node, String pathAndQuery) {
    return ws.get(node).resolve(pathAndQuery);
  }

  URI admin(int node) {
    return admin.get(node);
  }

  /** Wait until node {@code node} has printed a line containing {@code text}. */
  void awaitLine(int node, String text) {
    SimulatorProcess process = processes.get(node);
    try {
      await().atMost(START).until(() -> process.lines().stream().anyMatch(l -> l.contains(text)));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("node " + node + " did not print '" + text + "'; its output: "
          + String.join("\n", process.lines()), e);
    }
  }

  /** {@code kill -9} node {@code node}. */
  void kill(int node) throws InterruptedException {
    processes.get(node).kill();
  }

  private static Matcher find(SimulatorProcess process, Pattern pattern) {
    for (String line : process.lines()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    return null;
  }

  /** {@code count} consecutive ports free on 127.0.0.1 now. */
  private static int freePortRange(int count) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    for (int tries = 0; tries < 100; tries++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      boolean free = true;
      for (int p = base; p < base + count && free; p++) {
        try (ServerSocket probe = new ServerSocket(p, 1, loopback)) {
          probe.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no " + count + " consecutive free ports between 20000 and 30000");
  }

  @Override
  public void close() {
    processes.forEach(SimulatorProcess::close);
  }
}
