package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.support.SimulatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded command-line jar as it is shipped (runs after {@code package}, by failsafe): no test library inside,
 * and it starts and stops as the README says.
 */
class WsChaosJarIT {

  /** Test-only libraries: the JUnit extension and the AssertJ assertions are for users' test classpaths. */
  private static final List<String> TEST_LIBRARIES = List.of("org/junit/", "org/opentest4j/", "org/apiguardian/",
      "org/assertj/", "net/bytebuddy/", "org/awaitility/", "io/vertx/junit5/", "org/hamcrest/");

  private static final Path JAR = Path.of(System.getProperty("wschaos.jar", "target/wschaos.jar"));

  @Test
  void holdsNoTestLibrary() throws IOException {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> offending = jar.stream().map(ZipEntry::getName)
          .filter(name -> TEST_LIBRARIES.stream().anyMatch(name::startsWith))
          .toList();
      assertThat(offending).as("test libraries in %s", JAR).isEmpty();
      assertThat(jar.getEntry("dev/wschaos/simulator/cli/WsChaosCommand.class")).isNotNull();
    }
  }

  @Test
  void printsItsHelp() throws Exception {
    try (SimulatorProcess process = SimulatorProcess.startJar(JAR, "--help")) {
      assertThat(process.awaitExit()).isTrue();
      assertThat(String.join("\n", process.lines())).contains("--plan").contains("--admin-port");
      assertThat(process.exitValue()).isZero();
    }
  }

  /** Hazelcast's service files and classes survive the shading: a node forms a cluster (of one) and stops. */
  @Test
  void joinsAClusterFromTheJar() throws Exception {
    int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 30_000);
    try (SimulatorProcess process = SimulatorProcess.startJar(JAR, "--port", "0", "--cluster", "--cluster-name",
        "jar-it-" + java.util.UUID.randomUUID(), "--cluster-port", Integer.toString(port), "--cluster-port-count", "3")) {
      String line = process.nextLine();
      while (line != null && !line.startsWith("wschaos cluster ")) {
        line = process.nextLine();
      }
      assertThat(line).as("the cluster line, output so far: %s", process.lines()).contains("joined, 1 nodes");
      assertThat(process.terminate()).isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }

  @Test
  void startsListensAndStopsOnSigterm() throws Exception {
    Path report = Files.createTempFile("wschaos-jar", ".json");
    try (SimulatorProcess process = SimulatorProcess.startJar(JAR, "--port", "0", "--plan", "going-away-1001",
        "--report", report.toString())) {
      String line = process.nextLine();
      while (line != null && !line.startsWith("wschaos listening on ws://127.0.0.1:")) {
        line = process.nextLine();
      }
      assertThat(line).as("the listening line, output so far: %s", process.lines()).isNotNull();
      assertThat(process.terminate()).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(Files.readString(report)).contains("\"summary\"");
    } finally {
      Files.deleteIfExists(report);
    }
  }
}
