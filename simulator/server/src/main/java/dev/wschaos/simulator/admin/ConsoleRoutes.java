package dev.wschaos.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wschaos.simulator.analytics.HtmlReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.ReportSection;
import dev.wschaos.simulator.journal.EventHub;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.PlanCatalog;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The web console at {@code /ui} on the admin router, behind the same checks as the API. Its page, script and
 * stylesheet come from the jar and hold no data, so they load without the token; everything the page shows comes
 * from the admin API and the two routes below, which need it.
 *
 * <pre>
 *   GET /ui, /ui/console.js, /ui/console.css   the page (public: no data)
 *   GET /ui/live                               Server-Sent Events, a tick a second (ConsoleLiveStream)
 *   GET /ui/report                             the reconnect report so far, as a page for an iframe
 *   GET /ui/plans, /ui/plans/:name             the built-in plans and their YAML
 *   GET /ui/timeline                           the timeline's steps and when each fires (ConsoleTimeline)
 *   GET /ui/tls                                the TLS profile in force and those to switch to (ConsoleTls)
 * </pre>
 *
 * <pre>{@code
 * ConsoleRoutes console = ConsoleRoutes.mount(router, backend);   // then, when the admin server stops:
 * console.close();
 * }</pre>
 */
final class ConsoleRoutes implements AutoCloseable {

  private static final String BASE = "/dev/wschaos/simulator/admin/console/";
  private static final Map<String, String> ASSETS = Map.of(
      "/ui", "index.html", "/ui/", "index.html", "/ui/console.js", "console.js", "/ui/console.css", "console.css");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
  private static final Set<String> PUBLIC = ASSETS.keySet();

  private final EventHub hub;
  private final ConsoleLiveStats stats = new ConsoleLiveStats();

  private ConsoleRoutes(EventHub hub) {
    this.hub = hub;
  }

  /** Add the console's routes to {@code router} and start counting the backend's events. */
  static ConsoleRoutes mount(Router router, AdminBackend backend) {
    ConsoleRoutes console = new ConsoleRoutes(backend.events());
    console.hub.listen(console.stats);
    ConsoleLiveStream live = new ConsoleLiveStream(console.stats, backend);
    for (Map.Entry<String, String> asset : ASSETS.entrySet()) {
      router.get(asset.getKey()).handler(ctx -> asset(ctx, asset.getValue()));
    }
    router.get("/ui/live").handler(live::handle);
    router.get("/ui/report").handler(ctx -> report(ctx, backend));
    router.get("/ui/plans").handler(ctx -> ctx.json(PlanCatalog.descriptions()));
    router.get("/ui/plans/:name").handler(ConsoleRoutes::builtInPlan);
    router.get("/ui/timeline").handler(ctx -> json(ctx,
        ConsoleTimeline.of(backend.plan(), backend.planStartedAt(), Instant.now())));
    router.get("/ui/tls").handler(ctx -> json(ctx, ConsoleTls.of(backend)));
    return console;
  }

  /** Whether {@code request} asks for one of the console's static files, which carry no data. */
  static boolean isPublicAsset(HttpServerRequest request) {
    return request.method() == HttpMethod.GET && PUBLIC.contains(request.path());
  }

  @Override
  public void close() {
    hub.unlisten(stats);
  }

  private static void asset(RoutingContext ctx, String name) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      String ext = name.substring(name.lastIndexOf('.') + 1);
      ctx.response().putHeader("Content-Type", TYPES.get(ext)).putHeader("Cache-Control", "no-cache")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void json(RoutingContext ctx, Object body) {
    try {
      ctx.response().putHeader("Content-Type", "application/json").end(Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  private static void builtInPlan(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!PlanCatalog.NAMES.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a built-in plan; built-in plans: "
          + String.join(", ", PlanCatalog.NAMES));
    }
    ctx.response().putHeader("Content-Type", "application/yaml").end(PlanCatalog.source(name));
  }

  private static void report(RoutingContext ctx, AdminBackend backend) {
    ctx.vertx().executeBlocking(() -> page(backend.reconnectReport()), false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(body))
        .onFailure(e -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .end(page("<p class=\"sub\">No reconnect report: " + ConsoleFindings.escape(String.valueOf(e.getMessage()))
                + "</p>")));
  }

  private static String page(ReconnectReport report) {
    StringBuilder body = new StringBuilder(32 * 1024).append(ConsoleFindings.render(report.findings()));
    for (ReportSection section : ReportSection.values()) {
      body.append(section.render(report));
    }
    return page(body.toString());
  }

  private static String page(String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>reconnect report</title><style>"
        + HtmlReport.stylesheet() + "</style></head><body>\n" + body + "<script>" + HtmlReport.script()
        + "</script></body></html>\n";
  }
}
