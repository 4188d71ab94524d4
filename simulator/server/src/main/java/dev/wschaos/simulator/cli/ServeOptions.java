package dev.wschaos.simulator.cli;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.cli.remote.ExitCodes;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.server.ServerLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options and the run of the simulator itself: {@code wschaos serve ...}, and {@code wschaos ...} without a
 * subcommand, which is the same.
 */
final class ServeOptions {

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "WebSocket port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "address to bind (default: ${DEFAULT-VALUE}; anything else exposes the simulator)")
  String host;

  @Option(names = "--plan", defaultValue = "healthy", paramLabel = "FILE|NAME",
      description = "a plan file (YAML or JSON) or a built-in plan name (default: ${DEFAULT-VALUE})")
  String plan;

  @Option(names = "--seed", paramLabel = "N", description = "seed for the plan's random draws (default: the plan's, else random)")
  Long seed;

  @Option(names = "--close-timeout", defaultValue = "5s", paramLabel = "DURATION",
      description = "how long to wait for a client's close frame after sending one (default: ${DEFAULT-VALUE})")
  String closeTimeout;

  @Option(names = "--event-loops", paramLabel = "N",
      description = "event loops serving the WebSocket port (default: one per core)")
  Integer eventLoops;

  @Option(names = "--handshake-timeout", defaultValue = "10s", paramLabel = "DURATION",
      description = "time a client has to send a complete upgrade request, then TCP is closed; 0: no limit "
          + "(default: ${DEFAULT-VALUE}; stall and slow-handshake faults still hold requests as long as they say)")
  String handshakeTimeout;

  @Option(names = "--max-request-line", defaultValue = "4096", paramLabel = "BYTES",
      description = "longest request line, else 414 (default: ${DEFAULT-VALUE})")
  int maxRequestLine;

  @Option(names = "--max-header-size", defaultValue = "8192", paramLabel = "BYTES",
      description = "largest request head (all headers), else 431 (default: ${DEFAULT-VALUE})")
  int maxHeaderSize;

  @Option(names = "--max-query-length", defaultValue = "2048", paramLabel = "CHARS",
      description = "longest query string, else 414 (default: ${DEFAULT-VALUE})")
  int maxQueryLength;

  @Option(names = "--max-message-size", defaultValue = "262144", paramLabel = "BYTES",
      description = "largest client message, else close 1009 (default: ${DEFAULT-VALUE})")
  int maxMessageSize;

  @Option(names = "--max-frame-size", defaultValue = "65536", paramLabel = "BYTES",
      description = "largest client frame, else close 1009 (default: ${DEFAULT-VALUE})")
  int maxFrameSize;

  @Option(names = "--max-clients", defaultValue = "100000", paramLabel = "N",
      description = "clients whose attempt counts and ticker state are remembered; the least recently seen is "
          + "forgotten past that (default: ${DEFAULT-VALUE})")
  int maxClients;

  @Option(names = "--admin-port", paramLabel = "PORT",
      description = "serve the admin API and /metrics on this port (0: a free one; default: no admin API)")
  Integer adminPort;

  @Option(names = "--admin-host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "address the admin API binds (default: ${DEFAULT-VALUE})")
  String adminHost;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "bearer token every admin call must send (default: env " + AdminSettings.TOKEN_ENV + ", else none)")
  String adminToken;

  @Option(names = "--admin-allowed-hosts", paramLabel = "NAME", split = ",",
      description = "Host names the admin API serves besides its address, localhost and IP addresses: exact names, "
          + ".example.com for a domain, * for any (default: none)")
  java.util.List<String> adminAllowedHosts = new java.util.ArrayList<>();

  @Option(names = "--admin-allowed-origins", paramLabel = "ORIGIN", split = ",",
      description = "browser origins (http://host:port) allowed to call the admin API cross-origin, * for any "
          + "(default: none)")
  java.util.List<String> adminAllowedOrigins = new java.util.ArrayList<>();

  @Option(names = "--journal", paramLabel = "FILE", description = "also write every connection event to FILE as JSON lines")
  Path journalFile;

  @Option(names = "--journal-size", defaultValue = "100000", paramLabel = "N",
      description = "events kept in memory for the admin API (default: ${DEFAULT-VALUE}; 0: none)")
  int journalSize;

  @Option(names = "--report", paramLabel = "FILE",
      description = "at shutdown, write how the clients reconnected: HTML, or JSON when FILE ends in .json")
  java.nio.file.Path report;

  @Option(names = "--record", paramLabel = "FILE",
      description = "record the proxied sessions (the plan's upstreams) into FILE as a conversation plan, written "
          + "at shutdown or on DELETE /record of the admin API")
  Path recordFile;

  @Option(names = "--list-plans", description = "list the built-in plans and exit")
  boolean listPlans;

