package dev.wschaos.simulator.admin;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin API's HTTP listener and its web console ({@code /ui}), on its own port: faults on the WebSocket port never reach it. */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final HttpServer http;
  private final String host;
  private final ConsoleRoutes console;

  private AdminServer(HttpServer http, String host, ConsoleRoutes console) {
    this.http = http;
    this.host = host;
    this.console = console;
  }

  /** Listen now (blocking the caller, never an event loop, until bound). */
  public static AdminServer start(Vertx vertx, AdminSettings settings, AdminBackend server) {
    if (!settings.loopbackOnly() && settings.token() == null) {
      LOG.warn("the admin API binds {}, not a loopback address, and has no token: anyone who can reach that address "
          + "can change the plan and drop every client; set --admin-token or {}", settings.host(),
          AdminSettings.TOKEN_ENV);
    }
    ConsoleRoutes[] console = new ConsoleRoutes[1];
    HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port()))
        .requestHandler(AdminRoutes.router(vertx, server, settings,
            router -> console[0] = ConsoleRoutes.mount(router, server)));
    try {
      return new AdminServer(http.listen().await(30, TimeUnit.SECONDS), settings.host(), console[0]);
    } catch (Exception e) {
      console[0].close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
  }

  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + http.actualPort());
  }

  @Override
  public void close() {
    console.close();
    try {
      http.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }
}
