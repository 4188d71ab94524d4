package dev.wschaos.simulator.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.journal.JournalJson;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.RawClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API on its default loopback port refuses what a web page in the user's browser could send it. */
class AdminSafetyAcceptanceTest {

  private static final String ACTION = "{\"type\":\"close\",\"code\":1012}";
  private static WsChaosServer server;
  private static WsChaosServer permissive;

  @BeforeAll
  static void start() {
    server = WsChaosServer.builder().plan(Plan.named("safe")).closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0)).start();
    permissive = WsChaosServer.builder().plan(Plan.named("shared")).closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken("s3cret-token")
            .withAllowedHosts(List.of("wschaos.test", ".corp.example"))
            .withAllowedOrigins(List.of("http://localhost:3000"))).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    permissive.close();
  }

  private static RawClient.Response call(WsChaosServer target, String method, String path, Map<String, String> extra,
                                         String body) throws Exception {
    URI admin = target.adminUrl();
    try (RawClient raw = RawClient.open(admin)) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Host", admin.getHost() + ":" + admin.getPort());
      headers.putAll(extra);
      headers.put("Content-Length", Integer.toString(body == null ? 0 : body.length()));
      headers.put("Connection", "close");
      raw.sendRequest(method, path, headers);
      if (body != null) {
        raw.sendRaw(body);
      }
      return raw.readResponse();
    }
  }

  private static JsonNode problem(RawClient.Response response) throws Exception {
    assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    return JournalJson.mapper().readTree(response.body());
  }

  @Test
  void aForeignHostIsRefusedWithHowToAllowIt() throws Exception {
    int port = server.adminUrl().getPort();
    RawClient.Response response = call(server, "GET", "/journal", Map.of("Host", "evil.example:" + port), null);

    assertThat(response.status()).isEqualTo(403);
    JsonNode problem = problem(response);
    assertThat(problem.get("type").asText()).endsWith("/foreign-host");
    assertThat(problem.get("detail").asText()).contains("evil.example:" + port)
        .contains("--admin-allowed-hosts evil.example");
  }

  @Test
  void ownAddressLocalhostAndAllowedNamesAreServed() throws Exception {
    int port = server.adminUrl().getPort();
    assertThat(call(server, "GET", "/health", Map.of(), null).status()).isEqualTo(200);
    assertThat(call(server, "GET", "/health", Map.of("Host", "localhost:" + port), null).status()).isEqualTo(200);
    assertThat(call(server, "GET", "/health", Map.of("Host", "[::1]:" + port), null).status()).isEqualTo(200);

    int other = permissive.adminUrl().getPort();
    Map<String, String> token = Map.of("Authorization", "Bearer s3cret-token");
    for (String host : List.of("wschaos.test", "api.corp.example", "corp.example")) {
      Map<String, String> headers = new LinkedHashMap<>(token);
      headers.put("Host", host + ":" + other);
      assertThat(call(permissive, "GET", "/health", headers, null).status()).as(host).isEqualTo(200);
    }
    Map<String, String> foreign = new LinkedHashMap<>(token);
    foreign.put("Host", "corp.example.evil:" + other);
    assertThat(call(permissive, "GET", "/health", foreign, null).status()).isEqualTo(403);
  }

  @Test
  void aCrossSiteSimpleRequestIsRefusedAndRunsNothing() throws Exception {
    RawClient.Response response = call(server, "POST", "/actions",
        Map.of("Origin", "http://evil.example", "Content-Type", "text/plain"), ACTION);

    assertThat(response.status()).isEqualTo(403);
    JsonNode problem = problem(response);
    assertThat(problem.get("type").asText()).endsWith("/foreign-origin");
    assertThat(problem.get("detail").asText()).contains("http://evil.example")
        .contains("--admin-allowed-origins http://evil.example");
    assertThat(server.journal().query(dev.wschaos.simulator.journal.JournalQuery.all()).events())
        .noneMatch(e -> e.type() == dev.wschaos.simulator.journal.EventType.FLEET_ACTION);
  }

  @Test
  void aSameOriginPageIsServed() throws Exception {
    URI admin = server.adminUrl();
    RawClient.Response response = call(server, "GET", "/health",
        Map.of("Origin", "http://" + admin.getHost() + ":" + admin.getPort()), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aBodyThatIsNotJsonOrYamlGets415EvenWithoutAnOrigin() throws Exception {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
      RawClient.Response response = call(server, "POST", "/actions", Map.of("Content-Type", type), ACTION);
      assertThat(response.status()).as(type).isEqualTo(415);
      assertThat(problem(response).get("detail").asText()).contains("application/json or application/yaml");
    }
    RawClient.Response none = call(server, "POST", "/reset", Map.of(), null);
    assertThat(none.status()).isEqualTo(415);
    assertThat(problem(none).get("detail").asText()).contains("got none");

    RawClient.Response json = call(server, "POST", "/reset", Map.of("Content-Type", "application/json"), "{}");
    assertThat(json.status()).isEqualTo(200);
  }

  @Test
  void aPreflightFromAForeignPageGetsNoGrant() throws Exception {
    RawClient.Response response = call(server, "OPTIONS", "/actions", Map.of("Origin", "http://evil.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    assertThat(response.header("Access-Control-Allow-Methods")).isNull();
  }

  @Test
  void optionsWithoutAnOriginListsTheMethodsAndGrantsNothing() throws Exception {
    RawClient.Response response = call(server, "OPTIONS", "/plan", Map.of(), null);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Allow")).contains("PUT");
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anAllowedOriginIsGrantedAPreflightWithoutTheTokenAndThenNeedsIt() throws Exception {
    int port = permissive.adminUrl().getPort();
    RawClient.Response preflight = call(permissive, "OPTIONS", "/actions", Map.of("Origin", "http://localhost:3000",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"), null);
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization").contains("Content-Type");

    RawClient.Response noToken = call(permissive, "GET", "/health", Map.of("Origin", "http://localhost:3000"), null);
    assertThat(noToken.status()).isEqualTo(401);
    RawClient.Response withToken = call(permissive, "GET", "/health", Map.of("Origin", "http://localhost:3000",
        "Authorization", "Bearer s3cret-token"), null);
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(port).isPositive();
  }

  @Test
  void theTokenNeverAppearsInAnswers() throws Exception {
    RawClient.Response wrong = call(permissive, "GET", "/health", Map.of("Authorization", "Bearer s3cret-tokem"), null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("s3cret");
    RawClient.Response bad = call(permissive, "POST", "/actions", Map.of("Authorization", "Bearer s3cret-token",
        "Content-Type", "application/json"), "{\"type\":\"nope\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("s3cret");
  }

  @Test
  void theAdminClientSendsWhatTheGuardWants() {
    AdminClient client = AdminClient.create(permissive.adminUrl(), "s3cret-token");
    client.reset();
    assertThat(client.replacePlan(Plan.named("edited")).name()).isEqualTo("edited");
  }
}
