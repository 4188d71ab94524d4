package dev.wschaos.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.analytics.AnalyticsSettings;
import dev.wschaos.simulator.analytics.HtmlReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.ReportJson;
import dev.wschaos.simulator.analytics.ReportQuery;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.client.Health;
import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.cluster.ClusterNode;
import dev.wschaos.simulator.common.Glob;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.Version;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.Journal;
import dev.wschaos.simulator.journal.JournalPage;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The admin API's route table: one method per route, each calling the same {@link AdminBackend} methods the Java
 * API offers. Bodies are JSON, or YAML with a YAML content type. Errors are {@code application/problem+json}.
 *
 * <pre>
 *   GET    /health                 GET    /connections?clientId=&amp;path=&amp;limit=
 *   GET    /plan                   POST   /actions
 *   PUT    /plan                   GET    /journal?type=&amp;clientId=&amp;connectionId=&amp;after=&amp;limit=
 *   DELETE /plan                   POST   /reset
 *   POST   /plan/rules             GET    /metrics
 *   DELETE /plan/rules             GET    /openapi.yaml
 *   GET    /plan/rules/:rule       POST   /clients/forget
 *   PUT    /plan/tls               GET    /cluster
 *   PUT    /plan/behaviour
 *   PUT    /plan/limits            DELETE /plan/limits
 *   PUT    /plan/handshake
 *   PUT    /plan/rules/:rule       (rule edits keep the timeline, its temporary rules and limits, and the seed;
 *   DELETE /plan/rules/:rule        only PUT /plan and DELETE /plan start a plan afresh)
 *   POST, GET, DELETE /record       recording proxied sessions ({@link RecordingRoutes})
 *   GET    /ui, /ui/...            the web console ({@link ConsoleRoutes}), mounted by the admin server
 * </pre>
 */
final class AdminRoutes {

  private static final String JSON = "application/json";
  private static final String YAML = "application/yaml";
  private static final String OPENAPI = "/dev/wschaos/simulator/admin/openapi.yaml";
  private static final int MAX_BODY = 1024 * 1024;

  private final AdminBackend server;
  private final ObjectMapper json = Json.mapper();

  private AdminRoutes(AdminBackend server) {
    this.server = server;
  }

  /** The API's routes, with the web console's ({@code /ui}) added by {@code console} before the not-found route. */
  static Router router(Vertx vertx, AdminBackend server, AdminSettings settings,
                       Consumer<Router> console) {
    AdminRoutes routes = new AdminRoutes(server);
    Router router = Router.router(vertx);
    router.route().handler(AdminGuard.requests(settings));
    if (settings.token() != null) {
      router.route().handler(bearer(settings.token()));
    }
    router.route().handler(AdminGuard.bodyTypes());
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.get("/health").handler(routes::health);
    router.get("/plan").handler(routes::getPlan);
    router.put("/plan").handler(routes::replacePlan);
    router.delete("/plan").handler(routes::clearPlan);
    router.post("/plan/rules").handler(routes::addRule);
    router.delete("/plan/rules").handler(routes::clearRules);
    router.put("/plan/tls").handler(routes::replaceTls);
    router.put("/plan/behaviour").handler(routes::replaceBehaviour);
    router.put("/plan/limits").handler(routes::replaceLimits);
    router.delete("/plan/limits").handler(routes::clearLimits);
    router.put("/plan/handshake").handler(routes::replaceHandshake);
    router.get("/plan/rules/:rule").handler(routes::getRule);
    router.put("/plan/rules/:rule").handler(routes::putRule);
    router.delete("/plan/rules/:rule").handler(routes::removeRule);
    router.post("/actions").handler(routes::act);
    router.get("/cluster").handler(routes::cluster);
    router.get("/connections").handler(routes::connections);
    router.get("/journal").handler(routes::journal);
    router.post("/reset").handler(routes::reset);
    router.post("/clients/forget").handler(routes::forgetClients);
    router.get("/reconnects").handler(routes::reconnects);
    router.get("/reconnects/findings").handler(routes::reconnectFindings);
    router.get("/reconnects/clients/:client").handler(routes::reconnectClient);
    router.get("/reconnects/report.html").handler(routes::reconnectReportHtml);
    router.get("/tls/ca.pem").handler(routes::caPem);
    router.get("/metrics").handler(routes::metrics);
    router.get("/openapi.yaml").handler(routes::openApi);
    RecordingRoutes.mount(router, server);
    console.accept(router);
    router.route().last().handler(ctx -> problem(ctx, Problem.of(ctx.request().method() == HttpMethod.GET ? 404 : 405,
        "not-found", "No such route", ctx.request().method() + " " + ctx.request().path()
            + " is not part of the admin API; see GET /openapi.yaml")));
    router.route().failureHandler(AdminRoutes::failure);
    return router;
  }

