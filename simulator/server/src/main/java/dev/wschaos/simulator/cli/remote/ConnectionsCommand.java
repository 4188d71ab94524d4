package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wschaos connections}: the open connections of a running simulator, as a table or JSON. */
@Command(name = "connections", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the open connections of a running simulator (GET /connections).")
public final class ConnectionsCommand extends RemoteCommand {

  @Option(names = "--client", paramLabel = "GLOB", description = "only clients whose id matches, e.g. 'mobile-*'")
  String client;

  @Option(names = "--path", paramLabel = "GLOB", description = "only connections whose path matches")
  String path;

  @Override
  int run(AdminClient admin) {
    List<ConnectionInfo> connections = admin.connections(client, path);
    if (json()) {
      printJson(connections);
      return ExitCodes.OK;
    }
    if (connections.isEmpty()) {
      out().println("no open connections");
      return ExitCodes.OK;
    }
    Instant now = Instant.now();
    Table table = new Table("ID", "CLIENT", "PATH", "ATTEMPT", "REMOTE", "AGE", "IN", "OUT", "FAULTS");
    for (ConnectionInfo c : connections) {
      table.row(c.id(), c.clientId(), c.path(), c.attempt(), c.remote(), age(c.openedAt(), now), c.messagesIn(),
          c.messagesOut(), c.faultsApplied().isEmpty() ? "-" : String.join(",", c.faultsApplied()));
    }
    table.print(out());
    return ExitCodes.OK;
  }

  private static String age(Instant openedAt, Instant now) {
    if (openedAt == null) {
      return "-";
    }
    long seconds = Math.max(0, Duration.between(openedAt, now).toSeconds());
    return seconds < 60 ? seconds + "s" : seconds < 3600 ? seconds / 60 + "m" + seconds % 60 + "s"
        : seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
  }
}
