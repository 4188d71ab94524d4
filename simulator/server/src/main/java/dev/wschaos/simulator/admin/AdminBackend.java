package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.analytics.AnalyticsSettings;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.ReportQuery;
import dev.wschaos.simulator.cluster.ClusterNode;
import dev.wschaos.simulator.dsl.ChaosTarget;
import dev.wschaos.simulator.journal.EventHub;
import dev.wschaos.simulator.journal.Journal;
import dev.wschaos.simulator.metrics.ChaosMetrics;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.server.ProxyRecorder;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What the admin API drives: a simulator as every {@link ChaosTarget} offers it, plus what only a server in this JVM
 * can tell. {@code WsChaosServer} implements it; the admin routes know nothing else of the server.
 */
public interface AdminBackend extends ChaosTarget {

  /** Add {@code rule} at {@code position} in the plan's rules (0: first), as an edit. @return the rule with its name */
  Rule addRule(Rule rule, int position);

  /** Put {@code policy} in place of the plan's {@code tls:} section, as an edit. */
  void replaceTls(TlsPolicy policy);

  /**
   * Completes once the latest TLS change is in force on the wss port (at once without TLS): an admin route answers
   * only then, so that the next handshake after its answer meets the new profile.
   */
  default Future<?> tlsSettled() {
    return Future.succeededFuture();
  }

  /** When the plan in force was installed: its timeline's offsets count from here. */
  Instant planStartedAt();

  /** The seed probabilities draw from. */
  long seed();

  /** Whether the WebSocket port listens (false during an outage). */
  boolean listening();

  /** {@code ws://host:port/}. */
  URI wsUrl();

  /** The in-memory journal, or {@code null} when it is off. */
  Journal journal();

  /** Every event as it happens (the web console counts them per second). */
  EventHub events();

  /** The Prometheus metrics, or {@code null} when there are none. */
  ChaosMetrics metrics();

  /** The analytics settings the plan in force implies (its conversation's close-code convention, ticker resume). */
  AnalyticsSettings analyticsSettings();

  /** The reconnect report under {@code settings}. */
  ReconnectReport reconnectReport(AnalyticsSettings settings);

  @Override
  default ReconnectReport reconnectReport(ReportQuery query) {
    return reconnectReport(query.applyTo(analyticsSettings()));
  }

  /** Records proxied sessions into a conversation plan (the admin API's {@code /record}). */
  ProxyRecorder recorder();

  /** This simulator as a node of a cluster (fleet actions then go to every node), or empty when it runs alone. */
  default Optional<ClusterNode> cluster() {
    return Optional.empty();
  }
}
