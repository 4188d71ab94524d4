package dev.wschaos.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.fault.UpstreamClose;
import dev.wschaos.simulator.fault.connection.CloseFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamPlanTest {

  @Test
  void upstreamsBindWithDefaultsAndRoundTrip() {
    Plan plan = PlanLoader.parse("""
        name: proxied
        upstreams:
          - url: wss://chat.dev.example:8443/base
            match: {path: "/chat/*"}
            forwardHeaders: [Authorization, Origin]
            connectTimeout: 2s
            tls: {trust: insecure}
          - url: ws://127.0.0.1:9000
        """, "proxied.yaml");
    Upstream chat = plan.upstreams().get(0);
    assertThat(chat.forwardHeaders()).containsExactly("Authorization", "Origin");
    assertThat(chat.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(chat.tls().trust()).isEqualTo(UpstreamTls.Trust.INSECURE);
    Upstream fallback = plan.upstreams().get(1);
    assertThat(fallback.forwardHeaders()).isEqualTo(Upstream.DEFAULT_HEADERS);
    assertThat(fallback.connectTimeout()).isEqualTo(Upstream.DEFAULT_CONNECT_TIMEOUT);
    assertThat(fallback.tls().trust()).isEqualTo(UpstreamTls.Trust.JDK);

    assertThat(plan.upstreamFor("/chat/room1")).isSameAs(chat);
    assertThat(plan.upstreamFor("/feed")).as("first match wins; * takes the rest").isSameAs(fallback);
    assertThat(Plan.named("p").upstreamFor("/chat/room1")).as("no upstreams: the behaviour serves").isNull();

    String yaml = PlanLoader.toYaml(plan);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "round trip"))).isEqualTo(yaml);
    assertThat(PlanLoader.toYaml(Plan.named("p"))).doesNotContain("upstreams");
  }

  @Test
  void badUpstreamsAreReportedWithLineFieldAndWhatIsAllowed() {
    InvalidPlanException e = parseFailure("""
        name: bad
        upstreams:
          - url: http://chat.dev.example
            forwardHeaders: [Authorization, Sec-WebSocket-Key, "bad header"]
            connectTimeout: 0s
          - url: ws://127.0.0.1:9000?x=1
            tls: {trust: ca-pem}
          - url: ws://127.0.0.1:9000
            tls: {trust: jdk, caPem: ca.pem}
        """);
    assertThat(e.problems()).extracting(PlanProblem::toString).containsExactly(
        "bad.yaml:3:5: upstreams[0].url: 'http://chat.dev.example' must start with ws:// or wss://",
        "bad.yaml:4:37: upstreams[0].forwardHeaders[1]: Sec-WebSocket-Key belongs to the handshake itself and is "
            + "never copied; the subprotocol offer is always forwarded",
        "bad.yaml:4:56: upstreams[0].forwardHeaders[2]: 'bad header' is not an HTTP header name",
        "bad.yaml:5:5: upstreams[0].connectTimeout: must be at least 1ms",
        "bad.yaml:6:5: upstreams[1].url: 'ws://127.0.0.1:9000?x=1' must not have a query or fragment: the "
            + "client's query is forwarded",
        "bad.yaml:7:5: upstreams[1].tls.caPem: trust: ca-pem needs caPem, the CA certificate file (PEM)",
        "bad.yaml:9:23: upstreams[2].tls.caPem: is only read with trust: ca-pem (trust is jdk)");
  }

  @Test
  void anUnknownTrustNamesTheAllowedValues() {
    assertThat(parseFailure("upstreams:\n  - url: ws://h:1\n    tls: {trust: none}\n").getMessage())
        .contains("upstreams[0].tls.trust", "jdk", "ca-pem", "insecure");
  }

  @Test
  void anUpstreamNeedsAUrl() {
    assertThat(parseFailure("upstreams:\n  - match: {path: /x}\n").getMessage()).contains("url");
    assertThat(Plan.named("p").withUpstreams(List.of(Upstream.to(" "))).validate())
        .extracting(PlanProblem::toString).singleElement().asString().contains("upstreams[0].url: is required");
  }

  @Test
  void aCloseFaultChoosesWhatTheUpstreamSeesAndAnUnknownChoiceNamesTheAllowedOnes() {
    Plan plan = PlanLoader.parse("""
        rules:
          - fault: {type: close, code: 1012, reason: restart, upstream: same}
          - fault: {type: close, code: 1001, upstream: keep}
          - fault: {type: close, code: 1000}
        """, "close.yaml");
    assertThat(plan.rules()).extracting(rule -> ((CloseFault) rule.fault()).upstream())
        .containsExactly(UpstreamClose.SAME, UpstreamClose.KEEP, null);
    String yaml = PlanLoader.toYaml(plan);
    assertThat(yaml).contains("upstream: same", "upstream: keep");
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "round trip"))).isEqualTo(yaml);

    assertThat(parseFailure("rules:\n  - fault: {type: close, code: 1012, upstream: later}\n").getMessage())
        .contains("rules[0].fault.upstream", "going-away", "same", "keep");
  }

  private static InvalidPlanException parseFailure(String yaml) {
    try {
      PlanLoader.parse(yaml, "bad.yaml", PlanLoader.Format.YAML);
    } catch (InvalidPlanException e) {
      return e;
    }
    throw new AssertionError("plan was accepted:\n" + yaml);
  }
}
