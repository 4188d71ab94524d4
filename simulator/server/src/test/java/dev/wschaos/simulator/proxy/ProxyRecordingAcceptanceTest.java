package dev.wschaos.simulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.support.JsonChatClient;
import dev.wschaos.simulator.support.JsonChatUpstream;
import dev.wschaos.simulator.support.TestVertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDK client of a chat-like JSON service through wschaos with a recording on; the recording, loaded as a plan with
 * no upstream, then serves the same client the same replies.
 */
class ProxyRecordingAcceptanceTest {

  private static JsonChatUpstream upstream;

  @TempDir
  Path dir;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = JsonChatUpstream.start(TestVertx.shared());
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
  }

  private static WsChaosServer.Builder proxy() {
    return WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1))
        .plan(Plan.named("proxy").withUpstream(Upstream.to(upstream.url()).forPath("/chat/*")));
  }

  @Test
  void aRecordingReplayedWithoutTheUpstreamServesTheSameClientTheSameReplies() throws Exception {
    Path file = dir.resolve("chat-recorded.yaml");
    List<String> proxied;
    try (WsChaosServer server = proxy().record(file).start()) {
      proxied = JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7);
    }
    assertThat(proxied).startsWith("subprotocol chat.v2", "{\"type\":\"hello\",\"server\":\"json-chat\",\"version\":2}",
        "{\"type\":\"ready\",\"id\":\"a1\",\"user\":\"ana\"}");
    assertThat(proxied).endsWith("{\"type\":\"pong\",\"id\":7}");

    Plan replay = PlanLoader.load(file);
    assertThat(replay.upstreams()).isEmpty();
    assertThat(replay.behaviour()).isInstanceOf(ConversationBehaviour.class);
    try (WsChaosServer server = WsChaosServer.builder().plan(replay).start()) {
      assertThat(JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7))
          .isEqualTo(proxied);
      assertThat(JsonChatClient.run(server.wsUrl("/chat/kitchen?clientId=c2"), "bob", "b-9", "kitchen", 42))
          .as("echoed fields are templates: another user, id and room get what the upstream would answer them")
          .isEqualTo(JsonChatClient.run(URI.create(upstream.url() + "/chat/kitchen"),
              "bob", "b-9", "kitchen", 42));
    }
  }

  @Test
  void theRecordedFileSaysWhereEachStubCameFromAndPassesThePlanCheck() throws Exception {
    Path file = dir.resolve("recorded.yaml");
    try (WsChaosServer server = proxy().record(file).start()) {
      JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7);
    }
    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("# Recorded by wschaos from 1 proxied session")
        .contains("# type auth: 1 message in 1 session, first from connection 1 (client c1, attempt 1) /chat/lobby")
        .contains("#   /user: echoes the client's user")
        .contains("feed:")
        .contains("      - '{\"type\":\"ready\",\"id\":\"{{json.message.id}}\",\"user\":\"{{json.message.user}}\"}'")
        .contains("send: '{\"type\":\"event\",\"room\":\"{{json.message.room}}\",\"seq\":{{feed.seq}}}'");
    assertThat(PlanLoader.parse(yaml, file.toString()).name()).isEqualTo("recorded");
  }

  @Test
  void theAdminApiStartsShowsAndStopsARecording() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (WsChaosServer server = proxy().adminPort(0).start()) {
      URI record = server.adminUrl().resolve("/record");
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(record)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).isEqualTo(201);
      assertThat(started.headers().firstValue("X-Wschaos-Recording")).hasValue("on");
      assertThat(http.send(HttpRequest.newBuilder(record).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as("one recording at a time").isEqualTo(409);

      JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7);
      HttpResponse<String> sofar = http.send(HttpRequest.newBuilder(record).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(sofar.statusCode()).isEqualTo(200);
      assertThat(sofar.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("yaml"));
      assertThat(sofar.body()).contains("type: subscribe");

      HttpResponse<String> stopped = http.send(HttpRequest.newBuilder(record).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(stopped.statusCode()).isEqualTo(200);
      assertThat(stopped.headers().firstValue("X-Wschaos-Recording")).hasValue("off");
      assertThat(PlanLoader.parse(stopped.body(), "DELETE /record").behaviour())
          .isInstanceOf(ConversationBehaviour.class);
      assertThat(http.send(HttpRequest.newBuilder(record).DELETE().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(409);
    }
  }
}
