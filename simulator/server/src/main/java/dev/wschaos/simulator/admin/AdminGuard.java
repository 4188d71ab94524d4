package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.server.HostCheck;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The admin API's first handler, safe by default like a local dev server: refuses foreign {@code Host} names (DNS
 * rebinding) and foreign browser {@code Origin}s with 403, answers {@code OPTIONS} preflights (with a CORS grant
 * only for allowed origins), and requires a JSON or YAML {@code Content-Type} on POST/PUT/PATCH (415 otherwise), so
 * a cross-site page can neither send a "simple" request nor skip the preflight.
 */
final class AdminGuard {

  static final String BODY_TYPES = "application/json or application/yaml";
  private static final Set<String> BODY_MEDIA = Set.of("application/json", "application/yaml", "application/x-yaml",
      "text/yaml");
  private static final String METHODS = "GET, PUT, POST, DELETE, OPTIONS";

  private final HostCheck hosts;
  private final List<String> origins;

  private AdminGuard(AdminSettings settings) {
    this.hosts = HostCheck.of(settings.host(), settings.allowedHosts());
    this.origins = settings.allowedOrigins();
  }

  /** Host, Origin and preflight: before the token check, since browsers send preflights without credentials. */
  static Handler<RoutingContext> requests(AdminSettings settings) {
    return new AdminGuard(settings)::check;
  }

  /** The content type rule for requests that change state, after the token check. */
  static Handler<RoutingContext> bodyTypes() {
    return AdminGuard::checkBodyType;
  }

  private void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String host = request.getHeader("Host");
    if (!hosts.allows(host)) {
      AdminRoutes.problem(ctx, Problem.of(403, "foreign-host", "Foreign Host refused",
          hosts.refusal(host, "--admin-allowed-hosts") + " (or AdminSettings.withAllowedHosts)"));
      return;
    }
    String origin = request.getHeader("Origin");
    boolean crossOrigin = origin != null && !sameOrigin(origin, host);
    if (crossOrigin && !originAllowed(origin)) {
      AdminRoutes.problem(ctx, Problem.of(403, "foreign-origin", "Cross-origin request refused",
          "Origin '" + origin + "' is not this admin API's own origin (http://" + host + "), so a web page there may "
              + "not call it; to allow it start with --admin-allowed-origins " + origin
              + " (or AdminSettings.withAllowedOrigins)"));
      return;
    }
    if (crossOrigin) {
      ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
    }
    if (request.method() == HttpMethod.OPTIONS) {
      ctx.response().putHeader("Allow", METHODS);
      if (crossOrigin && request.getHeader("Access-Control-Request-Method") != null) {
        ctx.response().putHeader("Access-Control-Allow-Methods", METHODS)
            .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
            .putHeader("Access-Control-Max-Age", "600");
      }
      ctx.response().setStatusCode(204).end();
      return;
    }
    ctx.next();
  }

  private boolean sameOrigin(String origin, String host) {
    return host != null && origin.toLowerCase(Locale.ROOT).equals("http://" + host.trim().toLowerCase(Locale.ROOT));
  }

  private boolean originAllowed(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return !o.equals("null") && (origins.contains("*") || origins.contains(o));
  }

  private static void checkBodyType(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (BODY_MEDIA.contains(media) || (media.startsWith("application/") && media.endsWith("+json"))) {
      ctx.next();
      return;
    }
    AdminRoutes.problem(ctx, Problem.of(415, "unsupported-media-type", "Unsupported Content-Type",
        method + " " + ctx.request().path() + " needs Content-Type: " + BODY_TYPES + " (got "
            + (type == null ? "none" : "'" + type + "'") + "), even with an empty body: web pages can send other "
            + "types to any site without asking, so the admin API refuses them"));
  }
}
