package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.AdminException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.support.JsonChatClient;
import dev.wschaos.simulator.support.JsonChatUpstream;
import dev.wschaos.simulator.support.TestVertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wschaos record start|show|stop} and {@code AdminClient}'s recording calls against a proxying simulator. */
class RecordSubcommandAcceptanceTest {

  private static JsonChatUpstream upstream;

  record Result(int status, String out, String err) {}

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = JsonChatUpstream.start(TestVertx.shared());
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
  }

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
  void startShowStopWritesAConversationPlan(@TempDir Path dir) throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1)).adminPort(0)
        .plan(Plan.named("proxy").withUpstream(Upstream.to(upstream.url()).forPath("/chat/*"))).start()) {
      Result started = wschaos(server, "record", "start");
      assertThat(started.status()).as(started.err()).isZero();
      assertThat(started.out()).isEqualTo("recording on" + System.lineSeparator());
      Result again = wschaos(server, "record", "start");
      assertThat(again.status()).isEqualTo(2);
      assertThat(again.err()).contains("a recording is already on");

      JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7);
      assertThat(wschaos(server, "record", "show").out()).contains("type: conversation");

      Path file = dir.resolve("recorded.yaml");
      Result stopped = wschaos(server, "record", "stop", "--out", file.toString());
      assertThat(stopped.status()).as(stopped.err()).isZero();
      assertThat(stopped.out()).contains("plan written to " + file.toAbsolutePath() + " (recording off)");
      assertThat(PlanLoader.load(file).behaviour()).isNotNull();
      assertThat(Files.readString(file)).contains("type: auth");

      AdminClient admin = AdminClient.create(server.adminUrl());
      assertThat(admin.recording().on()).isFalse();
      Assertions.assertThatThrownBy(admin::stopRecording).isInstanceOf(AdminException.class)
          .hasMessageContaining("no recording is on");
      assertThat(admin.startRecording().on()).isTrue();
      assertThat(admin.stopRecording().yaml()).contains("type: conversation");
    }
  }
}
