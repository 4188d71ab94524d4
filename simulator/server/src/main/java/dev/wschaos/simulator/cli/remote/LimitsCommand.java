package dev.wschaos.simulator.cli.remote;

import static dev.wschaos.simulator.cli.remote.RemoteCommand.putIfSet;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.fleet.AcceptRate;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wschaos limits set|clear|show}: the running plan's capacity ({@code limits:}), as an edit through
 * {@code PUT}/{@code DELETE /plan/limits}; the timeline, rules and seed run on.
 */
@Command(name = "limits", mixinStandardHelpOptions = true,
    description = "The running plan's capacity (docs/fleet.md#limits), as an edit: set (PUT /plan/limits), "
        + "clear (DELETE /plan/limits), show (GET /plan). The timeline, rules and seed run on.",
    subcommands = {LimitsCommand.Set.class, LimitsCommand.Clear.class, LimitsCommand.Show.class})
public final class LimitsCommand extends CommandGroup {

  /** Prints the limits in force after the call, one line, or JSON. */
  abstract static class Call extends RemoteCommand {

    void print(Plan plan) {
      Limits limits = plan.limits();
      if (json()) {
        printJson(limits == null ? Map.of() : limits);
      } else {
        out().println(describe(limits));
      }
    }

    static String describe(Limits limits) {
      if (limits == null || (limits.maxConnections() == null && limits.acceptRate() == null)) {
        return "no limits";
      }
      StringJoiner line = new StringJoiner(" ", "limits: ", "");
      if (limits.maxConnections() != null) {
        line.add("maxConnections=" + limits.maxConnections()).add("overCapacity=" + limits.overCapacity().wireName())
            .add("retryAfter=" + DurationText.format(limits.effectiveRetryAfter()));
      }
      AcceptRate rate = limits.acceptRate();
      if (rate != null) {
        line.add("acceptRate=" + rate.perSecond() + "/s").add("burst=" + rate.burst())
            .add("excess=" + rate.excess().wireName());
      }
      return line.toString();
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Put the plan's limits (what was set before is replaced): e.g. limits set --max-connections 100",
          "Over --max-connections an upgrade is refused with 503 and Retry-After (--over-capacity reject) or accepted "
              + "and closed with 1013 (close-1013)."})
  static final class Set extends Call {

    @Option(names = "--max-connections", paramLabel = "N", description = "at most N connections open (0: refuse all)")
    Integer maxConnections;

    @Option(names = "--over-capacity", paramLabel = "MODE", description = "reject (503 + Retry-After, the default) "
        + "or close-1013")
    String overCapacity;

    @Option(names = "--retry-after", paramLabel = "DURATION", description = "Retry-After of a 503, e.g. 5s (default 5s)")
    String retryAfter;

    @Option(names = "--accept-rate", paramLabel = "PER_SECOND", description = "at most this many new handshakes a "
        + "second (a token bucket)")
    Double perSecond;

    @Option(names = "--burst", paramLabel = "N", description = "with --accept-rate: the bucket's size")
    Integer burst;

    @Option(names = "--excess", paramLabel = "MODE", description = "with --accept-rate: reject (the default) or queue")
    String excess;

    @Option(names = "--status", paramLabel = "STATUS", description = "with --accept-rate: the refusal's status "
        + "(default 503)")
    Integer status;

    @Option(names = "--max-queue", paramLabel = "N", description = "with --accept-rate --excess queue: queue length")
    Integer maxQueue;

    @Override
    int run(AdminClient client) {
      Map<String, Object> fields = new LinkedHashMap<>();
      putIfSet(fields, "maxConnections", maxConnections);
      putIfSet(fields, "overCapacity", overCapacity);
      putIfSet(fields, "retryAfter", retryAfter);
      if (perSecond != null) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("perSecond", perSecond);
        putIfSet(rate, "burst", burst);
        putIfSet(rate, "excess", excess);
        putIfSet(rate, "status", status);
        putIfSet(rate, "maxQueue", maxQueue);
        fields.put("acceptRate", rate);
      } else if (burst != null || excess != null || status != null || maxQueue != null) {
        return fail(ExitCodes.INVALID, "--burst, --excess, --status and --max-queue need --accept-rate");
      }
      if (maxConnections == null && perSecond == null) {
        return fail(ExitCodes.INVALID, "give --max-connections N or --accept-rate PER_SECOND (or both); "
            + "'limits clear' removes the limits");
      }
      Limits limits;
      try {
        limits = Json.mapper().convertValue(fields, Limits.class);
      } catch (IllegalArgumentException e) {
        return fail(ExitCodes.INVALID, "invalid limits " + fields + ": "
            + e.getMessage().lines().findFirst().orElse(""));
      }
      print(client.replaceLimits(limits));
      return ExitCodes.OK;
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Remove the plan's limits: every client gets in again (DELETE /plan/limits).")
  static final class Clear extends Call {

    @Override
    int run(AdminClient client) {
      print(client.clearLimits());
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "The plan's limits (GET /plan).")
  static final class Show extends Call {

    @Override
    int run(AdminClient client) {
      print(client.plan());
      return ExitCodes.OK;
    }
  }
}
