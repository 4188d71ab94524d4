package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where the running simulator's admin API is, and how to talk to it: mixed into every remote subcommand. */
final class AdminOptions {

  static final String URL_ENV = "WSCHAOS_ADMIN_URL";
  static final String TOKEN_ENV = "WSCHAOS_ADMIN_TOKEN";

  @Option(names = "--admin", paramLabel = "URL", defaultValue = "${env:" + URL_ENV + ":-http://127.0.0.1:8081}",
      description = "the simulator's admin API (default: env " + URL_ENV + ", else ${DEFAULT-VALUE})")
  URI url;

  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:" + TOKEN_ENV + "}",
      description = "bearer token of the admin API (default: env " + TOKEN_ENV + ")")
  String token;

  @Option(names = "--json", description = "print JSON (for scripts) instead of a table or text")
  boolean json;

  AdminClient client() {
    return AdminClient.create(url, token);
  }
}
