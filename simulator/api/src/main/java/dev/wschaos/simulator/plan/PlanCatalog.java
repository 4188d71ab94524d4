package dev.wschaos.simulator.plan;

import dev.wschaos.simulator.common.FieldPath;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in plans, shipped as YAML files users can copy (see {@code docs/plans/} or {@link #source(String)}).
 *
 * <pre>{@code
 * Plan plan = PlanCatalog.load("flaky-reconnect");      // a built-in name
 * Plan mine = PlanCatalog.load("src/test/plans/my.yaml"); // or a file
 * }</pre>
 */
public final class PlanCatalog {

  /** Every built-in plan, in the order {@code --list-plans} shows them. */
  public static final List<String> NAMES = List.of(
      "healthy",
      "handshake-400",
      "going-away-1001",
      "internal-error-1011",
      "service-restart-1012",
      "try-again-later-1013",
      "abnormal-1006",
      "connection-reset",
      "flaky-reconnect",
      "half-open-zombies",
      "no-pong",
      "slow-network",
      "protocol-violations",
      "message-loss",
      "rolling-restart",
      "overload-1013",
      "outage",
      "thundering-herd",
      "flapping",
      "nginx-without-upgrade-headers",
      "spa-fallback-200",
      "gateway-down-502",
      "stomp",
      "graphql-ws");

  private static final String RESOURCE_DIR = "/dev/wschaos/simulator/plans/";

  private PlanCatalog() {}

  /**
   * Load a plan by file path or built-in name: an existing file wins, else the built-in plan of that name.
   *
   * @throws InvalidPlanException when neither exists or the plan is invalid
   */
  public static Plan load(String fileOrName) {
    Path file = Path.of(fileOrName);
    if (Files.isRegularFile(file)) {
      return PlanLoader.load(file);
    }
    if (!NAMES.contains(fileOrName)) {
      throw new InvalidPlanException("'" + fileOrName + "'", List.of(new PlanProblem(FieldPath.ROOT,
          "no plan file '" + fileOrName + "' and no built-in plan of that name; built-in plans: "
              + String.join(", ", NAMES), null)));
    }
    return PlanLoader.parse(source(fileOrName), "built-in plan " + fileOrName, PlanLoader.Format.YAML);
  }

  /** The YAML text of a built-in plan. */
  public static String source(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no built-in plan '" + name + "'; built-in plans: " + String.join(", ", NAMES));
    }
    try (InputStream in = PlanCatalog.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("built-in plan " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Name to one-line description, for listings. */
  public static Map<String, String> descriptions() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      String description = load(name).description();
      out.put(name, description == null ? "" : description);
    }
    return out;
  }
}
