package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.JdkClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's routes over plain HTTP: what needs the token, the live stream's events, the built-in plans. */
class ConsoleRoutesAcceptanceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "s3cret";

  private WsChaosServer server;

  @BeforeEach
  void start() {
    server = WsChaosServer.builder()
        .plan(Plan.named("t").withRule(Rule.of(new Match(null, "no-*", null, null, null, null), RejectFault.status(429))))
        .closeTimeout(Duration.ofSeconds(1)).admin(AdminSettings.loopback(0).withToken(TOKEN)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.adminUrl() + path)).timeout(Duration.ofSeconds(10));
  }

  @Test
  void thePageLoadsWithoutTheTokenButItsDataNeedsIt() throws Exception {
    HttpResponse<String> page = HTTP.send(request("/ui").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<script src=\"/ui/console.js\">");
    assertThat(HTTP.send(request("/ui/console.js").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    for (String data : new String[] {"/ui/live", "/ui/report", "/ui/plans", "/ui/plans/healthy", "/ui/timeline",
        "/ui/tls", "/connections"}) {
      HttpResponse<String> refused = HTTP.send(request(data).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as(data).isEqualTo(401);
    }
    HttpResponse<String> post = HTTP.send(request("/ui").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(401);
  }

  @Test
  void theAdminApisHostAndOriginRulesGuardTheConsoleToo() throws Exception {
    HttpResponse<String> foreignOrigin = HTTP.send(request("/ui/live").header("Authorization", "Bearer " + TOKEN)
        .header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(foreignOrigin.statusCode()).isEqualTo(403);
    assertThat(foreignOrigin.body()).contains("foreign-origin");
    HttpResponse<String> page = HTTP.send(request("/ui").header("Origin", "http://evil.example").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(403);
  }

  @Test
  void theLiveStreamSendsTheHistoryThenATickASecond() throws Exception {
    try (JdkClient client = JdkClient.connect(server.wsUrl().resolve("/feed?clientId=a"))) {
      Throwable refused = JdkClient.connectFailure(server.wsUrl().resolve("/feed?clientId=no-1"));
      assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(429);
      HttpResponse<InputStream> live = HTTP.send(request("/ui/live").header("Authorization", "Bearer " + TOKEN)
          .build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/event-stream"));
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
        assertThat(lines.readLine()).isEqualTo("event: history");
        String history = lines.readLine();
        assertThat(history).startsWith("data: {").contains("\"plan\":\"t\"").contains("\"listening\":true");
        assertThat(lines.readLine()).isEmpty();
        assertThat(nextTick(lines)).startsWith("data: {").contains("\"open\":1");
      }
      // the rejection is in the history or in a tick, depending on the second it fell in
      assertThat(history(TOKEN)).contains("\"rejections\":{\"429\":1}");
    }
  }

  /** The data line of the next {@code tick} event; other events (a {@code changes} event) may come first. */
  private static String nextTick(BufferedReader lines) throws java.io.IOException {
    for (int events = 0; events < 5; events++) {
      String event = lines.readLine();
      String data = lines.readLine();
      assertThat(lines.readLine()).isEmpty();
      if ("event: tick".equals(event)) {
        return data;
      }
    }
    throw new AssertionError("no tick event among the first 5 events after the history");
  }

  private String history(String token) throws Exception {
    HttpResponse<InputStream> live = HTTP.send(request("/ui/live").header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        seen.append(lines.readLine()).append('\n');
      }
      return seen.toString();
    }
  }

  @Test
  void builtInPlansAreListedWithTheirYaml() throws Exception {
    HttpResponse<String> list = HTTP.send(request("/ui/plans").header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(list.body()).contains("\"going-away-1001\"");
    HttpResponse<String> yaml = HTTP.send(request("/ui/plans/going-away-1001")
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(yaml.body()).contains("1001");
    HttpResponse<String> unknown = HTTP.send(request("/ui/plans/nope").header("Authorization", "Bearer " + TOKEN)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("built-in plans: healthy");
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + TOKEN);
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return HTTP.send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void limitsAreSetAndClearedAsAnEditAndBadLimitsChangeNothing() throws Exception {
    try (JdkClient first = JdkClient.connect(server.wsUrl().resolve("/feed?clientId=a"))) {
      HttpResponse<String> set = call("PUT", "/plan/limits", "{\"maxConnections\": 1, \"retryAfter\": \"7s\"}");
      assertThat(set.statusCode()).isEqualTo(200);
      assertThat(set.body()).contains("\"maxConnections\":1").contains("\"name\":\"t\"");
      assertThat(server.plan().rules()).hasSize(1);

      Throwable refused = JdkClient.connectFailure(server.wsUrl().resolve("/feed?clientId=b"));
      HttpResponse<?> answer = ((WebSocketHandshakeException) refused).getResponse();
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");

      HttpResponse<String> bad = call("PUT", "/plan/limits", "{\"maxConnections\": -1}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("limits.maxConnections").contains("cannot be negative");
      assertThat(server.plan().limits().maxConnections()).isEqualTo(1);

      assertThat(call("DELETE", "/plan/limits", null).statusCode()).isEqualTo(200);
      assertThat(server.plan().limits()).isNull();
      JdkClient.connect(server.wsUrl().resolve("/feed?clientId=b")).close();
    }
  }

  @Test
  void timelineTlsAndTheReportWithFindingsFirst() throws Exception {
    server.replacePlan(dev.wschaos.simulator.plan.PlanLoader.parse("""
        name: timed
        timeline:
          - {name: restart, at: 1h, every: 1h, action: {type: close, code: 1012}}
        """, "test", dev.wschaos.simulator.plan.PlanLoader.Format.YAML));
    HttpResponse<String> timeline = call("GET", "/ui/timeline", null);
    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(timeline.body()).contains("\"plan\":\"timed\"").contains("\"label\":\"restart\"")
        .contains("\"every\":\"1h\"").contains("\"fired\":0").contains("\"nextAt\":\"");

    HttpResponse<String> tls = call("GET", "/ui/tls", null);
    assertThat(tls.body()).contains("\"enabled\":false").contains("started without TLS")
        .contains("\"id\":\"expired\"");

    HttpResponse<String> report = call("GET", "/ui/report", null);
    assertThat(report.body()).contains("id=\"findings\"");
    if (report.body().contains("id=\"summary\"")) {
      assertThat(report.body().indexOf("id=\"findings\"")).isLessThan(report.body().indexOf("id=\"summary\""));
    }
  }
}
