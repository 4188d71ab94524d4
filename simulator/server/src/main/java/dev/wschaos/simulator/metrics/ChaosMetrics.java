package dev.wschaos.simulator.metrics;

import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.journal.JournalEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The simulator's Prometheus metrics, fed by the event journal (see {@code docs/admin-api.md#metrics}):
 *
 * <pre>
 *   wschaos_connections_open                                    gauge
 *   wschaos_handshakes_total{outcome="accepted|rejected",status} counter (status "none": no HTTP answer)
 *   wschaos_closes_total{code,initiator="server|client|upstream"} counter (code 1006: no close frame)
 *   wschaos_faults_total{type}                                  counter (fault type, "capacity"... for limits)
 *   wschaos_messages_total{direction="in|out"}                  counter
 *   wschaos_fleet_actions_total                                 counter
 *   wschaos_journal_overflow_total                              counter
 * </pre>
 */
public final class ChaosMetrics implements Consumer<JournalEvent> {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Supplier<Collection<? extends FleetMember>> members;
  private final LongAdder closedIn = new LongAdder();
  private final LongAdder closedOut = new LongAdder();
  private final Counter accepted;
  private final Counter fleetActions;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ChaosMetrics(Supplier<Collection<? extends FleetMember>> members, LongSupplier journalOverflow) {
    this.members = members;
    Gauge.builder("wschaos.connections.open", () -> members.get().size())
        .description("open WebSocket connections").register(registry);
    FunctionCounter.builder("wschaos.messages", this, m -> m.messages(true)).tag("direction", "in")
        .description("WebSocket messages received from clients").register(registry);
    FunctionCounter.builder("wschaos.messages", this, m -> m.messages(false)).tag("direction", "out")
        .description("WebSocket messages sent to clients").register(registry);
    FunctionCounter.builder("wschaos.journal.overflow", journalOverflow, LongSupplier::getAsLong)
        .description("journal events dropped because the ring buffer was full").register(registry);
    accepted = handshakes("accepted", "101");
    fleetActions = Counter.builder("wschaos.fleet.actions").description("fleet actions and timeline steps")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void accept(JournalEvent e) {
    switch (e.type()) {
      case OPENED -> accepted.increment();
      case UPGRADE_REJECTED -> {
        String status = e.status() == null ? "none" : e.status().toString();
        counters.computeIfAbsent("r" + status, k -> handshakes("rejected", status)).increment();
      }
      case FAULT_APPLIED -> counters.computeIfAbsent("f" + e.fault(), k -> Counter.builder("wschaos.faults")
          .description("faults applied, by fault type").tag("type", String.valueOf(e.fault())).register(registry))
          .increment();
      case CLOSED -> {
        String code = e.code() == null ? "none" : e.code().toString();
        String initiator = String.valueOf(e.initiator());
        counters.computeIfAbsent("c" + code + initiator, k -> Counter.builder("wschaos.closes")
            .description("connections closed, by close code and who ended them")
            .tag("code", code).tag("initiator", initiator).register(registry)).increment();
        closedIn.add(e.messagesIn() == null ? 0 : e.messagesIn());
        closedOut.add(e.messagesOut() == null ? 0 : e.messagesOut());
      }
      case FLEET_ACTION -> fleetActions.increment();
      default -> { }
    }
  }

  private Counter handshakes(String outcome, String status) {
    return Counter.builder("wschaos.handshakes").description("WebSocket upgrade requests answered, by outcome")
        .tag("outcome", outcome).tag("status", status).register(registry);
  }

  private double messages(boolean in) {
    long total = in ? closedIn.sum() : closedOut.sum();
    for (FleetMember member : members.get()) {
      ConnectionInfo info = member.info();
      total += in ? info.messagesIn() : info.messagesOut();
    }
    return total;
  }
}
