package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wschaos tls ca}: the TLS lab's test root CA, for clients to trust. */
@Command(name = "tls", mixinStandardHelpOptions = true, description = "The TLS lab of a running simulator.",
    subcommands = TlsCommand.Ca.class)
public final class TlsCommand extends CommandGroup {

  @Command(name = "ca", mixinStandardHelpOptions = true,
      description = {"Print the test root CA as PEM (GET /tls/ca.pem), or write it to a file.",
          "Exit 2 when the simulator runs without TLS."})
  static final class Ca extends RemoteCommand {

    @Option(names = "--out", paramLabel = "FILE", description = "write the PEM to FILE instead of stdout")
    Path file;

    @Override
    int run(AdminClient client) {
      String pem = client.caPem();
      if (file != null) {
        try {
          Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        if (json()) {
          printJson(Map.of("file", file.toAbsolutePath().toString()));
        } else {
          out().println("CA written to " + file.toAbsolutePath());
        }
      } else if (json()) {
        printJson(Map.of("pem", pem));
      } else {
        out().print(pem);
      }
      return ExitCodes.OK;
    }
  }
}
