package dev.wschaos.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.admin.AdminSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCheckTest {

  @Test
  void servesItsOwnNamesAndIpLiteralsOnly() {
    HostCheck check = HostCheck.of("127.0.0.1", List.of("wschaos.test", ".corp.example"));

    assertThat(List.of("127.0.0.1:8081", "localhost:8081", "LOCALHOST", "app.localhost:1", "[::1]:8081",
        "192.168.1.5:80", "wschaos.test:9", "a.b.corp.example", "corp.example.", "")).allMatch(check::allows);
    assertThat(check.allows(null)).isTrue();
    assertThat(List.of("evil.example:8081", "wschaos.test.evil", "corp.example.evil", "notcorp.example",
        "localhost.evil.example")).noneMatch(check::allows);
  }

  @Test
  void aStarAllowsEveryName() {
    assertThat(HostCheck.of("127.0.0.1", List.of("*")).allows("anything.example")).isTrue();
  }

  @Test
  void theRefusalSaysHowToAllowTheName() {
    assertThat(HostCheck.of("127.0.0.1", List.of()).refusal("evil.example:81", "--admin-allowed-hosts"))
        .contains("'evil.example:81'", "--admin-allowed-hosts evil.example");
  }

  @Test
  void onlyLoopbackAddressesCountAsLoopback() {
    assertThat(List.of("127.0.0.1", "localhost", "::1", "127.0.0.2"))
        .allMatch(h -> AdminSettings.loopback(0).withHost(h).loopbackOnly());
    assertThat(List.of("0.0.0.0", "192.168.1.2", "::", "example.com"))
        .noneMatch(h -> AdminSettings.loopback(0).withHost(h).loopbackOnly());
  }
}