  @Option(names = "--check", description = "validate the plan, print it as YAML and exit")
  boolean check;

  @Option(names = {"-v", "--verbose"}, description = "log every connection, rule and fault")
  boolean verbose;

  @CommandLine.Mixin
  TlsOptions tls = new TlsOptions();

  @CommandLine.Mixin
  ClusterOptions cluster = new ClusterOptions();

  /** Run the simulator until SIGTERM or Ctrl-C; returns the exit status. */
  int serve(PrintWriter out, PrintWriter err) throws InterruptedException {
    if (listPlans) {
      PlanCatalog.descriptions().forEach((name, description) -> out.printf("%-22s %s%n", name, description));
      out.flush();
      return 0;
    }
    Duration timeout;
    try {
      timeout = DurationText.parse(closeTimeout);
    } catch (IllegalArgumentException e) {
      err.println("wschaos: --close-timeout: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID;
    }
    if (eventLoops != null && eventLoops < 1) {
      err.println("wschaos: --event-loops: " + eventLoops + " is out of range: 1 or more");
      err.flush();
      return ExitCodes.INVALID;
    }
    ServerLimits limits;
    try {
      limits = new ServerLimits("0".equals(handshakeTimeout.trim()) ? Duration.ZERO
          : DurationText.parse(handshakeTimeout), maxRequestLine, maxHeaderSize, maxQueryLength, maxMessageSize,
          maxFrameSize, maxClients);
    } catch (IllegalArgumentException e) {
      err.println("wschaos: limits: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID;
    }
    Plan loaded;
    try {
      loaded = tls.applyTo(PlanCatalog.load(plan));
      loaded.requireValid("'" + loaded.name() + "'");
    } catch (InvalidPlanException e) {
      err.println("wschaos: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID;
    }
    if (check) {
      out.print(PlanLoader.toYaml(loaded));
      out.flush();
      return 0;
    }
    configureLogging(verbose);
    WsChaosServer server;
    try {
      WsChaosServer.Builder builder = WsChaosServer.builder().plan(loaded).host(host).port(port).seed(seed)
          .closeTimeout(timeout).limits(limits).tls(tls.enabled() ? tls.settings() : null)
          .journalSize(Math.max(0, journalSize)).journalFile(journalFile).cluster(cluster.settings())
          .record(recordFile);
      if (recordFile != null && loaded.upstreams().isEmpty()) {
        err.println("wschaos: --record: plan '" + loaded.name() + "' names no upstreams, so no session is proxied "
            + "and the recording will be empty");
        err.flush();
      }
      if (eventLoops != null) {
        builder.eventLoops(eventLoops);
      }
      if (adminPort != null) {
        String token = adminToken != null ? adminToken : System.getenv(AdminSettings.TOKEN_ENV);
        builder.admin(new AdminSettings(adminHost, adminPort, token, adminAllowedHosts, adminAllowedOrigins));
      }
      server = builder.start();
    } catch (IllegalArgumentException e) {
      err.println("wschaos: " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID;
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      err.println("wschaos: " + e.getMessage());
      err.flush();
      return ExitCodes.UNAVAILABLE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (recordFile != null && !server.recorder().active()) {
        System.out.println("wschaos recording written to " + recordFile.toAbsolutePath());
      }
      if (report != null) {
        try {
          System.out.println("wschaos reconnect report written to " + server.writeReconnectReport(report).toAbsolutePath());
        } catch (RuntimeException e) {
          System.err.println("wschaos: could not write the reconnect report to " + report + ": " + e.getMessage());
        }
      }
      System.out.println("wschaos stopped");
      System.out.flush();
      stopped.countDown();
      // a stop asked for with SIGTERM or Ctrl-C is a normal stop: exit 0, not the JVM's 143/130
      Runtime.getRuntime().halt(0);
    }, "wschaos-shutdown"));
    out.println("wschaos listening on " + server.wsUrl() + " plan=" + loaded.name() + " seed=" + server.seed()
        + (server.adminUrl() == null ? "" : " admin=" + server.adminUrl()));
    if (tls.enabled()) {
      TlsOptions.printListening(server.tls(), out);
    }
    server.cluster().ifPresent(node -> ClusterOptions.printJoined(node, out));
    out.flush();
    stopped.await();
    return 0;
  }

  private static void configureLogging(boolean verbose) {
    Map<String, String> defaults = Map.of(
        "org.slf4j.simpleLogger.defaultLogLevel", "info",
        "org.slf4j.simpleLogger.log.dev.wschaos", verbose ? "debug" : "info",
        "org.slf4j.simpleLogger.log.com.hazelcast", verbose ? "info" : "warn",
        "org.slf4j.simpleLogger.showDateTime", "true",
        "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
        "org.slf4j.simpleLogger.showShortLogName", "true");
    defaults.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
  }
}