  private void health(RoutingContext ctx) {
    send(ctx, 200, new Health("UP", Version.current(), server.wsUrl().toString(), server.listening(),
        server.plan().name(), server.seed(), server.openConnections()));
  }

  private void getPlan(RoutingContext ctx) {
    String accept = String.valueOf(ctx.request().getHeader("Accept")).toLowerCase(Locale.ROOT);
    if (accept.contains("yaml")) {
      ctx.response().putHeader("Content-Type", YAML).end(PlanLoader.toYaml(server.plan()));
    } else {
      ctx.response().putHeader("Content-Type", JSON).end(PlanLoader.toJson(server.plan()));
    }
  }

  private void replacePlan(RoutingContext ctx) {
    Plan plan = PlanLoader.parse(body(ctx), "request body", format(ctx));
    server.replacePlan(plan);
    server.tlsSettled().onComplete(done -> send(ctx, 200, server.plan()));
  }

  private void clearPlan(RoutingContext ctx) {
    server.replacePlan(Plan.healthy());
    server.tlsSettled().onComplete(done -> send(ctx, 200, server.plan()));
  }

  private void getRule(RoutingContext ctx) {
    String name = ctx.pathParam("rule");
    server.plan().findRule(name).ifPresentOrElse(rule -> send(ctx, 200, rule),
        () -> problem(ctx, noSuchRule(name)));
  }

  private void addRule(RoutingContext ctx) {
    Rule rule = PlanLoader.parseRule(body(ctx), "request body", format(ctx));
    String at = ctx.request().getParam("position");
    Rule added = server.addRule(rule, at == null ? Integer.MAX_VALUE : intParam(ctx, "position", 0));
    ctx.response().putHeader("Location", "/plan/rules/" + encode(added.name()));
    send(ctx, 201, added);
  }

  private void putRule(RoutingContext ctx) {
    String name = ctx.pathParam("rule");
    Rule rule = PlanLoader.parseRule(body(ctx), "request body", format(ctx));
    if (rule.name() != null && !rule.name().equals(name)) {
      throw new IllegalArgumentException("the body names the rule '" + rule.name() + "' but the path names '" + name
          + "'; leave the name out of the body or make them equal");
    }
    boolean replaced = server.putRule(rule.named(name));
    send(ctx, replaced ? 200 : 201, rule.named(name));
  }

  private void removeRule(RoutingContext ctx) {
    String name = ctx.pathParam("rule");
    if (!server.removeRule(name)) {
      problem(ctx, noSuchRule(name));
      return;
    }
    send(ctx, 200, server.plan());
  }

  private void clearRules(RoutingContext ctx) {
    server.clearRules();
    send(ctx, 200, server.plan());
  }

  private void replaceTls(RoutingContext ctx) {
    server.replaceTls(read(ctx, TlsPolicy.class));
    server.tlsSettled().onComplete(done -> send(ctx, 200, server.plan()));
  }

  private void replaceBehaviour(RoutingContext ctx) {
    server.replaceBehaviour(read(ctx, Behaviour.class));
    send(ctx, 200, server.plan());
  }

  private void replaceLimits(RoutingContext ctx) {
    server.replaceLimits(read(ctx, Limits.class));
    send(ctx, 200, server.plan());
  }

  private void clearLimits(RoutingContext ctx) {
    server.replaceLimits(null);
    send(ctx, 200, server.plan());
  }

  private void replaceHandshake(RoutingContext ctx) {
    server.replaceHandshake(read(ctx, HandshakePolicy.class));
    send(ctx, 200, server.plan());
  }

