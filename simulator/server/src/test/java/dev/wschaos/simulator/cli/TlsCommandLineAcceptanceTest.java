package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line refuses bad TLS options with exit status 2 and one clear line, before anything listens. */
class TlsCommandLineAcceptanceTest {

  private record Result(int status, String err) {}

  private static Result run(String... args) {
    StringWriter err = new StringWriter();
    int status = new CommandLine(new WsChaosCommand()).setErr(new PrintWriter(err)).execute(args);
    return new Result(status, err.toString());
  }

  @Test
  void unknownListenerProfile() {
    Result result = run("--port", "0", "--tls-listener", "expird=0");
    assertThat(result.status()).isEqualTo(WsChaosCommand.EXIT_INVALID);
    assertThat(result.err()).startsWith("wschaos: --tls-listener expird=0: unknown TLS profile 'expird'; allowed: valid,")
        .doesNotContain("\tat ");
  }

  @Test
  void unknownPlanPortProfile() {
    Result result = run("--port", "0", "--tls-port", "0", "--tls-profile", "tls1.1-only");
    assertThat(result.status()).isEqualTo(WsChaosCommand.EXIT_INVALID);
    assertThat(result.err()).contains("tls.profile: unknown TLS profile 'tls1.1-only'");
  }

  @Test
  void conflictingPorts() {
    Result result = run("--port", "18443", "--tls-port", "18443");
    assertThat(result.status()).isEqualTo(WsChaosCommand.EXIT_INVALID);
    assertThat(result.err()).contains("port 18443 is given to both the ws port and the wss port (--tls-port)");
  }

  @Test
  void caOutIsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ca.pem"), "not a directory");
    Result result = run("--port", "0", "--tls-port", "0", "--ca-out", file.toString());
    assertThat(result.status()).isEqualTo(WsChaosCommand.EXIT_INVALID);
    assertThat(result.err()).contains("--ca-out " + file + ": not a directory");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }
}
