package dev.wschaos.simulator.cli;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.cli.remote.ActCommand;
import dev.wschaos.simulator.cli.remote.ConnectionsCommand;
import dev.wschaos.simulator.cli.remote.ExitCodes;
import dev.wschaos.simulator.cli.remote.JournalCommand;
import dev.wschaos.simulator.cli.remote.LimitsCommand;
import dev.wschaos.simulator.cli.remote.PlanCommand;
import dev.wschaos.simulator.cli.remote.RecordCommand;
import dev.wschaos.simulator.cli.remote.ReportCommand;
import dev.wschaos.simulator.cli.remote.TlsCommand;
import dev.wschaos.simulator.common.Version;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code java -jar wschaos.jar}: the standalone simulator, a thin shell over {@link WsChaosServer}, and the
 * subcommands that drive a running one through its admin API. Without a subcommand it serves, as {@code serve} does.
 */
@Command(
    name = "wschaos",
    mixinStandardHelpOptions = true,
    versionProvider = WsChaosCommand.VersionProvider.class,
    sortOptions = false,
    description = {
        "A WebSocket server that behaves like a healthy service and injects the faults its plan describes.",
        "Prints one line with its URL once it listens; on SIGTERM or Ctrl-C closes every client with 1001 Going Away.",
        "Without a subcommand it serves: the options below are those of 'serve'.",
        "The other subcommands drive a running simulator through its admin API: --admin URL, token from "
            + "WSCHAOS_ADMIN_TOKEN."
    },
    subcommands = {ServeCommand.class, PlanCommand.class, ActCommand.class, ConnectionsCommand.class,
        JournalCommand.class, ReportCommand.class, RecordCommand.class, LimitsCommand.class, TlsCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:done; the simulator stopped normally (SIGTERM, Ctrl-C)",
        "1:the simulator could not listen, or its admin API is unreachable or failed (5xx)",
        "2:invalid plan, rule, action or command line, or a request the admin API refused (4xx: token, unknown rule)"})
public final class WsChaosCommand implements Callable<Integer> {

  static final int EXIT_CANNOT_LISTEN = ExitCodes.UNAVAILABLE;
  static final int EXIT_INVALID = ExitCodes.INVALID;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ServeOptions serve = new ServeOptions();

  public static void main(String[] args) {
    commonPoolOfTwoAtLeast();
    System.exit(run(args));
  }

  /**
   * Hazelcast completes cluster operations (each clustered upgrade's attempt count) on the common fork-join pool, or
   * on a new thread per operation when that pool has a single thread, as on 2 cores. Unless the user chose a size.
   */
  static void commonPoolOfTwoAtLeast() {
    String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(property, "2");
    }
  }

  static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The whole command tree, with {@code completion} (picocli's bash/zsh completion script). */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new WsChaosCommand());
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("wschaos: " + e);
      line.getErr().flush();
      return ExitCodes.UNAVAILABLE;
    });
    commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    CommandLine completion = commandLine.getSubcommands().get("completion");
    completion.getCommandSpec().usageMessage().hidden(false)
        .description("Print a bash/zsh completion script: source <(java -jar wschaos.jar completion)");
    versionEverywhere(commandLine);
    return commandLine;
  }

  private static void versionEverywhere(CommandLine commandLine) {
    commandLine.getCommandSpec().versionProvider(new VersionProvider());
    commandLine.getSubcommands().values().forEach(WsChaosCommand::versionEverywhere);
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve.serve(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The version and the commit it was built from. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wschaos " + Version.description()};
    }
  }
}
