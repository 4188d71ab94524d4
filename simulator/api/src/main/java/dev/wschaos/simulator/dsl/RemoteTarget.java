package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.AdminException;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsProfile;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ChaosTarget} for a simulator reached through its admin API. */
final class RemoteTarget implements ChaosTarget {

  private final AdminClient admin;

  RemoteTarget(AdminClient admin) {
    this.admin = Objects.requireNonNull(admin, "admin");
  }

  @Override
  public Plan plan() {
    return admin.plan();
  }

  @Override
  public void replacePlan(Plan plan) {
    admin.replacePlan(plan);
  }

  @Override
  public Rule addRule(Rule rule) {
    return admin.addRule(rule);
  }

  @Override
  public boolean putRule(Rule rule) {
    return admin.putRule(rule);
  }

  @Override
  public boolean removeRule(String name) {
    return admin.removeRule(name);
  }

  @Override
  public void clearRules() {
    admin.clearRules();
  }

  @Override
  public void replaceBehaviour(Behaviour behaviour) {
    admin.replaceBehaviour(behaviour);
  }

  @Override
  public void replaceLimits(Limits limits) {
    if (limits == null) {
      admin.clearLimits();
    } else {
      admin.replaceLimits(limits);
    }
  }

  @Override
  public void replaceHandshake(HandshakePolicy policy) {
    admin.replaceHandshake(policy);
  }

  /** Reads the plan's TLS section and puts it back with {@code profile}: SNI host names other writers set meanwhile may be lost. */
  @Override
  public void switchTlsProfile(TlsProfile profile) {
    admin.replaceTls(admin.plan().tls().withProfile(profile));
  }

  @Override
  public void forgetClients() {
    admin.forgetClients();
  }

  @Override
  public ActionResult act(FleetAction action) {
    return admin.act(action);
  }

  @Override
  public List<ConnectionInfo> connections() {
    return admin.connections();
  }

  @Override
  public Optional<ClientReport> client(String clientId) {
    return admin.reconnectClient(clientId);
  }

  @Override
  public void reset() {
    admin.reset();
  }

  @Override
  public ReconnectReport reconnectReport() {
    return admin.reconnectReport();
  }

  @Override
  public ReconnectReport reconnectReport(dev.wschaos.simulator.analytics.ReportQuery query) {
    return admin.reconnectReport(query);
  }

  @Override
  public int openConnections() {
    return admin.health().openConnections();
  }

  @Override
  public Optional<String> tlsCaPem() {
    try {
      return Optional.of(admin.caPem());
    } catch (AdminException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<URI> nodeUrls() {
    return admin.nodeUrls();
  }

  @Override
  public String describe() {
    return "remote simulator " + admin.url();
  }
}
