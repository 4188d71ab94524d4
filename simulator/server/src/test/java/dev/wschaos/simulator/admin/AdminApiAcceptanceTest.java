package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.journal.JournalJson;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.Fleet;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TestVertx;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdminApiAcceptanceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = JournalJson.mapper();
  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer start(Plan plan, String token) {
    return WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken(token)).start();
  }

  private static HttpResponse<String> call(WsChaosServer server, String method, String path, String contentType,
                                           String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> call(WsChaosServer server, String method, String path, String contentType,
                                           String body) throws Exception {
    return call(server, method, path, contentType, body, null);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void healthTellsVersionUrlAndPlan() throws Exception {
    try (WsChaosServer server = start(Plan.named("p1"), null)) {
      HttpResponse<String> response = call(server, "GET", "/health", null, null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode health = json(response);
      assertThat(health.get("status").asText()).isEqualTo("UP");
      assertThat(health.get("version").asText()).isNotBlank();
      assertThat(health.get("wsUrl").asText()).isEqualTo(server.wsUrl().toString());
      assertThat(health.get("plan").asText()).isEqualTo("p1");
      assertThat(server.adminUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.adminUrl().getPort()).isNotEqualTo(server.port());
    }
  }

  @Test
  void aTokenIsRequiredOnEveryRouteWhenSet() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), "s3cret")) {
      for (String path : List.of("/health", "/plan", "/connections", "/journal", "/metrics", "/openapi.yaml")) {
        HttpResponse<String> none = call(server, "GET", path, null, null);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"wschaos\"");
        assertThat(none.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(call(server, "GET", path, null, null, "wrong").statusCode()).as(path).isEqualTo(401);
        assertThat(call(server, "GET", path, null, null, "s3cret").statusCode()).as(path).isEqualTo(200);
      }
      assertThat(call(server, "PUT", "/plan", "application/yaml", "name: sneaky", null).statusCode()).isEqualTo(401);
      assertThat(server.plan().name()).isEqualTo("healthy");
      assertThat(call(server, "POST", "/reset", "application/json", "", "s3cret").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void getPlanAsJsonOrYaml() throws Exception {
    try (WsChaosServer server = start(Plan.named("shown").withRule(Rule.of(Match.ANY, RejectFault.status(503))), null)) {
      JsonNode plan = json(call(server, "GET", "/plan", null, null));
      assertThat(plan.get("name").asText()).isEqualTo("shown");
      assertThat(plan.at("/rules/0/fault/status").asInt()).isEqualTo(503);
      HttpResponse<String> yaml = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/plan"))
          .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
      assertThat(yaml.body()).contains("name: shown").contains("status: 503");
    }
  }

  @Test
  void replacePlanWithYamlTakesEffectForTheNextUpgrade() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), null)) {
      HttpResponse<String> response = call(server, "PUT", "/plan", "application/yaml", """
          name: refusing
          rules:
            - name: no
              fault: {type: reject, status: 429, headers: {Retry-After: "3"}}
          """);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("name").asText()).isEqualTo("refusing");
      Throwable refused = JdkClient.connectFailure(server.wsUrl());
      assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(429);

      assertThat(call(server, "PUT", "/plan", "application/json", "{\"name\": \"open-again\"}").statusCode())
          .isEqualTo(200);
      try (JdkClient client = JdkClient.connect(server.wsUrl())) {
        client.send("hi");
        assertThat(client.nextMessage()).isEqualTo("hi");
      }
      assertThat(call(server, "DELETE", "/plan", null, null).statusCode()).isEqualTo(200);
      assertThat(server.plan().name()).isEqualTo("healthy");
    }
  }

  @Test
  void anInvalidPlanIsRefusedWithEveryProblemLocatedAndThePlanStays() throws Exception {
    Plan running = Plan.named("running").withRule(Rule.of(Match.ANY, RejectFault.status(503)));
    try (WsChaosServer server = start(running, null)) {
      HttpResponse<String> response = call(server, "PUT", "/plan", "application/yaml", """
          name: broken
          rules:
            - fault: {type: close, code: 1006}
            - match: {probability: 3}
              fault: {type: reject, status: 200}
          """);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = json(response);
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      List<String> fields = new ArrayList<>();
      problem.get("problems").forEach(p -> {
        fields.add(p.get("field").asText());
        assertThat(p.get("line").asInt()).isPositive();
        assertThat(p.get("column").asInt()).isPositive();
        assertThat(p.get("message").asText()).isNotBlank();
      });
      assertThat(fields).containsExactlyInAnyOrder("rules[0].fault.code", "rules[1].match.probability",
          "rules[1].fault.status");
      assertThat(problem.at("/problems/0/line").asInt()).isEqualTo(3);

      HttpResponse<String> unreadable = call(server, "PUT", "/plan", "application/yaml", "rules: [{fault: {type: nope}}]");
      assertThat(unreadable.statusCode()).isEqualTo(400);
      assertThat(json(unreadable).at("/problems/0/message").asText()).contains("unknown fault type 'nope'");
      assertThat(call(server, "PUT", "/plan", "application/json", "").statusCode()).isEqualTo(400);

      assertThat(server.plan()).isSameAs(running);
      assertThat(((WebSocketHandshakeException) JdkClient.connectFailure(server.wsUrl())).getResponse().statusCode())
          .isEqualTo(503);
    }
  }

  @Test
  void addAndRemoveOneRule() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), null)) {
      HttpResponse<String> added = call(server, "POST", "/plan/rules", "application/json",
          "{\"name\": \"gone\", \"fault\": {\"type\": \"reject\", \"status\": 410}}");
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(server.plan().rules()).extracting(Rule::name).containsExactly("gone");
      assertThat(((WebSocketHandshakeException) JdkClient.connectFailure(server.wsUrl())).getResponse().statusCode())
          .isEqualTo(410);

      HttpResponse<String> invalid = call(server, "POST", "/plan/rules", "application/yaml",
          "fault: {type: close, code: 999}\ntrigger: {afterMessages: 1}");
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(json(invalid).at("/problems/0/field").asText()).isEqualTo("fault.code");
      assertThat(json(invalid).at("/problems/0/line").asInt()).isEqualTo(1);
      assertThat(server.plan().rules()).hasSize(1);

      assertThat(call(server, "DELETE", "/plan/rules/nope", null, null).statusCode()).isEqualTo(404);
      assertThat(call(server, "DELETE", "/plan/rules/gone", null, null).statusCode()).isEqualTo(200);
      assertThat(server.plan().rules()).isEmpty();
    }
  }

  @Test
  void rulesAreEditedByName() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), null)) {
      HttpResponse<String> unnamed = call(server, "POST", "/plan/rules", "application/yaml",
          "fault: {type: reject, status: 503}");
      assertThat(unnamed.statusCode()).isEqualTo(201);
      String generated = json(unnamed).get("name").asText();
      assertThat(generated).isNotBlank();
      assertThat(unnamed.headers().firstValue("Location")).hasValue("/plan/rules/" + generated);

      String named = "{\"name\": \"busy\", \"fault\": {\"type\": \"reject\", \"status\": 429}}";
      assertThat(call(server, "POST", "/plan/rules", "application/json", named).statusCode()).isEqualTo(201);
      HttpResponse<String> again = call(server, "POST", "/plan/rules", "application/json", named);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
      assertThat(json(again).get("detail").asText()).contains("busy").contains("PUT /plan/rules/busy");

      HttpResponse<String> replaced = call(server, "PUT", "/plan/rules/" + generated, "application/yaml",
          "match: {clientId: c1}\nfault: {type: reject, status: 410}");
      assertThat(replaced.statusCode()).isEqualTo(200);
      assertThat(server.plan().rules()).extracting(Rule::name).containsExactly(generated, "busy");
      assertThat(((RejectFault) server.plan().rules().get(0).fault()).status()).isEqualTo(410);
      assertThat(call(server, "PUT", "/plan/rules/new%20one", "application/yaml", "fault: {type: drop}")
          .statusCode()).isEqualTo(201);
      assertThat(call(server, "GET", "/plan/rules/new%20one", null, null).body()).contains("drop");
      assertThat(call(server, "PUT", "/plan/rules/x", "application/yaml", "name: y\nfault: {type: drop}")
          .statusCode()).isEqualTo(400);

      Plan before = server.plan();
      HttpResponse<String> invalid = call(server, "PUT", "/plan/rules/busy", "application/yaml", """
          match: {attempt: 0}
          trigger: {afterMessages: 1}
          fault: {type: close, code: 1006}
          """);
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
      List<String> fields = new ArrayList<>();
      json(invalid).get("problems").forEach(p -> fields.add(p.get("field").asText() + "@" + p.get("line").asInt()));
      assertThat(fields).containsExactlyInAnyOrder("match.attempt@1", "fault.code@3");
      assertThat(server.plan()).isSameAs(before);

      HttpResponse<String> missing = call(server, "DELETE", "/plan/rules/nope", null, null);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(json(missing).get("detail").asText()).contains("nope").contains("busy");
      assertThat(call(server, "DELETE", "/plan/rules/busy", null, null).statusCode()).isEqualTo(200);
      assertThat(server.plan().rules()).extracting(Rule::name).containsExactly(generated, "new one");
      assertThat(call(server, "DELETE", "/plan/rules", null, null).statusCode()).isEqualTo(200);
      assertThat(server.plan().rules()).isEmpty();
    }
  }

  @Test
  void actionsConnectionsJournalMetricsAndReset() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), null); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl("/chat"), "a-", 20);
      fleet.connectAndWait(server.wsUrl("/feed"), "b-", 10);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 30);

      JsonNode all = json(call(server, "GET", "/connections", null, null));
      assertThat(all).hasSize(30);
      JsonNode chat = json(call(server, "GET", "/connections?path=/chat&limit=5", null, null));
      assertThat(chat).hasSize(5);
      assertThat(chat.get(0).get("clientId").asText()).startsWith("a-");
      assertThat(chat.get(0).get("attempt").asInt()).isEqualTo(1);
      assertThat(chat.get(0).get("openedAt").asText()).isNotBlank();
      assertThat(json(call(server, "GET", "/connections?clientId=b-*", null, null))).hasSize(10);

      HttpResponse<String> bad = call(server, "POST", "/actions", "application/json",
          "{\"type\": \"close\", \"code\": 1005, \"share\": -1}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(json(bad).get("problems")).hasSize(2);
      assertThat(server.openConnections()).isEqualTo(30);

      HttpResponse<String> acted = call(server, "POST", "/actions", "application/yaml",
          "{type: close, code: 4100, reason: admin, match: {path: /chat}}");
      assertThat(acted.statusCode()).isEqualTo(202);
      assertThat(json(acted).get("selected").asInt()).isEqualTo(20);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 10);
      assertThat(members).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 4100));
      JsonNode remaining = json(call(server, "GET", "/connections", null, null));
      assertThat(remaining).hasSize(10);

      JsonNode closed = json(call(server, "GET", "/journal?type=closed&clientId=a-3", null, null));
      assertThat(closed.get("events")).hasSize(1);
      assertThat(closed.at("/events/0/code").asInt()).isEqualTo(4100);
      assertThat(closed.at("/events/0/initiator").asText()).isEqualTo("server");
      JsonNode page1 = json(call(server, "GET", "/journal?type=opened,upgrade-received&limit=25", null, null));
      assertThat(page1.get("events")).hasSize(25);
      assertThat(page1.get("more").asBoolean()).isTrue();
      JsonNode page2 = json(call(server, "GET", "/journal?type=opened,upgrade-received&after="
          + page1.get("next").asLong(), null, null));
      assertThat(page2.get("events")).hasSize(35);
      assertThat(page2.get("more").asBoolean()).isFalse();
      assertThat(call(server, "GET", "/journal?type=bogus", null, null).statusCode()).isEqualTo(400);
      assertThat(json(call(server, "GET", "/journal?type=fleet-action", null, null)).at("/events/0/detail").asText())
          .startsWith("close 4100");

      String metrics = call(server, "GET", "/metrics", null, null).body();
      assertThat(metrics).contains("wschaos_connections_open 10.0")
          .contains("wschaos_handshakes_total{outcome=\"accepted\",status=\"101\"} 30.0")
          .contains("wschaos_closes_total{code=\"4100\",initiator=\"server\"} 20.0")
          .contains("wschaos_faults_total{type=\"close\"} 20.0")
          .contains("wschaos_fleet_actions_total 1.0")
          .contains("wschaos_journal_overflow_total 0.0")
          .contains("wschaos_messages_total{direction=\"in\"}");

      assertThat(call(server, "GET", "/openapi.yaml", null, null).body()).startsWith("openapi: 3");
      assertThat(call(server, "GET", "/nope", null, null).statusCode()).isEqualTo(404);

      server.replacePlan(Plan.named("to-be-reset"));
      assertThat(call(server, "POST", "/reset", "application/json", "").statusCode()).isEqualTo(200);
      assertThat(server.plan().name()).isEqualTo("healthy");
      assertThat(json(call(server, "GET", "/journal", null, null)).get("events")).isEmpty();
      fleet.connectAndWait(server.wsUrl("/chat"), "a-", 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 11);
      assertThat(json(call(server, "GET", "/connections?clientId=a-0", null, null)).get(0).get("attempt").asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void concurrentPlanReplacementUnderTrafficNeverMixesTwoPlans() throws Exception {
    // plan k announces subprotocol pk and closes every connection with 4000+k: a connection that got the
    // subprotocol of one plan and the close code of another would have seen a half-applied plan
    List<String> offered = IntStream.range(0, 4).mapToObj(k -> "p" + k).toList();
    List<String> plans = IntStream.range(0, 4).mapToObj(k -> """
        {"name": "plan-%d", "handshake": {"subprotocols": ["p%d"]},
         "rules": [{"fault": {"type": "close", "code": %d, "reason": "plan-%d"}}]}
        """.formatted(k, k, 4000 + k, k)).toList();
    try (WsChaosServer server = start(Plan.healthy(), null); Fleet fleet = Fleet.create(vertx)) {
      call(server, "PUT", "/plan", "application/json", plans.get(0));
      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
      Thread replacer = new Thread(() -> {
        int k = 0;
        while (running.get()) {
          try {
            statuses.add(call(server, "PUT", "/plan", "application/json", plans.get(++k % 4)).statusCode());
          } catch (Exception e) {
            statuses.add(-1);
          }
        }
      });
      replacer.start();
      List<Fleet.Member> members = new ArrayList<>();
      for (int wave = 0; wave < 10; wave++) {
        members.addAll(fleet.connect(server.wsUrl(), "w" + wave + "-", 30, offered));
        await().atMost(Duration.ofSeconds(20)).until(() -> members.stream().allMatch(m -> m.closed.isDone()
            || m.connected.isCompletedExceptionally()));
      }
      running.set(false);
      replacer.join(10_000);

      assertThat(statuses).isNotEmpty().containsOnly(200);
      assertThat(statuses.size()).isGreaterThan(5);
      assertThat(members).hasSize(300).allSatisfy(m -> {
        assertThat(m.connected).isNotCompletedExceptionally();
        String subprotocol = m.connected.join().subProtocol();
        int plan = Integer.parseInt(subprotocol.substring(1));
        assertThat(m.closed.join().code()).as(m.clientId).isEqualTo((short) (4000 + plan));
        assertThat(m.closed.join().reason()).isEqualTo("plan-" + plan);
      });
      long distinct = members.stream().map(m -> m.connected.join().subProtocol()).distinct().count();
      assertThat(distinct).as("connections decided by several plans").isGreaterThan(1);
    }
  }

  @Test
  void bodiesAreLimitedAndMethodsChecked() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), null)) {
      assertThat(call(server, "POST", "/health", "application/json", "{}").statusCode()).isEqualTo(405);
      String huge = "name: x\ndescription: " + "y".repeat(2 * 1024 * 1024);
      assertThat(call(server, "PUT", "/plan", "application/yaml", huge).statusCode()).isEqualTo(413);
      assertThat(server.plan().name()).isEqualTo("healthy");
    }
  }
}
