package dev.wschaos.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client id with quotes and backslashes survives every JSON the simulator writes: journal file and admin API. */
class QuotedClientIdAcceptanceTest {

  private static final String CLIENT = "say \"hi\" \\ c:\\tmp";

  @Test
  void roundTripsThroughTheJournalFileAndTheAdminApi(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.jsonl");
    WsChaosServer server = WsChaosServer.builder().journalFile(file).admin(AdminSettings.loopback(0)).start();
    try {
      try (JdkClient client = JdkClient.connect(
          server.wsUrl("/?clientId=" + URLEncoder.encode(CLIENT, StandardCharsets.UTF_8)))) {
        client.send("x");
        client.nextMessage();
      }
      AdminClient admin = AdminClient.create(server.adminUrl());
      await().atMost(Duration.ofSeconds(10)).until(() -> admin.journal(JournalQuery.all().clientId(CLIENT)).events()
          .stream().anyMatch(e -> e.type() == EventType.CLOSED));

      assertThat(admin.journal(JournalQuery.all().clientId(CLIENT)).events())
          .extracting(JournalEvent::clientId).containsOnly(CLIENT);
      assertThat(admin.reconnectClient(CLIENT)).hasValueSatisfying(c -> assertThat(c.client()).isEqualTo(CLIENT));
    } finally {
      server.close();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).isNotEmpty().allSatisfy(line ->
        assertThat(Json.mapper().readValue(line, JournalEvent.class).clientId()).isEqualTo(CLIENT));
  }
}
