package dev.wschaos.scenarios.catalogue;

import dev.wschaos.simulator.admin.AdminClient;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.plan.Plan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link SimulatorProbe} over a remote simulator's admin API ({@code /reset}, {@code /plan}, {@code /health},
 * {@code /actions}, {@code /reconnects}, {@code /tls/ca.pem}).
 */
final class RemoteProbe implements SimulatorProbe {

  private final URI admin;
  private final String token;
  private final AdminClient client;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RemoteProbe(URI admin, String token) {
    String text = admin.toString().replaceAll("/+$", "");
    this.admin = URI.create(text);
    this.token = token;
    this.client = AdminClient.create(this.admin, token);
  }

  @Override
  public String source() {
    return "admin API " + admin;
  }

  @Override
  public OptionalInt openConnections() {
    return OptionalInt.of(client.health().openConnections());
  }

  @Override
  public Optional<ReconnectFacts> reconnects() {
    return Optional.of(ReconnectFacts.parse(get("/reconnects")));
  }

  @Override
  public List<Path> writeReports(Path dir, String base) {
    try {
      Path html = Files.writeString(dir.resolve(base + "-reconnect-report.html"), get("/reconnects/report.html"));
      Path json = Files.writeString(dir.resolve(base + "-reconnect-report.json"), get("/reconnects"));
      return List.of(html, json);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the reconnect report: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean prepare(Plan plan) {
    client.reset();
    client.replacePlan(plan);
    return true;
  }

  @Override
  public ActionResult act(FleetAction action) {
    return client.act(action);
  }

  @Override
  public Optional<String> caPem() {
    try {
      return Optional.of(get("/tls/ca.pem"));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  private String get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(60));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + admin + path + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("GET " + admin + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
