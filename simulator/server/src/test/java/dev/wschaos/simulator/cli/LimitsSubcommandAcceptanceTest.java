package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.support.JdkClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@code wschaos limits set|show|clear} against a running simulator, observed by real JDK clients. */
class LimitsSubcommandAcceptanceTest {

  record Result(int status, String out, String err) {}

  private static Result wschaos(WsChaosServer server, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--admin", server.adminUrl().toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = WsChaosCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(all.toArray(String[]::new));
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void setRefusesTheClientOverCapacityWith503AndClearLetsItIn() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1)).adminPort(0).start()) {
      Result set = wschaos(server, "limits", "set", "--max-connections", "1", "--retry-after", "3s");
      assertThat(set.status()).as(set.err()).isZero();
      assertThat(set.out().strip()).isEqualTo("limits: maxConnections=1 overCapacity=reject retryAfter=3s");
      assertThat(wschaos(server, "limits", "show").out().strip()).isEqualTo(set.out().strip());

      try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=l1"))) {
        Awaitility.await().until(() -> server.openConnections() == 1);
        Throwable refused = JdkClient.connectFailure(server.wsUrl("/?clientId=l2"));
        assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
        var response = ((WebSocketHandshakeException) refused).getResponse();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");

        Result cleared = wschaos(server, "limits", "clear");
        assertThat(cleared.status()).as(cleared.err()).isZero();
        assertThat(cleared.out().strip()).isEqualTo("no limits");
        JdkClient.connect(server.wsUrl("/?clientId=l2")).close();
      }
    }
  }

  @Test
  void badLimitsExitTwoNamingTheFieldAndChangeNothing() {
    try (WsChaosServer server = WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1)).adminPort(0).start()) {
      assertThat(wschaos(server, "limits", "set", "--accept-rate", "50", "--json").status()).isZero();

      Result negative = wschaos(server, "limits", "set", "--max-connections", "-1");
      assertThat(negative.status()).isEqualTo(2);
      assertThat(negative.err()).contains("limits.maxConnections").contains("cannot be negative");

      Result mode = wschaos(server, "limits", "set", "--max-connections", "1", "--over-capacity", "sideways");
      assertThat(mode.status()).isEqualTo(2);
      assertThat(mode.err()).contains("overCapacity 'sideways' is not known; allowed: reject, close-1013");

      Result nothing = wschaos(server, "limits", "set");
      assertThat(nothing.status()).isEqualTo(2);
      assertThat(nothing.err()).contains("give --max-connections N or --accept-rate PER_SECOND");

      assertThat(server.plan().limits().acceptRate().perSecond()).isEqualTo(50.0);
      assertThat(server.plan().limits().maxConnections()).isNull();
    }
  }
}
