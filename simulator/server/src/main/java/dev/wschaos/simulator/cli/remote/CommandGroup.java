package dev.wschaos.simulator.cli.remote;

import java.util.concurrent.Callable;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A command that only groups subcommands: run alone, it prints its usage to stderr and exits {@link ExitCodes#INVALID}.
 *
 * <pre>{@code
 * @Command(name = "tls", subcommands = TlsCommand.Ca.class)
 * public final class TlsCommand extends CommandGroup { ... }
 * }</pre>
 */
abstract class CommandGroup implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INVALID;
  }
}
