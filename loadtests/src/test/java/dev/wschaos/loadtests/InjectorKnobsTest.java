package dev.wschaos.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The knobs of a run shared by several injectors and nodes: -Dinjector, -DstartAt, -Dtarget. */
class InjectorKnobsTest {

  private static final long NOW = 1_800_000_000_000L;

  @Test
  void sharesAddUpToTheTotalAndDifferByAtMostOne() {
    int[] shares = IntStream.rangeClosed(1, 3).map(k -> new InjectorShare(k, 3).users(30_001)).toArray();

    assertThat(shares).containsExactly(10_001, 10_000, 10_000);
    assertThat(IntStream.rangeClosed(1, 7).map(k -> new InjectorShare(k, 7).users(100)).sum()).isEqualTo(100);
    assertThat(InjectorShare.parse(null).users(1_000)).isEqualTo(1_000);
  }

  @Test
  void severalInjectorsHaveDisjointClientIdsAndFilesOfTheirOwn() {
    InjectorShare two = InjectorShare.parse(" 2/3 ");

    assertThat(two.clientPrefix("rolling-restart-1012")).isEqualTo("rolling-restart-1012-i2-");
    assertThat(InjectorShare.parse("3/3").clientPrefix("x")).isEqualTo("x-i3-");
    assertThat(two.fileSuffix()).isEqualTo("-injector-2-of-3");
    assertThat(two.describe(30_000)).isEqualTo("injector 2 of 3, 10,000 of 30,000 users");
    assertThat(two.leads()).isFalse();
    assertThat(InjectorShare.parse("1/3").leads()).isTrue();
  }

  @Test
  void oneInjectorKeepsTodaysNames() {
    InjectorShare sole = InjectorShare.parse("1/1");

    assertThat(sole).isEqualTo(InjectorShare.SOLE).isEqualTo(InjectorShare.parse(""));
    assertThat(sole.clientPrefix("overload-1013")).isEqualTo("overload-1013-");
    assertThat(sole.fileSuffix()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0/3", "4/3", "2/0", "a/3", "2/3/4", "-1/2"})
  void badInjectorValuesAreRefusedWithTheForm(String text) {
    assertThatThrownBy(() -> InjectorShare.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dinjector=").hasMessageContaining("2/3");
  }

  @Test
  void fewerUsersThanInjectorsIsRefused() {
    assertThatThrownBy(() -> new InjectorShare(1, 3).users(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dusers=2").hasMessageContaining("3 injectors");
  }

  @Test
  void startAtIsRequiredWithSeveralInjectorsAndOptionalWithOne() {
    assertThat(StartAt.parse(null, InjectorShare.SOLE, NOW)).isZero();
    assertThat(StartAt.parse(Long.toString(NOW + 30_000), InjectorShare.parse("2/3"), NOW)).isEqualTo(NOW + 30_000);
    assertThat(StartAt.parse(Long.toString(NOW - 2_000), InjectorShare.parse("2/3"), NOW)).isEqualTo(NOW - 2_000);
    assertThatThrownBy(() -> StartAt.parse(" ", InjectorShare.parse("2/3"), NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs -DstartAt=EPOCH_MILLIS");
  }

  @Test
  void aStartLongPastOrNotANumberIsRefused() {
    assertThatThrownBy(() -> StartAt.parse(Long.toString(NOW - 60_000), InjectorShare.parse("1/2"), NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60.0 s in the past");
    assertThatThrownBy(() -> StartAt.parse("tomorrow", InjectorShare.parse("1/2"), NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not epoch milliseconds");
  }

  @Test
  void targetsAreEmbeddedClusterOrWebSocketUrls() {
    assertThat(TargetSpec.parse(null).kind()).isEqualTo(TargetSpec.Kind.EMBEDDED);
    assertThat(TargetSpec.parse("cluster").kind()).isEqualTo(TargetSpec.Kind.CLUSTER);
    TargetSpec three = TargetSpec.parse("ws://127.0.0.1:8080/, ws://127.0.0.1:8090,wss://127.0.0.1:8443");
    assertThat(three.kind()).isEqualTo(TargetSpec.Kind.URLS);
    assertThat(three.urls()).containsExactly("ws://127.0.0.1:8080", "ws://127.0.0.1:8090", "wss://127.0.0.1:8443");
    assertThat(TargetSpec.parse("ws://h:1").urls()).containsExactly("ws://h:1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws://h:1,http://h:2", "ws://h:1,", "localhost:8080", "Embedded"})
  void aTargetThatIsNotAWebSocketUrlIsRefusedNamingIt(String text) {
    assertThatThrownBy(() -> TargetSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dtarget=" + text).hasMessageContaining("is not a ws:// or wss:// URL");
  }

  @Test
  void aNodeListedTwiceIsRefused() {
    assertThatThrownBy(() -> TargetSpec.parse("ws://h:1,ws://h:1/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listed twice");
  }

  @Test
  void theClusterAnswerGivesEachNodesUrls() {
    String json = """
        {"name":"wschaos","plan":"4@x","nodes":[
          {"index":1,"id":"a","address":"127.0.0.1:5701","self":true,
           "urls":{"ws":"ws://127.0.0.1:8080/","admin":"http://127.0.0.1:8081"}},
          {"index":2,"id":"b","address":"127.0.0.1:5702","self":false,"urls":{"ws":"ws://127.0.0.1:8090/"}}]}
        """;

    assertThat(ClusterView.read(json, "test")).containsExactly(
        new ClusterView.Node(1, "ws://127.0.0.1:8080", "http://127.0.0.1:8081"),
        new ClusterView.Node(2, "ws://127.0.0.1:8090", null));
  }

  @Test
  void aNodeStillStartingIsNamed() {
    String json = """
        {"nodes":[{"index":3,"address":"127.0.0.1:5703","self":false}]}
        """;

    assertThatThrownBy(() -> ClusterView.read(json, "http://h:1/cluster"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 3 (127.0.0.1:5703)")
        .hasMessageContaining("still starting");
  }

  @Test
  void aSimulatorThatIsNotClusteredHasNoClusterView() {
    try (WsChaosServer server = WsChaosServer.builder().adminPort(0).start()) {
      assertThat(ClusterView.fetch(server.adminUrl().toString(), null)).isEmpty();
    }
  }
}
