package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.tls.CertificateLab;
import dev.wschaos.simulator.tls.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad TLS input: a clear error naming what is allowed, and nothing listening afterwards. */
class TlsBadInputAcceptanceTest {

  private static CertificateLab lab;

  @BeforeAll
  static void generate() {
    lab = CertificateLab.generate();
  }

  @Test
  void unknownProfilesInAPlanFileAreLocatedAndListTheAllowedNames() {
    String yaml = """
        name: bad-tls
        tls:
          profile: expird
          hosts:
            a.localhost: tls1.2-only
            b.localhost: nope
        """;
    assertThatThrownBy(() -> PlanLoader.parse(yaml, "bad-tls.yaml"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("(3 problems)")
        .hasMessageContaining("tls.profile: unknown TLS profile 'expird'; allowed: valid, expired, not-yet-valid")
        .hasMessageContaining("SNI can only choose the certificate: 'tls1.2-only' is not one of valid, expired")
        .hasMessageContaining("'nope' is not one of");
  }

  @Test
  void networkProfilesCannotBeThePlanPortsProfile() {
    Plan plan = Plan.healthy().withTls(TlsPolicy.of(TlsProfile.HANDSHAKE_STALL));
    assertThatThrownBy(() -> plan.requireValid("p"))
        .hasMessageContaining("'handshake-stall' is not a TLS configuration and needs a port of its own");
  }

  @Test
  void conflictingPortsStartNothing() throws Exception {
    int port = freePort();
    assertThatThrownBy(() -> WsChaosServer.builder().port(port)
        .tls(TlsSettings.port(port).listener(TlsProfile.EXPIRED, port).lab(lab)).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port " + port + " is given to both the ws port and the wss port (--tls-port)")
        .hasMessageContaining("port " + port + " is given to both the ws port and the expired listener");
    assertThat(canBind(port)).as("nothing listens on " + port).isTrue();
  }

  @Test
  void anUnwritableCaDirectoryStartsNothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    int port = freePort();
    assertThatThrownBy(() -> WsChaosServer.builder().port(port)
        .tls(TlsSettings.port(0).lab(lab).caOut(file)).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--ca-out " + file + ": not a directory (give a directory; wschaos writes wschaos-ca.pem and "
            + "wschaos-ca.p12 into it)");
    assertThat(canBind(port)).isTrue();

    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
    if (!Files.isWritable(readOnly)) {   // root ignores permissions: then only the first case applies
      assertThatThrownBy(() -> WsChaosServer.builder().tls(TlsSettings.port(0).lab(lab).caOut(readOnly)).start())
          .hasMessageContaining("the directory is not writable");
    }
  }

  @Test
  void aPlanWithAnUnknownProfileLeavesTheRunningOneInForce() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().tls(TlsSettings.port(0).lab(lab)).start()) {
      Plan bad = Plan.healthy().withTls(new TlsPolicy("expird", Map.of()));
      assertThatThrownBy(() -> server.replacePlan(bad)).isInstanceOf(InvalidPlanException.class);
      assertThat(server.plan().tls().defaultProfile()).isEqualTo(TlsProfile.VALID);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
