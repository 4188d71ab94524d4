package dev.wschaos.simulator.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.common.FieldPath;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalPage;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running simulator through its admin API, with the same model classes as plan files and
 * {@code dev.wschaos.simulator.WsChaosServer} (in wschaos-simulator): a test can use a shared remote simulator as it
 * would an embedded one.
 *
 * <pre>{@code
 * AdminClient admin = AdminClient.create(URI.create("http://127.0.0.1:9090"), System.getenv("WSCHAOS_ADMIN_TOKEN"));
 * admin.replacePlan(PlanCatalog.load("flaky-reconnect"));          // starts the plan (and its timeline) afresh
 * admin.putRule(Rule.of(Match.ANY, new CloseFault(1011, "boom")).named("boom"));  // an edit: the timeline runs on
 * admin.removeRule("boom");
 * admin.act(CloseAction.all(1012, "restart").spreadOver(Duration.ofSeconds(2)));
 * JournalPage closed = admin.journal(JournalQuery.all().types(Set.of(EventType.CLOSED)));
 * }</pre>
 *
 * <p>Invalid plans and actions throw {@link InvalidPlanException} with every problem, as the embedded API does;
 * other errors throw {@link AdminException}.
 */
public final class AdminClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final ObjectMapper json = Json.mapper();

  private AdminClient(URI base, String token) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.token = token == null || token.isBlank() ? null : token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static AdminClient create(URI adminUrl) {
    return new AdminClient(Objects.requireNonNull(adminUrl, "adminUrl"), null);
  }

  public static AdminClient create(URI adminUrl, String token) {
    return new AdminClient(Objects.requireNonNull(adminUrl, "adminUrl"), token);
  }

  public Health health() {
    return call("GET", "/health", null, Health.class);
  }

  public Plan plan() {
    return call("GET", "/plan", null, Plan.class);
  }

  /**
   * Replace the plan atomically ({@code PUT /plan}): its timeline starts again from zero and, unless the plan or the
   * server fixes it, a new seed is drawn. To add, change or remove one rule, use {@link #putRule}/{@link #removeRule}.
   */
  public Plan replacePlan(Plan plan) {
    return call("PUT", "/plan", PlanLoader.toJson(plan), Plan.class);
  }

  /** Replace the plan with a YAML or JSON text; problems are located by line and column in it. */
  public Plan replacePlan(String planText) {
    return call("PUT", "/plan", planText, Plan.class);
  }

  /** Back to the healthy plan. */
  public Plan clearPlan() {
    return call("DELETE", "/plan", null, Plan.class);
  }

  /**
   * Add one rule after the plan's others ({@code POST /plan/rules}), as an edit: the plan's timeline, its temporary
   * rules and limits, and the seed stay. A rule without a name gets one.
   *
   * @return the rule as added, with its name
   * @throws DuplicateRuleException when the plan already has a rule of that name (409); nothing changed
   */
  public Rule addRule(Rule rule) {
    try {
      return call("POST", "/plan/rules", write(rule), Rule.class);
    } catch (AdminException e) {
      if (e.status() == 409) {
        throw new DuplicateRuleException(rule.name());
      }
      throw e;
    }
  }

  /**
   * Add {@code rule}, or replace the rule of the same name where it stands ({@code PUT /plan/rules/{name}}), as an
   * edit like {@link #addRule}. @return true when a rule was replaced
   */
  public boolean putRule(Rule rule) {
    Objects.requireNonNull(rule.name(), "a rule put by name needs a name");
    return send("PUT", "/plan/rules/" + segment(rule.name()), write(rule)).statusCode() == 200;
  }

  /** The rule named {@code name}, if the plan has one ({@code GET /plan/rules/{name}}). */
  public Optional<Rule> rule(String name) {
    try {
      return Optional.of(call("GET", "/plan/rules/" + segment(name), null, Rule.class));
    } catch (AdminException e) {
      if (isNoSuchRule(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Remove the rule named {@code name} ({@code DELETE /plan/rules/{name}}). @return false when there was none */
  public boolean removeRule(String name) {
    try {
      send("DELETE", "/plan/rules/" + segment(name), null);
      return true;
    } catch (AdminException e) {
      if (isNoSuchRule(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Put {@code policy} in place of the plan's {@code tls:} section ({@code PUT /plan/tls}), as an edit like
   * {@link #addRule}: the wss port presents it from the next handshake on.
   */
  public Plan replaceTls(TlsPolicy policy) {
    return call("PUT", "/plan/tls", write(policy), Plan.class);
  }

  /**
   * Put {@code behaviour} in place of the plan's ({@code PUT /plan/behaviour}), as an edit like {@link #addRule}:
   * rules, timeline and seed stay; connections opened from then on get it.
   *
   * <pre>{@code
   * admin.replaceBehaviour(ConversationBehaviour.create().withUnmatched(Unmatched.ECHO));
   * }</pre>
   *
   * @return the plan now
   */
  public Plan replaceBehaviour(Behaviour behaviour) {
    return call("PUT", "/plan/behaviour", write(behaviour), Plan.class);
  }

  /**
   * Put {@code limits} in place of the plan's {@code limits:} section ({@code PUT /plan/limits}), as an edit like
   * {@link #addRule}: the next upgrade is decided under them (over {@code maxConnections}: 503 with
   * {@code Retry-After}, or 1013 after accepting); a timeline step's temporary limits still win while in force.
   *
   * <pre>{@code
   * admin.replaceLimits(new Limits(100, Limits.OverCapacity.REJECT, Duration.ofSeconds(7), null));
   * admin.clearLimits();
   * }</pre>
   *
   * @return the plan now
   * @throws InvalidPlanException listing every problem ({@code limits.maxConnections}, ...); nothing changed
   */
  public Plan replaceLimits(Limits limits) {
    return call("PUT", "/plan/limits", write(Objects.requireNonNull(limits, "limits: use clearLimits() for none")),
        Plan.class);
  }

  /** Remove the plan's {@code limits:} section ({@code DELETE /plan/limits}), as an edit. @return the plan now */
  public Plan clearLimits() {
    return call("DELETE", "/plan/limits", null, Plan.class);
  }

  /**
   * Put {@code policy} in place of the plan's {@code handshake:} section ({@code PUT /plan/handshake}), as an edit
   * like {@link #addRule}: upgrades are checked under it from the next one on, and its {@code timeout} applies to
   * connections accepted from then on ({@link Duration#ZERO}: none; null: the server's).
   *
   * <pre>{@code
   * admin.replaceHandshake(admin.plan().handshake().withTimeout(Duration.ofMillis(300)));
   * }</pre>
   *
   * @return the plan now
   * @throws InvalidPlanException listing every problem ({@code handshake.timeout}, ...); nothing changed
   */
  public Plan replaceHandshake(HandshakePolicy policy) {
    return call("PUT", "/plan/handshake", write(Objects.requireNonNull(policy, "policy")), Plan.class);
  }

  /** Remove every rule ({@code DELETE /plan/rules}), keeping the rest of the plan and its running timeline. */
  public Plan clearRules() {
    return call("DELETE", "/plan/rules", null, Plan.class);
  }

  private static boolean isNoSuchRule(AdminException e) {
    return e.status() == 404 && e.problem() != null && e.problem().type().endsWith("/no-such-rule");
  }

  private static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  /** Run {@code action} now; on a node of a cluster, on every node's clients (a rolling restart node by node). */
  public ActionResult act(FleetAction action) {
    return call("POST", "/actions", write(action), ActionResult.class);
  }

  /**
   * Run {@code action} on one node of a cluster only: {@code node} is its index (1 for the oldest node), its address
   * or its id, as {@code GET /cluster} lists them.
   *
   * <pre>{@code
   * admin.act(OutageAction.lasting(Duration.ofSeconds(10)), "2");   // node 2 goes away, the others serve
   * }</pre>
   */
  public ActionResult act(FleetAction action, String node) {
    return call("POST", "/actions?node=" + encode(node), write(action), ActionResult.class);
  }

  public List<ConnectionInfo> connections() {
    return connections(null, null);
  }

  /** Open connections whose client id and path match these globs (null: any). */
  public List<ConnectionInfo> connections(String clientIdGlob, String pathGlob) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    if (clientIdGlob != null) {
      query.add("clientId=" + encode(clientIdGlob));
    }
    if (pathGlob != null) {
      query.add("path=" + encode(pathGlob));
    }
    return call("GET", "/connections" + query, null, new TypeReference<List<ConnectionInfo>>() {});
  }

  public JournalPage journal(JournalQuery q) {
    StringJoiner query = new StringJoiner("&", "?", "");
    if (q.types() != null) {
      List<String> names = new ArrayList<>();
      for (EventType t : q.types()) {
        names.add(t.wireName());
      }
      query.add("type=" + encode(String.join(",", names)));
    }
    if (q.clientId() != null) {
      query.add("clientId=" + encode(q.clientId()));
    }
    if (q.connectionId() != null) {
      query.add("connectionId=" + q.connectionId());
    }
    query.add("after=" + q.after()).add("limit=" + q.limit());
    return call("GET", "/journal" + query, null, JournalPage.class);
  }

  /** Forget every client's attempt count ({@code POST /clients/forget}); the plan and its timeline run on. */
  public void forgetClients() {
    call("POST", "/clients/forget", "", Map.class);
  }

  /** Healthy plan, empty journal, attempt counters forgotten. */
  public void reset() {
    call("POST", "/reset", "", Map.class);
  }

  /** One client's reconnect analysis ({@code GET /reconnects/clients/{client}}); empty when it never connected. */
  public Optional<ClientReport> reconnectClient(String client) {
    try {
      return Optional.of(call("GET", "/reconnects/clients/" + encode(client).replace("+", "%20"), null,
          ClientReport.class));
    } catch (AdminException e) {
      if (e.status() == 404 && e.problem() != null && e.problem().type().endsWith("/no-such-client")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Where clients connect: the WebSocket URL of every node of the cluster, oldest first ({@code GET /cluster}), or
   * of this simulator alone when it is not clustered ({@code GET /health}). Spread clients over them as a load
   * balancer would.
   *
   * <pre>{@code
   * List<URI> nodes = admin.nodeUrls();   // [ws://127.0.0.1:8080/, ws://127.0.0.1:8090/, ws://127.0.0.1:8100/]
   * }</pre>
   */
  public List<URI> nodeUrls() {
    return cluster().map(answer -> {
      List<URI> urls = new ArrayList<>();
      for (JsonNode node : answer.path("nodes")) {
        String ws = node.path("urls").path("ws").asText(null);
        if (ws != null) {
          urls.add(URI.create(ws));
        }
      }
      return List.copyOf(urls);
    }).orElseGet(() -> List.of(URI.create(health().wsUrl())));
  }

  /**
   * The cluster as this node sees it ({@code GET /cluster}: its name, plan version and nodes with their URLs and open
   * connections), or empty when the simulator is not clustered.
   */
  public Optional<JsonNode> cluster() {
    try {
      return Optional.of(call("GET", "/cluster", null, JsonNode.class));
    } catch (AdminException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The admin API's address. */
  public URI url() {
    return base;
  }

  /** The whole reconnect analytics report so far ({@code GET /reconnects}). */
  public ReconnectReport reconnectReport() {
    return call("GET", "/reconnects", null, ReconnectReport.class);
  }

  /**
   * The reconnect report with close codes judged by the convention {@code closeCodes} ({@code graphql-ws},
   * {@code pusher}, {@code stomp}, or {@code none}) instead of the plan's ({@code GET /reconnects?closeCodes=...}).
   */
  public ReconnectReport reconnectReport(String closeCodes) {
    return reconnectReport(dev.wschaos.simulator.analytics.ReportQuery.closeCodes(closeCodes));
  }

  /**
   * The reconnect report with the plan's analytics settings changed by {@code query}
   * ({@code GET /reconnects?closeCodes=...&minimumDelay=...}).
   *
   * <pre>{@code
   * admin.reconnectReport(ReportQuery.minimumDelay(Duration.ofMillis(500))).summary().findings();
   * }</pre>
   */
  public ReconnectReport reconnectReport(dev.wschaos.simulator.analytics.ReportQuery query) {
    return call("GET", "/reconnects" + query.queryString(), null, ReconnectReport.class);
  }

  /**
   * Start recording proxied sessions into a conversation plan ({@code POST /record}); what an earlier recording kept
   * is forgotten.
   *
   * @throws AdminException 409 when a recording is on already
   */
  public RecordedPlan startRecording() {
    return recorded(send("POST", "/record", "{}"));
  }

  /** The plan recorded so far, or by the last recording ({@code GET /record}). */
  public RecordedPlan recording() {
    return recorded(send("GET", "/record", null));
  }

  /**
   * Stop recording ({@code DELETE /record}): the simulator writes its {@code --record} file, if it has one, and
   * answers the plan.
   *
   * @throws AdminException 409 when no recording is on
   */
  public RecordedPlan stopRecording() {
    return recorded(send("DELETE", "/record", null));
  }

  private static RecordedPlan recorded(HttpResponse<String> response) {
    return new RecordedPlan(response.body(),
        "on".equals(response.headers().firstValue("X-Wschaos-Recording").orElse("off")),
        response.headers().firstValue("X-Wschaos-Recording-File").orElse(null));
  }

  /** The TLS test root CA as PEM ({@code GET /tls/ca.pem}). */
  public String caPem() {
    return send("GET", "/tls/ca.pem", null).body();
  }

  /** The Prometheus text exposition. */
  public String metrics() {
    return send("GET", "/metrics", null).body();
  }

  private <T> T call(String method, String path, String body, Class<T> type) {
    return read(send(method, path, body), json.constructType(type));
  }

  private <T> T call(String method, String path, String body, TypeReference<T> type) {
    return read(send(method, path, body), json.constructType(type));
  }

  private <T> T read(HttpResponse<String> response, JavaType type) {
    try {
      return json.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new AdminException(response.statusCode(), null, "unreadable answer from " + base + ": " + e.getMessage());
    }
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", body.stripLeading().startsWith("{") || body.stripLeading().startsWith("[")
          ? "application/json" : "application/yaml");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AdminException(0, null, "cannot reach the wschaos admin API at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminException(0, null, "interrupted while calling " + base + path);
    }
    if (response.statusCode() >= 400) {
      throw failure(response);
    }
    return response;
  }

  private RuntimeException failure(HttpResponse<String> response) {
    Problem problem = null;
    try {
      problem = json.readValue(response.body(), Problem.class);
    } catch (JsonProcessingException | RuntimeException e) {
      // not a problem+json body
    }
    if (problem != null && response.statusCode() == 400 && !problem.problems().isEmpty()) {
      List<PlanProblem> problems = new ArrayList<>();
      for (Problem.Item item : problem.problems()) {
        problems.add(new PlanProblem(path(item.field()), item.message(), item.line() == null ? null
            : new PlanProblem.SourceLocation("request body", item.line(), item.column() == null ? 1 : item.column())));
      }
      return new InvalidPlanException("sent to " + base, problems);
    }
    String detail = problem != null ? problem.detail() : response.body();
    return new AdminException(response.statusCode(), problem, response.request().method() + " "
        + response.request().uri() + " answered " + response.statusCode() + ": " + detail);
  }

  private static FieldPath path(String field) {
    if (field == null || field.equals("(plan)")) {
      return FieldPath.ROOT;
    }
    List<Object> segments = new ArrayList<>();
    Matcher m = SEGMENT.matcher(field);
    while (m.find()) {
      segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
    }
    return FieldPath.of(segments);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getMessage(), e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
