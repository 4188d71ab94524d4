package dev.wschaos.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code wschaos serve}: run the simulator (what {@code wschaos} does without a subcommand). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = WsChaosCommand.VersionProvider.class,
    description = {"Run the simulator until SIGTERM or Ctrl-C (the default when no subcommand is given).",
        "Prints one line with its URL once it listens; on SIGTERM or Ctrl-C closes every client with 1001 Going Away."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped normally, or listing/checking succeeded", "1:could not listen",
        "2:invalid plan or command line"})
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws InterruptedException {
    return options.serve(spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
