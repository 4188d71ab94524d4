package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeChooserTest {

  private static final List<String> NODES = List.of("ws://a:1", "ws://a:2", "ws://a:3");

  private static NodeChooser chooser(long user, long seed) {
    SplittableRandom random = new SplittableRandom(seed + user);
    return new NodeChooser(NODES, user, random::nextDouble);
  }

  @Test
  void firstConnectsSpreadUsersEvenly() {
    Map<String, Integer> counts = new HashMap<>();
    for (long user = 0; user < 3_001; user++) {
      counts.merge(chooser(user, 42).first(), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(NODES);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1_000, 1_001));
  }

  @Test
  void aFailedAttemptsNodeIsLeftOutOfTheNextDrawOnly() {
    NodeChooser c = chooser(0, 7);
    assertThat(c.first()).isEqualTo("ws://a:1");
    c.ended(false);
    assertThat(c.excluded()).isEqualTo("ws://a:1");
    for (int i = 0; i < 200; i++) {
      String before = c.current();
      String next = c.next();
      assertThat(next).isNotEqualTo(before);
      c.ended(false);
    }
  }

  @Test
  void reconnectsAfterAServerCloseDrawAmongAllNodesUniformly() {
    NodeChooser c = chooser(1, 3);
    c.first();
    c.ended(true);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      counts.merge(c.next(), 1, Integer::sum);
      c.ended(true);
    }
    assertThat(counts).containsOnlyKeys(NODES);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1_150));
    assertThat(c.excluded()).isNull();
  }

  @Test
  void aSuccessLiftsTheExclusion() {
    NodeChooser c = chooser(2, 5);
    c.first();
    c.ended(false);
    c.next();
    c.ended(true);
    assertThat(c.excluded()).isNull();
  }

  @Test
  void oneNodeIsAlwaysChosenEvenAfterItFailed() {
    NodeChooser c = new NodeChooser(List.of("ws://only:1"), 5, () -> 0.99);
    c.first();
    c.ended(false);
    assertThat(c.next()).isEqualTo("ws://only:1");
  }

  @Test
  void theSameSeedDrawsTheSameNodes() {
    assertThat(draws(chooser(9, 42))).isEqualTo(draws(chooser(9, 42))).isNotEqualTo(draws(chooser(9, 43)));
  }

  @Test
  void noNodesIsRefused() {
    assertThatThrownBy(() -> new NodeChooser(List.of(), 0, () -> 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBuilderRefusesUrlsThatAreNotWebSocketUrls() {
    assertThatThrownBy(() -> WsClient.builder("/feed").nodes(List.of("ws://a:1", "http://a:2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://a:2")
        .hasMessageContaining("ws://host:port");
    assertThat(WsClient.builder("/feed").nodes(List.of("ws://a:1/", " wss://a:2 ")).build().nodes())
        .containsExactly("ws://a:1", "wss://a:2");
  }

  private static List<String> draws(NodeChooser c) {
    List<String> out = new ArrayList<>(List.of(c.first()));
    for (int i = 0; i < 20; i++) {
      c.ended(i % 3 == 0);
      out.add(c.next());
    }
    return out;
  }
}
