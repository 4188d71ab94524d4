package dev.wschaos.simulator.examples;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.plan.PlanLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Example: wschaos speaks a made-up chat protocol (the plan {@code conversations/chat.yaml}: hello, auth -> ready,
 * subscribe -> a feed of room events, resume with lastSeq). The client's connection is dropped (1006) once events
 * flow; it must reconnect, authenticate again, resume from the last event it saw and miss none.
 */
class ChatResumeAfterDropAcceptanceTest {

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder()
      .plan(PlanLoader.load(Path.of("src/test/resources/conversations/chat.yaml")))
      .build();

  @Test
  void authenticatesSubscribesAndResumesWithoutAGapAfterADrop() {
    Chaos chaos = wschaos.chaos();
    List<Long> events;
    try (ChatClient chat = ChatClient.to(wschaos.wsUrl("/chat"), "c1", "lobby").start()) {
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.events().size() >= 5);
        chaos.now().forClient("c1").dropAll();
        chaos.awaitClient("c1").reconnected();
        int atReconnect = chat.events().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.events().size() >= atReconnect + 10);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nthe client's log: " + chat.log(), e);
      }
      events = chat.events();
      assertThat(chat.subprotocol()).isEqualTo("chat.v2");
      assertThat(chat.readies()).as("ready on both connections").isEqualTo(2);
      assertThat(chat.log()).anySatisfy(line -> assertThat(line).startsWith("> {\"type\":\"resume\""));
    }

    assertThat(events).as("every event once, in order: no gap across the drop")
        .isEqualTo(LongStream.rangeClosed(1, events.get(events.size() - 1)).boxed().toList());
    assertThat(chaos.client("c1")).reconnectedTimes(1).hasNoFindings();
  }
}
