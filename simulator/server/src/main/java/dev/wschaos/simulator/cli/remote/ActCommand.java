package dev.wschaos.simulator.cli.remote;

import static dev.wschaos.simulator.cli.remote.RemoteCommand.putIfSet;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wschaos act ...}: a fleet action on the open connections of a running simulator ({@code POST /actions}).
 * The options build the action as a plan's timeline writes it, and the simulator validates it.
 */
@Command(name = "act", mixinStandardHelpOptions = true,
    description = "Act on the open connections of a running simulator (POST /actions): close, drop, reset, "
        + "half-open, outage, restart, rolling-restart. On a cluster node: on every node (--node N: one).",
    subcommands = {ActCommand.Close.class, ActCommand.Drop.class, ActCommand.Reset.class, ActCommand.HalfOpen.class,
        ActCommand.Outage.class, ActCommand.Restart.class, ActCommand.RollingRestart.class})
public final class ActCommand extends CommandGroup {

  /** Which connections: a share or a count of those matching client and path globs, at once or spread. */
  static final class SelectionOptions {

    @ArgGroup(exclusive = true)
    Amount amount;

    @Option(names = "--client", paramLabel = "GLOB", description = "only connections whose client id matches")
    String client;

    @Option(names = "--path", paramLabel = "GLOB", description = "only connections whose path matches")
    String path;

    @Option(names = "--spread", paramLabel = "DURATION", description = "spread evenly over this window, e.g. 5s "
        + "(default: all at once)")
    String spread;

    static final class Amount {
      @Option(names = "--share", paramLabel = "0..1", description = "a random share of them, e.g. 0.2 (default: all)")
      Double share;

      @Option(names = "--count", paramLabel = "N", description = "a random N of them")
      Integer count;
    }

    void addTo(Map<String, Object> action) {
      if (amount != null) {
        putIfSet(action, "share", amount.share);
        putIfSet(action, "count", amount.count);
      }
      if (client != null || path != null) {
        Map<String, Object> match = new LinkedHashMap<>();
        putIfSet(match, "clientId", client);
        putIfSet(match, "path", path);
        action.put("match", match);
      }
      putIfSet(action, "spread", spread);
    }
  }

  /** Sends the action its subclass describes and prints what it took. */
  abstract static class Action extends RemoteCommand {

    @Option(names = "--node", paramLabel = "NODE", description = "cluster only: act on this node alone (its index "
        + "from 1, oldest first, its address or its id, as GET /cluster lists them)")
    String node;

    abstract Map<String, Object> action();

    @Override
    final int run(AdminClient client) {
      Map<String, Object> fields = action();
      FleetAction action;
      try {
        action = Json.mapper().convertValue(fields, FleetAction.class);
      } catch (IllegalArgumentException e) {
        return fail(ExitCodes.INVALID, "invalid action " + fields + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
      ActionResult result = node == null ? client.act(action) : client.act(action, node);
      if (json()) {
        printJson(result);
      } else {
        out().println(result.action() + ": " + result.selected() + (result.selected() == 1 ? " connection" : " connections"));
      }
      return ExitCodes.OK;
    }

    static Map<String, Object> typed(String type) {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("type", type);
      return action;
    }
  }

  /** An action of one type on the connections its {@link SelectionOptions} choose, then its own options. */
  abstract static class Selecting extends Action {

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    private final String type;

    Selecting(String type) {
      this.type = type;
    }

    @Override
    final Map<String, Object> action() {
      Map<String, Object> action = typed(type);
      selection.addTo(action);
      addOwnOptions(action);
      return action;
    }

    void addOwnOptions(Map<String, Object> action) {}
  }

  @Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Close connections with a close frame, e.g. a rolling restart: act close --code 1012 --spread 5s")
  static final class Close extends Action {

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "the close code, e.g. 1001, 1012, 4000")
    int code;

    @Option(names = "--reason", paramLabel = "TEXT", description = "the close reason (at most 123 bytes)")
    String reason;

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Override
    Map<String, Object> action() {
      Map<String, Object> action = typed("close");
      action.put("code", code);
      putIfSet(action, "reason", reason);
      selection.addTo(action);
      return action;
    }
  }

  @Command(name = "drop", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Close TCP with a FIN and no close frame: clients see 1006.")
  static final class Drop extends Selecting {
    Drop() {
      super("drop");
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Reset TCP connections (RST): clients see a connection reset.")
  static final class Reset extends Selecting {
    Reset() {
      super("reset");
    }
  }

  @Command(name = "half-open", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Half-open: stop reading and writing (no pong, no close, no FIN) while TCP stays up, as after a NAT "
          + "failover.")
  static final class HalfOpen extends Selecting {

    @Option(names = "--for", paramLabel = "DURATION", description = "then drop TCP, e.g. 2m (default: stay half-open)")
    String duration;

    HalfOpen() {
      super("half-open");
    }

    @Override
    void addOwnOptions(Map<String, Object> action) {
      putIfSet(action, "for", duration);
    }
  }

  @Command(name = "outage", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Drop every connection and stop listening for a while (clients get connection refused).")
  static final class Outage extends Action {

    @Option(names = "--duration", required = true, paramLabel = "DURATION", description = "how long, e.g. 15s")
    String duration;

    @Option(names = "--reset", description = "reset connections (RST) instead of dropping them (FIN)")
    boolean reset;

    @Override
    Map<String, Object> action() {
      Map<String, Object> action = typed("outage");
      action.put("duration", duration);
      if (reset) {
        action.put("reset", true);
      }
      return action;
    }
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Close every connection with 1012 and stop listening for a while, as a restarting process does.")
  static final class Restart extends Action {

    @Option(names = "--down", required = true, paramLabel = "DURATION", description = "how long the port is down, "
        + "e.g. 5s")
    String down;

    @Option(names = "--code", paramLabel = "CODE", description = "the close code (default 1012)")
    Integer code;

    @Option(names = "--reason", paramLabel = "TEXT", description = "the close reason")
    String reason;

    @Override
    Map<String, Object> action() {
      Map<String, Object> action = typed("restart");
      action.put("down", down);
      putIfSet(action, "code", code);
      putIfSet(action, "reason", reason);
      return action;
    }
  }

  @Command(name = "rolling-restart", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Restart the nodes of a cluster one after the other (a simulator alone restarts once).")
  static final class RollingRestart extends Action {

    @Option(names = "--down", required = true, paramLabel = "DURATION", description = "how long each node is down, "
        + "e.g. 5s")
    String down;

    @Option(names = "--gap", paramLabel = "DURATION", description = "between one node back and the next one down "
        + "(default 0s)")
    String gap;

    @Option(names = "--code", paramLabel = "CODE", description = "the close code (default 1012)")
    Integer code;

    @Override
    Map<String, Object> action() {
      Map<String, Object> action = typed("rolling-restart");
      action.put("down", down);
      putIfSet(action, "gap", gap);
      putIfSet(action, "code", code);
      return action;
    }
  }
}
