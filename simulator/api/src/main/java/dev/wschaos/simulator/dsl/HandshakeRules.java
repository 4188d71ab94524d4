package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.handshake.AbortFault;
import dev.wschaos.simulator.fault.handshake.BadAcceptFault;
import dev.wschaos.simulator.fault.handshake.MangledUpgradeFault;
import dev.wschaos.simulator.fault.handshake.NginxErrorFault;
import dev.wschaos.simulator.fault.handshake.RawResponseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.handshake.SlowHandshakeFault;
import dev.wschaos.simulator.fault.handshake.SlowHeadersFault;
import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.fault.handshake.SubprotocolMismatchFault;
import dev.wschaos.simulator.fault.handshake.WrongStatusFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Rule;
import java.time.Duration;

/**
 * A handshake rule being written: narrow the match, then name the fault. Every fault verb puts the rule in the
 * running plan at once and returns its {@link ChaosRule} handle.
 *
 * <pre>{@code
 * chaos.onHandshake().forClient("c1").attempt(1).reject(503).retryAfter(Duration.ofSeconds(2));
 * chaos.onHandshake().attempts(2, 3).slowHandshake(Duration.ofSeconds(2));
 * ChaosRule stalled = chaos.onHandshake().withProbability(0.1).stall();
 * }</pre>
 */
public final class HandshakeRules extends MatchBuilder<HandshakeRules> {

  HandshakeRules(Chaos chaos, Match match) {
    super(chaos, match);
  }

  @Override
  HandshakeRules self() {
    return this;
  }

  /** Refuse the upgrade with {@code status}; refine with {@code retryAfter}, {@code header}, {@code body}. */
  public RejectRule reject(int status) {
    return new RejectRule(chaos, chaos.add(new Rule(null, match, null, RejectFault.status(status))));
  }

  /** Never answer the upgrade ({@code stall}). */
  public ChaosRule stall() {
    return install(StallFault.forever());
  }

  /** Never answer the upgrade; close TCP after {@code duration} ({@code stall}). */
  public ChaosRule stallFor(Duration duration) {
    return install(new StallFault(duration));
  }

  /** Answer the upgrade normally, but only after {@code delay} ({@code slow-handshake}). */
  public ChaosRule slowHandshake(Duration delay) {
    return install(new SlowHandshakeFault(delay));
  }

  /** Close TCP without any response (FIN) ({@code abort}). */
  public ChaosRule abort() {
    return install(AbortFault.fin());
  }

  /** Close TCP without any response, with a RST ({@code abort}). */
  public ChaosRule abortWithReset() {
    return install(AbortFault.withReset());
  }

  /** Answer 101 with a wrong Sec-WebSocket-Accept ({@code bad-accept}). */
  public ChaosRule badAccept() {
    return install(BadAcceptFault.wrongAccept());
  }

  /** Accept announcing a subprotocol the client did not offer ({@code subprotocol-mismatch}). */
  public ChaosRule unexpectedSubprotocol() {
    return install(SubprotocolMismatchFault.unexpected());
  }

  /** Accept announcing {@code protocol}, which the client did not offer ({@code subprotocol-mismatch}). */
  public ChaosRule unexpectedSubprotocol(String protocol) {
    return install(SubprotocolMismatchFault.unexpected(protocol));
  }

  /** Accept announcing no subprotocol although the client offered some ({@code subprotocol-mismatch}). */
  public ChaosRule missingSubprotocol() {
    return install(SubprotocolMismatchFault.missing());
  }

  /** Answer {@code status} instead of 101, e.g. 200 with an SPA's index.html ({@code wrong-status}). */
  public ChaosRule wrongStatus(int status) {
    return install(WrongStatusFault.status(status));
  }

  /** Answer as nginx does when it cannot proxy the upgrade: its own error page, e.g. 502 ({@code nginx-error}). */
  public ChaosRule nginxError(int status) {
    return install(NginxErrorFault.status(status));
  }

  /**
   * Answer 101 without the named headers, e.g. {@code "Upgrade"} or {@code "Connection"}, as a proxy that drops them
   * does ({@code mangled-upgrade}).
   */
  public ChaosRule mangledUpgrade(String... omittedHeaders) {
    return install(MangledUpgradeFault.omitting(omittedHeaders));
  }

  /** Answer with exactly these bytes (text), e.g. a banner of another protocol ({@code raw-response}). */
  public ChaosRule rawResponse(String text) {
    return install(RawResponseFault.text(text));
  }

  /** Send a healthy 101 one header line every {@code interval}, as a congested proxy does ({@code slow-headers}). */
  public ChaosRule slowHeaders(Duration interval) {
    return install(new SlowHeadersFault(interval));
  }

  /** Any handshake fault, e.g. one built with a fault's own factories or added by a newer plan model. */
  public ChaosRule fault(HandshakeFault fault) {
    return install(fault);
  }

  private ChaosRule install(HandshakeFault fault) {
    return new ChaosRule(chaos, chaos.add(new Rule(null, match, null, fault)));
  }
}
