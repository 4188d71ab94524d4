package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalPage;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.json.Json;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wschaos journal [--follow]}: the connection events of a running simulator, one a line, and with
 * {@code --follow} the new ones as they come, like {@code tail -f}, until Ctrl-C or SIGTERM (exit 0).
 */
@Command(name = "journal", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the event journal of a running simulator (GET /journal), one event a line;",
        "--json prints one JSON object a line. With --follow, keep printing new events until Ctrl-C or SIGTERM."})
public final class JournalCommand extends RemoteCommand {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  @Option(names = {"-f", "--follow"}, description = "keep printing new events as they come, until Ctrl-C or SIGTERM")
  boolean follow;

  @Option(names = "--type", split = ",", paramLabel = "TYPE",
      description = "only these event types (comma-separated): upgrade-received, upgrade-rejected, opened, "
          + "fault-applied, close-sent, close-received, dropped, reset, closed, fleet-action")
  List<String> types = new ArrayList<>();

  @Option(names = "--client", paramLabel = "ID", description = "only the events of this client id")
  String client;

  @Option(names = "--connection", paramLabel = "ID", description = "only the events of this connection id")
  Long connection;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "500ms",
      description = "with --follow, how often to ask for new events (default: ${DEFAULT-VALUE})")
  String interval;

  @Override
  int run(AdminClient admin) throws InterruptedException {
    Set<EventType> wanted = EnumSet.noneOf(EventType.class);
    for (String type : types) {
      try {
        wanted.add(EventType.fromWire(type));
      } catch (IllegalArgumentException e) {
        return fail(ExitCodes.INVALID, "--type: unknown event type '" + type + "'; allowed: " + Arrays.stream(
            EventType.values()).map(EventType::wireName).collect(Collectors.joining(", ")));
      }
    }
    Duration pause = DurationText.parse(interval);
    JournalQuery query = JournalQuery.all().types(wanted).clientId(client).connectionId(connection);
    if (!follow) {
      drain(admin, query, null);
      return ExitCodes.OK;
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        done.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out().flush();
      // Ctrl-C or SIGTERM is how a follow ends: exit 0, not the JVM's 130/143
      Runtime.getRuntime().halt(ExitCodes.OK);
    }, "wschaos-journal-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean stopping = false;
    try {
      while (!stopping) {
        query = drain(admin, query, stop);
        stopping = stop.await(pause.toMillis(), TimeUnit.MILLISECONDS);
      }
      return ExitCodes.OK;
    } finally {
      done.countDown();
      if (!stopping) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  /** Print every matching event after the query's {@code after}; returns the query for the next ones. */
  private JournalQuery drain(AdminClient admin, JournalQuery query, CountDownLatch stop) {
    JournalPage page;
    do {
      page = admin.journal(query);
      for (JournalEvent event : page.events()) {
        out().println(json() ? Json.write(event) : line(event));
      }
      out().flush();
      query = query.after(Math.max(query.after(), page.next()));
    } while (page.more() && (stop == null || stop.getCount() > 0));
    return query;
  }

  static String line(JournalEvent e) {
    StringBuilder line = new StringBuilder(e.time() == null ? "-" : TIME.format(e.time()));
    line.append(String.format(" %-16s", e.type().wireName()));
    field(line, "conn", e.connectionId());
    field(line, "client", e.clientId());
    field(line, "attempt", e.attempt());
    field(line, "path", e.path());
    field(line, "status", e.status());
    field(line, "code", e.code());
    if (e.reason() != null && !e.reason().isEmpty()) {
      line.append(" reason='").append(e.reason()).append('\'');
    }
    field(line, "by", e.initiator());
    field(line, "rule", e.rule());
    field(line, "fault", e.fault());
    field(line, "ms", e.durationMs());
    if (e.messagesIn() != null) {
      line.append(" messages=").append(e.messagesIn()).append('/').append(e.messagesOut());
    }
    if (e.detail() != null && !e.detail().isEmpty()) {
      line.append(" (").append(e.detail()).append(')');
    }
    return line.toString();
  }

  private static void field(StringBuilder line, String name, Object value) {
    if (value != null) {
      line.append(' ').append(name).append('=').append(value);
    }
  }
}
