package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.handshake.AbortFault;
import dev.wschaos.simulator.fault.handshake.BadAcceptFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.fault.handshake.SubprotocolMismatchFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Rule;
import java.time.Duration;

/** A handshake rule being written: narrow the match, then name the fault. */
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
    RejectRule rule = new RejectRule(chaos, chaos.nextRuleName(), match, RejectFault.status(status));
    rule.install();
    return rule;
  }

  /** Never answer the upgrade. */
  public String stall() {
    return install(StallFault.forever());
  }

  /** Never answer the upgrade; close TCP after {@code duration}. */
  public String stallFor(Duration duration) {
    return install(new StallFault(duration));
  }

  /** Close TCP without any response (FIN). */
  public String abort() {
    return install(new AbortFault(false));
  }

  /** Close TCP without any response, with a RST. */
  public String abortWithReset() {
    return install(new AbortFault(true));
  }

  /** Answer 101 with a wrong Sec-WebSocket-Accept. */
  public String badAccept() {
    return install(new BadAcceptFault(null));
  }

  /** Accept announcing a subprotocol the client did not offer. */
  public String unexpectedSubprotocol() {
    return install(new SubprotocolMismatchFault(SubprotocolMismatchFault.Mode.UNEXPECTED, null));
  }

  /** Accept announcing no subprotocol although the client offered some. */
  public String missingSubprotocol() {
    return install(new SubprotocolMismatchFault(SubprotocolMismatchFault.Mode.MISSING, null));
  }

  private String install(HandshakeFault fault) {
    String name = chaos.nextRuleName();
    chaos.put(new Rule(name, match, null, fault));
    return name;
  }
}
