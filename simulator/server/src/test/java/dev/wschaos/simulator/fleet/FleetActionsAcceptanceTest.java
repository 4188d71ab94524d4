package dev.wschaos.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.Fleet;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FleetActionsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer start(Plan plan) {
    return WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1)).start();
  }

  private static void awaitOpen(WsChaosServer server, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> server.openConnections() == count);
  }

  private static void awaitAllClosed(List<Fleet.Member> members) {
    CompletableFuture.allOf(members.stream().map(m -> m.closed).toArray(CompletableFuture[]::new))
        .orTimeout(20, TimeUnit.SECONDS).join();
  }

  @Test
  void spreadCloseOf500LandsWithinTheWindowAndEveryClientSees1012() throws Exception {
    try (WsChaosServer server = start(Plan.healthy()); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl("/feed"), "c", 500);
      awaitOpen(server, 500);
      long start = System.nanoTime();
      ActionResult result = server.act(CloseAction.all(1012, "rolling restart").spreadOver(Duration.ofSeconds(2)));
      assertThat(result.selected()).isEqualTo(500);
      awaitAllClosed(members);

      assertThat(members).allSatisfy(m -> {
        assertThat(m.closed.join().code()).isEqualTo((short) 1012);
        assertThat(m.closed.join().reason()).isEqualTo("rolling restart");
      });
      List<Double> seconds = members.stream().map(m -> (m.closed.join().atNanos() - start) / 1e9).sorted().toList();
      // spread, not all at once: the last lands near the end of the window, few in the first quarter
      assertThat(seconds.get(seconds.size() - 1)).isBetween(1.5, 5.0);
      long firstQuarter = seconds.stream().filter(s -> s < 0.5).count();
      assertThat(firstQuarter).isBetween(60L, 250L);
      long firstHalf = seconds.stream().filter(s -> s < 1.0).count();
      assertThat(firstHalf).isBetween(180L, 380L);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.journal()
          .query(JournalQuery.all().types(Set.of(EventType.CLOSE_SENT))).events().size() == 500);
    }
  }

  @Test
  void dropAShareLeavesTheRestOpen() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().seed(7L).start(); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "d", 200);
      awaitOpen(server, 200);
      assertThat(server.act(DropAction.share(0.25)).selected()).isEqualTo(50);
      await().atMost(Duration.ofSeconds(10)).until(() -> members.stream().filter(m -> m.closed.isDone()).count() == 50);
      assertThat(members.stream().filter(m -> m.closed.isDone()))
          .allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1006));
      awaitOpen(server, 150);
      assertThat(Fleet.open(members)).isEqualTo(150);
      assertThat(server.journal().query(JournalQuery.all().types(Set.of(EventType.DROPPED))).events()).hasSize(50);
    }
  }

  @Test
  void closeByCountAndByMatchTakeOnlyThoseConnections() throws Exception {
    try (WsChaosServer server = start(Plan.healthy()); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> mobiles = fleet.connectAndWait(server.wsUrl(), "mobile-", 60);
      List<Fleet.Member> desktops = fleet.connectAndWait(server.wsUrl(), "desktop-", 40);
      awaitOpen(server, 100);
      CloseAction mobileOnly = new CloseAction(4001, "mobiles out", null, null, Match.ANY.withClientId("mobile-*"), null);
      assertThat(server.act(mobileOnly).selected()).isEqualTo(60);
      awaitAllClosed(mobiles);
      assertThat(mobiles).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 4001));
      awaitOpen(server, 40);
      assertThat(Fleet.open(desktops)).isEqualTo(40);

      assertThat(server.act(new CloseAction(1001, "", null, 15, null, null)).selected()).isEqualTo(15);
      awaitOpen(server, 25);
      assertThat(desktops.stream().filter(m -> m.closed.isDone()).count()).isEqualTo(15);
      assertThat(server.connections()).hasSize(25)
          .allSatisfy(c -> assertThat(c.clientId()).startsWith("desktop-"));
    }
  }

  @Test
  void resetGivesAJdkClientAConnectionReset() throws Exception {
    try (WsChaosServer server = start(Plan.healthy());
         JdkClient victim = JdkClient.connect(server.wsUrl("/?clientId=victim"));
         JdkClient bystander = JdkClient.connect(server.wsUrl("/?clientId=bystander"))) {
      awaitOpen(server, 2);
      ResetAction reset = new ResetAction(null, null, Match.ANY.withClientId("victim"), null);
      assertThat(server.act(reset).selected()).isEqualTo(1);
      // the JDK reports a RST through onError; which I/O layer notices first varies
      assertThat(Failures.chain(victim.awaitError())).containsAnyOf("Connection reset", "closed input");
      awaitOpen(server, 1);
      bystander.send("still here");
      assertThat(bystander.nextMessage()).isEqualTo("still here");
      List<JournalEvent> events = server.journal().query(JournalQuery.all().clientId("victim")).events();
      assertThat(events).extracting(JournalEvent::type).contains(EventType.FAULT_APPLIED, EventType.RESET);
      assertThat(server.connections().get(0).faultsApplied()).isEmpty();
    }
  }

  @Test
  void halfOpenSilencesTheSelectedConnectionsWhileTheirTcpStaysUp() throws Exception {
    try (WsChaosServer server = start(Plan.healthy());
         JdkClient jdkVictim = JdkClient.connect(server.wsUrl("/?clientId=zombie-1"));
         VertxClient vertxVictim = VertxClient.connect(vertx, server.wsUrl("/?clientId=zombie-2"));
         JdkClient bystander = JdkClient.connect(server.wsUrl("/?clientId=healthy-1"))) {
      awaitOpen(server, 3);
      HalfOpenAction action = HalfOpenAction.matching(Match.ANY.withClientId("zombie-*"));
      assertThat(server.act(action).selected()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.journal().query(JournalQuery.all()
          .types(java.util.Set.of(EventType.FAULT_APPLIED))).events().size() == 2);

      jdkVictim.send("anyone?");
      jdkVictim.ping("alive?");
      vertxVictim.send("anyone?");
      vertxVictim.ping("alive?");
      assertThat(jdkVictim.pollMessage(Duration.ofMillis(700))).isNull();
      assertThat(jdkVictim.pollPong(Duration.ofMillis(100))).isNull();
      assertThat(vertxVictim.pollMessage(Duration.ofMillis(100))).isNull();
      assertThat(vertxVictim.pollPong(Duration.ofMillis(100))).isNull();
      assertThat(jdkVictim.isClosed() || jdkVictim.hasError()).as("no close, no error: TCP is still up").isFalse();
      assertThat(vertxVictim.isClosed()).isFalse();
      assertThat(server.openConnections()).isEqualTo(3);

      bystander.send("still here");
      assertThat(bystander.nextMessage()).isEqualTo("still here");
    }
  }

  @Test
  void outageRefusesConnectionsThenListensAgainOnTheSamePort() throws Exception {
    try (WsChaosServer server = start(Plan.healthy()); Fleet fleet = Fleet.create(vertx)) {
      int port = server.port();
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "o", 100);
      awaitOpen(server, 100);
      long start = System.nanoTime();
      assertThat(server.act(OutageAction.lasting(Duration.ofSeconds(2))).selected()).isEqualTo(100);
      awaitAllClosed(members);
      assertThat(members).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1006));
      await().atMost(Duration.ofSeconds(2)).until(() -> !server.listening());

      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(ConnectException.class).hasMessageContaining("refused");
      assertThat(JdkClient.connectFailure(server.wsUrl())).isInstanceOf(ConnectException.class);
      List<Fleet.Member> during = fleet.connectAndWait(server.wsUrl(), "during", 20);
      assertThat(during).allSatisfy(m -> assertThat(m.connected).isCompletedExceptionally());

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(server::listening);
      assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(1.5);
      assertThat(server.port()).isEqualTo(port);
      List<Fleet.Member> after = fleet.connectAndWait(server.wsUrl(), "after", 50);
      assertThat(after).allSatisfy(m -> assertThat(m.connected).isCompleted().isNotCompletedExceptionally());
      awaitOpen(server, 50);
      assertThat(server.journal().query(JournalQuery.all().types(Set.of(EventType.FLEET_ACTION))).events())
          .extracting(JournalEvent::detail).anyMatch(d -> d.startsWith("outage over"));
    }
  }

  @Test
  void restartClosesEveryClientWith1012RefusesConnectionsThenListensAgain() throws Exception {
    try (WsChaosServer server = start(Plan.healthy()); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "r", 20);
      awaitOpen(server, 20);
      assertThat(server.act(RollingRestartAction.of(Duration.ofSeconds(2), Duration.ZERO)).selected()).isEqualTo(20);
      awaitAllClosed(members);
      assertThat(members).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1012));
      await().atMost(Duration.ofSeconds(2)).until(() -> !server.listening());
      assertThat(JdkClient.connectFailure(server.wsUrl())).isInstanceOf(ConnectException.class);

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(server::listening);
      try (JdkClient back = JdkClient.connect(server.wsUrl())) {
        assertThat(back.isClosed()).isFalse();
      }
      assertThat(server.journal().query(JournalQuery.all().types(Set.of(EventType.FLEET_ACTION))).events())
          .extracting(JournalEvent::detail).anyMatch(d -> d.startsWith("restarted"));
    }
  }

  /**
   * Thousands of closes on a busy machine keep the event loops busy for seconds; the port must refuse from the
   * action on, not from when the loops have sent every close (a client that reconnected meanwhile was accepted, then
   * dropped). Here the first close of the restart takes 3 s: the journal listener blocks the loop.
   */
  @Test
  void aRestartRefusesConnectionsFromTheActionOnWhileItsClosesAreStillBeingSent() throws Exception {
    AtomicBoolean slowNextEventOnALoop = new AtomicBoolean();
    try (WsChaosServer server = WsChaosServer.builder().eventLoops(1).closeTimeout(Duration.ofSeconds(1)).start();
         JdkClient client = JdkClient.connect(server.wsUrl());
         AutoCloseable slow = server.onChange(() -> {
           if (Thread.currentThread().getName().startsWith("vert.x-eventloop")
               && slowNextEventOnALoop.compareAndSet(true, false)) {
             sleep(Duration.ofSeconds(3));
           }
         })) {
      int port = server.port();
      awaitOpen(server, 1);
      slowNextEventOnALoop.set(true);

      server.act(RollingRestartAction.of(Duration.ofSeconds(2), Duration.ZERO));
      await("the port refuses while the loop still has the 1012 to send").atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(20)).until(() -> refused(port));
      assertThat(client.isClosed()).isFalse();
      assertThat(client.awaitClose().code()).isEqualTo(1012);
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(server::listening);
      try (JdkClient back = JdkClient.connect(server.wsUrl())) {
        assertThat(back.isClosed()).isFalse();
      }
    }
  }

  private static boolean refused(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRestartListensAgainAfterDownEvenWhileClientsThatNeverAnswerTheCloseHoldTheirConnections() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().closeTimeout(Duration.ofSeconds(10)).start()) {
      List<RawClient> silent = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        silent.add(RawClient.upgraded(server.wsUrl().resolve("/?clientId=silent-" + i)));
      }
      awaitOpen(server, 5);
      long start = System.nanoTime();
      server.act(RollingRestartAction.of(Duration.ofMillis(300), Duration.ZERO));
      assertThat(silent.get(0).readFrame().closeCode()).isEqualTo(1012);

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(server::listening);
      try (JdkClient back = JdkClient.connect(server.wsUrl().resolve("/?clientId=back"))) {
        assertThat(back.isClosed()).isFalse();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("back long before the 10 s the silent clients "
          + "could hold their closes open").isLessThan(Duration.ofSeconds(8));
      for (RawClient c : silent) {
        c.close();
      }
    }
  }

  @Test
  void invalidActionsAreRefusedWithEveryProblemAndDoNothing() throws Exception {
    try (WsChaosServer server = start(Plan.healthy());
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      awaitOpen(server, 1);
      assertThatThrownBy(() -> server.act(new CloseAction(1006, "", 2.0, null, null, Duration.ofHours(2))))
          .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
              .extracting(p -> p.field()).containsExactlyInAnyOrder("code", "share", "spread"));
      assertThat(server.openConnections()).isEqualTo(1);
    }
  }
}
