package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.DropAction;
import dev.wschaos.simulator.fleet.OutageAction;
import dev.wschaos.simulator.fleet.ResetAction;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Fleet actions run at once on the connections open now (see {@code docs/fleet.md}). Narrow with {@code forClient},
 * {@code onPath}, ..., and {@link #spreadOver}, then name the action; it runs when named.
 *
 * <pre>{@code
 * chaos.now().closeAll(1012);
 * chaos.now().spreadOver(Duration.ofSeconds(2)).closeAll(1012, "rolling restart");
 * chaos.now().forClient("mobile-*").drop(percent(30));
 * chaos.now().outage(Duration.ofSeconds(5));
 * }</pre>
 */
public final class FleetNow extends MatchBuilder<FleetNow> {

  private Duration spread;

  FleetNow(Chaos chaos) {
    super(chaos, Match.ANY);
  }

  @Override
  FleetNow self() {
    return this;
  }

  /** Spread the strikes evenly over {@code window}, as a rolling deploy does (default: all at once). */
  public FleetNow spreadOver(Duration window) {
    this.spread = window;
    return this;
  }

  /** Close every selected connection with {@code code}. */
  public ActionResult closeAll(int code) {
    return closeAll(code, "");
  }

  /** Close every selected connection with {@code code} and {@code reason}. */
  public ActionResult closeAll(int code, String reason) {
    return closeSome(Share.all(), code, reason);
  }

  /** Close a share of the selected connections with {@code code} and {@code reason}. */
  public ActionResult closeSome(Share share, int code, String reason) {
    return chaos.target().act(new CloseAction(code, reason, share.share, share.count, match(), spread));
  }

  /** Drop (TCP FIN, no close frame: clients see 1006) a share of the selected connections. */
  public ActionResult drop(Share share) {
    return chaos.target().act(new DropAction(share.share, share.count, match(), spread));
  }

  /** Drop every selected connection. */
  public ActionResult dropAll() {
    return drop(Share.all());
  }

  /** Reset (TCP RST) a share of the selected connections. */
  public ActionResult reset(Share share) {
    return chaos.target().act(new ResetAction(share.share, share.count, match(), spread));
  }

  /** Reset every selected connection. */
  public ActionResult resetAll() {
    return reset(Share.all());
  }

  /** Drop every connection and refuse new ones for {@code duration}, then listen again on the same port. */
  public ActionResult outage(Duration duration) {
    return chaos.target().act(OutageAction.lasting(duration));
  }

  private Match match() {
    return match == Match.ANY ? null : match;
  }
}
