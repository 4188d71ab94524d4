package dev.wschaos.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.wschaos.scenarios.catalogue.ChaosScenario;
import dev.wschaos.scenarios.client.WsClient;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.scenarios.sweep.SweepReport;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A catalogue scenario run once per reconnect policy, each against its own embedded simulator with the same plan and
 * seed, then one comparison report ({@link SweepReport}). {@code sequential}: one policy after the other (no policy
 * takes CPU from another); {@code parallel}: all at once (the sweep takes one run's time). Checks are recorded as
 * requests {@code sweep: NAME} so that a Gatling assertion fails the run with their name (also when the report
 * could not be made: each check must have succeeded once).
 *
 * <pre>
 *   sequential:  fleet 1 -> collect 1 -> fleet 2 -> collect 2 -> ... -> report
 *   parallel:    fleet 1 -> collect 1 -+
 *                fleet 2 -> collect 2 -+-> (the last to collect) report
 * </pre>
 */
final class PolicySweep {

  private final ChaosScenario scenario;
  private final int users;
  private final long seed;
  private final boolean parallel;
  private final Duration duration;
  private final List<SweepStage> stages = new ArrayList<>();
  private final Map<String, Predicate<SweepReport>> checks = new LinkedHashMap<>();
  private final AtomicInteger collected = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wschaos-sweep");
    t.setDaemon(true);
    return t;
  });
  private volatile SweepReport report;
  private volatile Path written;

  PolicySweep(ChaosScenario scenario, Map<String, ReconnectPolicy> policies, int users, Duration ramp,
              Duration duration, long seed, boolean parallel) {
    if (users < 1) {
      throw new IllegalArgumentException("users must be 1 or more, not " + users);
    }
    this.scenario = scenario;
    this.users = users;
    this.seed = seed;
    this.parallel = parallel;
    this.duration = duration;
    int i = 1;
    for (Map.Entry<String, ReconnectPolicy> p : policies.entrySet()) {
      stages.add(new SweepStage(scenario, p.getKey(), p.getValue(), users, ramp, duration, seed,
          "[" + i++ + "/" + policies.size() + "]"));
    }
    checks.put("every policy measured", r -> r.entries().size() == stages.size()
        && r.entries().stream().allMatch(e -> e.lost() > 0));
  }

  /** Adds a check on the finished report, recorded as request {@code sweep: NAME}. */
  PolicySweep check(String name, Predicate<SweepReport> check) {
    checks.put(name, check);
    return this;
  }

  String describe() {
    return String.format("policy sweep of %s: %d policies (%s), %d users each, seed %d, %s", scenario.name(),
        stages.size(), String.join(", ", stages.stream().map(SweepStage::label).toList()), users, seed,
        parallel ? "parallel" : "sequential");
  }

  /** A bound on the whole simulation, so that a stuck policy cannot hold the build. */
  Duration maxDuration() {
    return parallel ? duration.plusSeconds(90) : duration.plusSeconds(30).multipliedBy(stages.size()).plusSeconds(60);
  }

  List<PopulationBuilder> populations() {
    if (parallel) {
      return stages.stream().map(s -> s.fleet(timer).andThen(collector(s))).toList();
    }
    PopulationBuilder next = null;
    for (int i = stages.size() - 1; i >= 0; i--) {
      SweepStage s = stages.get(i);
      PopulationBuilder collect = next == null ? collector(s) : collector(s).andThen(next);
      next = s.fleet(timer).andThen(collect);
    }
    return List.of(next);
  }

  List<Assertion> assertions() {
    return checks.keySet().stream().map(n -> details("sweep: " + n).successfulRequests().count().is(1L)).toList();
  }

  /** Call from the simulation's {@code before()}. */
  void start() {
    timer.scheduleAtFixedRate(() -> {
      StringJoiner line = new StringJoiner("; ", "wschaos sweep progress: ", "");
      stages.stream().map(SweepStage::progress).filter(Objects::nonNull).forEach(line::add);
      if (line.length() > "wschaos sweep progress: ".length()) {
        System.out.println(line);
      }
    }, 5, 5, TimeUnit.SECONDS);
  }

  private PopulationBuilder collector(SweepStage stage) {
    ChainBuilder chain = exec(s -> {
      stage.finish();
      if (collected.incrementAndGet() == stages.size()) {
        report();
      }
      return s;
    });
    for (Map.Entry<String, Predicate<SweepReport>> c : checks.entrySet()) {
      chain = chain.doIf(s -> report != null).then(exec(dummy("sweep: " + c.getKey(), 0)
          .withSuccess(s -> c.getValue().test(report))));
    }
    return scenario("sweep " + stage.label() + ": collect").exec(chain).injectOpen(atOnceUsers(1))
        .protocols(WsClient.protocol("ws://127.0.0.1:1"));
  }

  private void report() {
    report = new SweepReport(scenario.name(), users, seed, parallel ? "parallel" : "sequential",
        stages.stream().map(SweepStage::entry).toList());
    System.out.println(report.text());
    try {
      written = report.write(Path.of(System.getProperty("wschaos.reportDir", "target/wschaos")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Call from the simulation's {@code after()}. */
  void stop() {
    timer.shutdownNow();
    stages.forEach(SweepStage::close);
    if (written != null) {
      System.out.println("\nwschaos policy sweep report: " + written + " (and .json beside it)");
    }
  }
}