  private Problem noSuchRule(String name) {
    List<String> names = server.plan().rules().stream().map(Rule::name).filter(n -> n != null).toList();
    return Problem.of(404, "no-such-rule", "No such rule", "the plan has no rule named '" + name + "'"
        + (names.isEmpty() ? "; it has no named rule" : "; its rules are named " + String.join(", ", names)));
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void act(RoutingContext ctx) {
    FleetAction action = read(ctx, FleetAction.class);
    String node = ctx.queryParams().get("node");
    Optional<ClusterNode> cluster = server.cluster();
    if (cluster.isPresent()) {
      cluster.get().act(action, node).onSuccess(result -> send(ctx, 202, result)).onFailure(ctx::fail);
    } else if (node != null) {
      throw new IllegalArgumentException("node=" + node + " names a node of a cluster, and this simulator runs "
          + "alone (start it with --cluster)");
    } else {
      send(ctx, 202, server.act(action));
    }
  }

  private void cluster(RoutingContext ctx) {
    server.cluster().ifPresentOrElse(c -> c.status().onSuccess(status -> send(ctx, 200, status)).onFailure(ctx::fail),
        () -> problem(ctx, Problem.of(404, "not-clustered", "Not clustered",
            "this simulator runs alone: start it with --cluster to join a cluster")));
  }

  private void connections(RoutingContext ctx) {
    Pattern client = glob(ctx, "clientId");
    Pattern path = glob(ctx, "path");
    int limit = intParam(ctx, "limit", 1000);
    List<ConnectionInfo> out = server.connections().stream()
        .filter(c -> client == null || (c.clientId() != null && client.matcher(c.clientId()).matches()))
        .filter(c -> path == null || path.matcher(c.path()).matches())
        .limit(limit)
        .toList();
    send(ctx, 200, out);
  }

  private void journal(RoutingContext ctx) {
    Journal journal = server.journal();
    if (journal == null) {
      problem(ctx, Problem.of(404, "no-journal", "No journal", "the journal is off (journal size 0)"));
      return;
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String t : ctx.queryParam("type")) {
      for (String part : t.split(",")) {
        if (!part.isBlank()) {
          types.add(eventType(part));
        }
      }
    }
    String connection = ctx.request().getParam("connectionId");
    JournalQuery query = JournalQuery.all().types(types).clientId(ctx.request().getParam("clientId"))
        .connectionId(connection == null ? null : Long.valueOf(connection))
        .after(longParam(ctx, "after", 0)).limit(intParam(ctx, "limit", JournalQuery.DEFAULT_LIMIT));
    JournalPage page = journal.query(query);
    send(ctx, 200, page);
  }

  private void reset(RoutingContext ctx) {
    server.reset();
    send(ctx, 200, Map.of("reset", true, "plan", server.plan().name()));
  }

  private void forgetClients(RoutingContext ctx) {
    server.forgetClients();
    send(ctx, 200, Map.of("forgotten", true));
  }

  private void metrics(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(server.metrics().scrape());
  }

  private void openApi(RoutingContext ctx) {
    try (InputStream in = AdminRoutes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the jar");
      }
      ctx.response().putHeader("Content-Type", YAML).end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Handler<RoutingContext> bearer(String token) {
    byte[] expected = sha256("Bearer " + token);
    return ctx -> {
      String given = ctx.request().getHeader("Authorization");
      if (ConsoleRoutes.isPublicAsset(ctx.request())) {
        ctx.next();
        return;
      }
      if (given != null && MessageDigest.isEqual(expected, sha256(given.trim()))) {
        ctx.next();
        return;
      }
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"wschaos\"");
      problem(ctx, Problem.of(401, "unauthorized", "Unauthorized", given == null
          ? "this admin API needs 'Authorization: Bearer <token>' (--admin-token or " + AdminSettings.TOKEN_ENV + ")"
          : "the bearer token is not the one this admin API was started with"));
    };
  }

  /** Equal-length digests, so comparing them in constant time does not leak the token's length either. */
  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void failure(RoutingContext ctx) {
    Throwable e = ctx.failure();
    if (e instanceof InvalidPlanException invalid) {
      problem(ctx, Problem.invalid("Invalid request body", invalid.getMessage(), invalid.problems()));
    } else if (e instanceof DuplicateRuleException duplicate) {
      problem(ctx, Problem.of(409, "rule-exists", "Rule exists", duplicate.getMessage()));
    } else if (e instanceof IllegalArgumentException bad) {
      problem(ctx, Problem.of(400, "bad-request", "Bad request", bad.getMessage()));
    } else if (ctx.statusCode() == 413) {
      problem(ctx, Problem.of(413, "too-large", "Body too large", "request bodies are limited to " + MAX_BODY
          + " bytes"));
    } else {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      problem(ctx, Problem.of(status, "error", "Error", e == null ? "status " + status : e.toString()));
    }
  }

  private <T> T read(RoutingContext ctx, Class<T> type) {
    String text = body(ctx);
    PlanLoader.Format format = format(ctx);
    ObjectMapper mapper = format == PlanLoader.Format.YAML ? Json.yaml() : json;
    try {
      T value = mapper.readValue(text, type);
      if (value == null) {
        throw new IllegalArgumentException("the request body is empty");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidPlanException("request body", List.of(PlanLoader.bindingProblem(e, "request body", text)));
    }
  }

  private static String body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the request body is empty; send JSON (Content-Type: application/json) "
          + "or YAML (Content-Type: application/yaml)");
    }
    return text;
  }

  private static PlanLoader.Format format(RoutingContext ctx) {
    String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
    if (type.contains("yaml")) {
      return PlanLoader.Format.YAML;
    }
    if (type.contains("json")) {
      return PlanLoader.Format.JSON;
    }
    String text = ctx.body() == null ? "" : String.valueOf(ctx.body().asString());
    return text.stripLeading().startsWith("{") ? PlanLoader.Format.JSON : PlanLoader.Format.YAML;
  }

  private static EventType eventType(String text) {
    try {
      return EventType.fromWire(text);
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      for (EventType t : EventType.values()) {
        known.add(t.wireName());
      }
      throw new IllegalArgumentException("type '" + text + "' is not an event type; allowed: "
          + String.join(", ", known));
    }
  }

  private static Pattern glob(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null || value.isEmpty() ? null : Glob.compile(value);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    long value = longParam(ctx, name, fallback);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be from 0 to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  private static long longParam(RoutingContext ctx, String name, long fallback) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
    }
  }

  private void reconnects(RoutingContext ctx) {
    analyze(ctx, JSON, ReportJson::toJson);
  }

  private void reconnectFindings(RoutingContext ctx) {
    analyze(ctx, JSON, report -> ReportJson.toJson(report.findings()));
  }

  private void reconnectClient(RoutingContext ctx) {
    String client = ctx.pathParam("client");
    analyze(ctx, JSON, report -> report.clients().stream().filter(c -> c.client().equals(client)).findFirst()
        .map(ReportJson::toJson)
        .orElseThrow(() -> new NoSuchElementException("no client '" + client + "' in the reconnect history")));
  }

  private void reconnectReportHtml(RoutingContext ctx) {
    analyze(ctx, "text/html; charset=utf-8", HtmlReport::render);
  }

  /**
   * Reports can cover many thousands of attempts: computed off the event loop. {@code ?closeCodes=NAME} judges close
   * codes by another convention than the plan's ({@code none}: no convention); {@code ?minimumDelay=500ms} flags
   * reconnects sooner than that ({@code retried-too-fast}).
   */
  private void analyze(RoutingContext ctx, String contentType, Function<ReconnectReport, String> render) {
    AnalyticsSettings settings;
    try {
      settings = ReportQuery.parse(ctx.request().getParam("closeCodes"), ctx.request().getParam("minimumDelay"))
          .applyTo(server.analyticsSettings());
    } catch (IllegalArgumentException e) {
      problem(ctx, Problem.of(400, "bad-request", "Bad report query", e.getMessage()));
      return;
    }
    ctx.vertx().executeBlocking(() -> render.apply(server.reconnectReport(settings)), false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", contentType).end(body))
        .onFailure(e -> problem(ctx, e instanceof NoSuchElementException
            ? Problem.of(404, "no-such-client", "No such client", e.getMessage())
            : e instanceof IllegalStateException
                ? Problem.of(404, "no-analytics", "No reconnect analytics", e.getMessage())
                : Problem.of(500, "error", "Error", e.toString())));
  }

  private void caPem(RoutingContext ctx) {
    server.tlsCaPem().ifPresentOrElse(
        pem -> ctx.response().putHeader("Content-Type", "application/x-pem-file").end(pem),
        () -> problem(ctx, Problem.of(404, "no-tls", "No TLS",
            "wschaos was started without TLS: start it with --tls-port (or builder().tls(..))")));
  }

  private void send(RoutingContext ctx, int status, Object body) {
    try {
      ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  static void problem(RoutingContext ctx, Problem problem) {
    if (ctx.response().ended()) {
      return;
    }
    try {
      ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
          .end(Json.mapper().writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      ctx.response().setStatusCode(500).end(problem.detail());
    }
  }
}
