package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link ChaosTarget} for a simulator in this JVM. */
final class EmbeddedTarget implements ChaosTarget {

  private final WsChaosServer server;

  EmbeddedTarget(WsChaosServer server) {
    this.server = Objects.requireNonNull(server, "server");
  }

  @Override
  public Plan plan() {
    return server.plan();
  }

  @Override
  public void replacePlan(Plan plan) {
    server.replacePlan(plan);
  }

  @Override
  public Rule addRule(Rule rule) {
    return server.addRule(rule);
  }

  @Override
  public boolean putRule(Rule rule) {
    return server.putRule(rule);
  }

  @Override
  public boolean removeRule(String name) {
    return server.removeRule(name);
  }

  @Override
  public void clearRules() {
    server.clearRules();
  }

  @Override
  public void switchTlsProfile(TlsProfile profile) {
    server.switchTlsProfile(profile);
  }

  @Override
  public void forgetClients() {
    server.forgetClients();
  }

  @Override
  public ActionResult act(FleetAction action) {
    return server.act(action);
  }

  @Override
  public List<ConnectionInfo> connections() {
    return server.connections();
  }

  @Override
  public Optional<ClientReport> client(String clientId) {
    return server.reconnectReport().client(clientId);
  }

  @Override
  public void reset() {
    server.reset();
  }

  @Override
  public AutoCloseable onChange(Runnable wakeUp) {
    Consumer<JournalEvent> listener = event -> wakeUp.run();
    server.events().listen(listener);
    return () -> server.events().unlisten(listener);
  }
}
