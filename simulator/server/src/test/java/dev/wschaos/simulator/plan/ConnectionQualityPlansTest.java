package dev.wschaos.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.fault.connection.NoPongFault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fault.message.DuplicateMessagesFault;
import dev.wschaos.simulator.fault.shaping.SlowLinkFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionQualityPlansTest {

  @ParameterizedTest
  @ValueSource(strings = {"half-open-zombies", "no-pong", "slow-network", "protocol-violations", "message-loss"})
  void builtInPlanLoadsValidatesAndRoundTrips(String name) {
    assertThat(PlanCatalog.NAMES).contains(name);
    Plan plan = PlanCatalog.load(name);
    assertThat(plan.name()).isEqualTo(name);
    assertThat(plan.description()).isNotBlank();
    assertThat(plan.validate()).isEmpty();
    for (Rule rule : plan.rules()) {
      assertThat(PlanLoader.toJson(plan)).contains("\"type\" : \"" + rule.fault().type() + "\"");
    }
  }

  @Test
  void halfOpenZombiesStrikeAQuarterAfterARandomTime() {
    Rule rule = PlanCatalog.load("half-open-zombies").rules().get(0);
    assertThat(rule.match().probability()).isEqualTo(0.25);
    assertThat(rule.fault()).isEqualTo(new HalfOpenFault(Duration.ofSeconds(30), Duration.ofMinutes(2)));
  }

  @Test
  void noPongAndSlowNetworkAndMessageLossCarryTheirFaults() {
    assertThat(PlanCatalog.load("no-pong").rules().get(0).fault()).isInstanceOf(NoPongFault.class);
    SlowLinkFault link = (SlowLinkFault) PlanCatalog.load("slow-network").rules().get(0).fault();
    assertThat(link.delay()).isEqualTo(Duration.ofMillis(150));
    assertThat(link.jitter()).isEqualTo(Duration.ofMillis(100));
    assertThat(link.bytesPerSecond()).isEqualTo(32768);
    Plan loss = PlanCatalog.load("message-loss");
    assertThat(loss.behaviour()).isInstanceOf(TickerBehaviour.class);
    assertThat(loss.rules()).extracting(Rule::fault)
        .hasExactlyElementsOfTypes(DropMessagesFault.class, DuplicateMessagesFault.class);
  }

  @Test
  void protocolViolationsCoverEachViolation() {
    List<String> types = PlanCatalog.load("protocol-violations").rules().stream().map(r -> r.fault().type()).toList();
    assertThat(types).containsExactly("invalid-utf8", "masked-frame", "reserved-bits", "bad-opcode",
        "fragmented-control", "oversize");
  }

  @Test
  void heartbeatIsOffByDefaultAndParsedWhenSet() {
    assertThat(Plan.healthy().heartbeat()).isNull();
    Plan plan = PlanLoader.parse("heartbeat: {interval: 10s}", "t");
    assertThat(plan.heartbeat()).isEqualTo(new Heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Heartbeat.OnTimeout.CLOSE));
    assertThat(PlanLoader.toYaml(plan)).contains("heartbeat:");
  }
}
