package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.analytics.Finding;
import dev.wschaos.simulator.analytics.HtmlReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.ReportSummary;
import dev.wschaos.simulator.client.AdminClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wschaos report}: how the clients reconnected so far, findings first; the HTML report on request. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print how the clients of a running simulator reconnected so far (GET /reconnects): the headline",
        "figures and every finding. --html also writes the self-contained HTML report."})
public final class ReportCommand extends RemoteCommand {

  @Option(names = "--html", paramLabel = "FILE", description = "also write the HTML report to FILE")
  Path html;

  @Option(names = "--close-codes", paramLabel = "NAME", description = {"judge close codes by this protocol's "
      + "convention instead of the plan's: graphql-ws, pusher, stomp, or none"})
  String closeCodes;

  @Override
  int run(AdminClient client) {
    ReconnectReport report = closeCodes == null ? client.reconnectReport() : client.reconnectReport(closeCodes);
    if (json()) {
      printJson(report);
    } else {
      print(report);
    }
    if (html != null) {
      HtmlReport.write(report, html);
      (json() ? err() : out()).println("HTML report written to " + html.toAbsolutePath());
    }
    return ExitCodes.OK;
  }

  private void print(ReconnectReport report) {
    ReportSummary s = report.summary();
    out().printf("%d clients, %d attempts (%d accepted, %d rejected, %d aborted), %d reconnects%n",
        s.clients(), s.attempts(), s.accepted(), s.rejected(), s.aborted(), s.reconnects());
    if (!s.backoff().isEmpty()) {
      out().println("backoff: " + s.backoff());
    }
    if (report.findings().isEmpty()) {
      out().println("no findings");
      return;
    }
    out().printf("%d findings for %d clients:%n", report.findings().size(), s.clientsWithFindings());
    Table table = new Table("CHECK", "CLIENT", "TIMES", "MESSAGE");
    for (Finding f : report.findings()) {
      table.row(f.check().id(), f.client(), f.occurrences(), f.message());
    }
    table.print(out());
  }
}
