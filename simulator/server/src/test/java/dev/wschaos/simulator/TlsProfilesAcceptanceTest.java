package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TlsClients;
import dev.wschaos.simulator.support.VertxClient;
import dev.wschaos.simulator.tls.CertificateLab;
import dev.wschaos.simulator.tls.TlsLab;
import dev.wschaos.simulator.tls.TlsSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every TLS profile against the JDK's and Vert.x's WebSocket clients, both trusting the lab's test CA. One server
 * with every profile on a port of its own, and a plan port (SNI and run-time switching).
 */
class TlsProfilesAcceptanceTest {

  private static Vertx vertx;
  private static CertificateLab lab;
  private static WsChaosServer server;
  private static SSLContext trusting;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    lab = CertificateLab.generate();
    trusting = TlsClients.context(lab.trustStore(), null);
    Plan plan = Plan.healthy().withTls(TlsPolicy.DEFAULT
        .withHost("expired.localhost", TlsProfile.EXPIRED)
        .withHost("wrong.localhost", TlsProfile.WRONG_HOST));
    server = WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1))
        .tls(TlsSettings.port(0).allProfiles().lab(lab)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  private static URI url(TlsProfile profile) {
    return server.tls().wssUrl(profile, "/echo?clientId=" + profile.id());
  }

  private static HttpClient jdk() {
    return TlsClients.jdk(trusting, null);
  }

  private static void echoesWithJdk(HttpClient http, URI url) throws Exception {
    try (JdkClient client = JdkClient.connect(http, url)) {
      client.send("hello over " + url);
      assertThat(client.nextMessage()).isEqualTo("hello over " + url);
    }
  }

  private static void echoesWithVertx(WebSocketClientOptions options, URI url) throws Exception {
    try (VertxClient client = VertxClient.connect(vertx, options, VertxClient.options(url, Map.of(), List.of()))) {
      client.send("hello");
      assertThat(client.nextMessage()).isEqualTo("hello");
    }
  }

  private static String jdkFailure(HttpClient http, URI url) {
    return Failures.chain(JdkClient.connectFailure(http, url));
  }

  private static String vertxFailure(WebSocketClientOptions options, URI url) {
    return Failures.chain(VertxClient.connectFailure(vertx, options, VertxClient.options(url, Map.of(), List.of())));
  }

  @ParameterizedTest
  @EnumSource(names = {"VALID", "TLS12_ONLY", "TLS13_ONLY"})
  void healthyProfilesConnectAndEcho(TlsProfile profile) throws Exception {
    echoesWithJdk(jdk(), url(profile));
    echoesWithVertx(TlsClients.vertx(lab.caPem()), url(profile));
  }

  @ParameterizedTest
  @EnumSource(names = {"EXPIRED", "NOT_YET_VALID", "SELF_SIGNED", "UNTRUSTED_ROOT", "WRONG_HOST", "INCOMPLETE_CHAIN",
      "NO_SHARED_CIPHER", "CLIENT_CERT_REQUIRED", "HANDSHAKE_RESET", "PLAINTEXT"})
  void faultProfilesFailTheHandshake(TlsProfile profile) {
    String jdk = jdkFailure(jdk(), url(profile));
    String vx = vertxFailure(TlsClients.vertx(lab.caPem()), url(profile));
    System.out.println("### " + profile + "\n--- JDK\n" + jdk + "--- Vert.x\n" + vx);
    assertThat(jdk).as("JDK").contains(Expected.jdk(profile));
    assertThat(vx).as("Vert.x").contains(Expected.vertx(profile));
  }

  @Test
  void handshakeStallTimesOutOnTheClientsClock() throws Exception {
    URI url = url(TlsProfile.HANDSHAKE_STALL);
    long started = System.nanoTime();
    CompletableFuture<WebSocket> jdk = jdk().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
        .buildAsync(url, new WebSocket.Listener() { });
    Throwable failure = catchThrowable(() -> jdk.get(15, TimeUnit.SECONDS));
    assertThat(Failures.chain(failure)).contains("java.net.http.HttpConnectTimeoutException: HTTP connect timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(12));

    String vx = vertxFailure(TlsClients.vertx(lab.caPem()), url);   // client TLS handshake timeout: 3 s
    assertThat(vx).contains("SslHandshakeTimeoutException: handshake timed out after 3000ms");
  }

  @ParameterizedTest
  @EnumSource(names = {"WEAK_KEY", "SHA1_SIGNATURE"})
  void policyProfilesPassDefaultClientsAndFailAStrictPolicy(TlsProfile profile) throws Exception {
    echoesWithJdk(jdk(), url(profile));
    echoesWithVertx(TlsClients.vertx(lab.caPem()), url(profile));

    String strict = jdkFailure(TlsClients.jdk(trusting, TlsClients.strictPolicy(trusting)), url(profile));
    System.out.println("### strict " + profile + "\n" + strict);
    assertThat(strict).contains(profile == TlsProfile.WEAK_KEY
        ? "Algorithm constraints check failed on key RSA with size of 1024bits" : "Algorithm constraints check failed on signature algorithm: SHA1withRSA");
  }

  @Test
  void protocolProfilesFailClientsThatRequireTheOtherVersion() {
    String jdk12 = jdkFailure(TlsClients.jdk(trusting, TlsClients.protocols(trusting, "TLSv1.3")),
        url(TlsProfile.TLS12_ONLY));
    String jdk13 = jdkFailure(TlsClients.jdk(trusting, TlsClients.protocols(trusting, "TLSv1.2")),
        url(TlsProfile.TLS13_ONLY));
    String vx12 = vertxFailure(TlsClients.vertx(lab.caPem()).setEnabledSecureTransportProtocols(Set.of("TLSv1.3")),
        url(TlsProfile.TLS12_ONLY));
    String vx13 = vertxFailure(TlsClients.vertx(lab.caPem()).setEnabledSecureTransportProtocols(Set.of("TLSv1.2")),
        url(TlsProfile.TLS13_ONLY));
    System.out.println("### protocols\n" + jdk12 + jdk13 + vx12 + vx13);
    assertThat(jdk12).contains("Received fatal alert: protocol_version");
    assertThat(jdk13).contains("Received fatal alert: protocol_version");
    assertThat(vx12).contains("Received fatal alert: protocol_version");
    assertThat(vx13).contains("Received fatal alert: protocol_version");
  }

  @Test
  void clientCertRequiredAcceptsAClientWithTheIssuedKeyStore() throws Exception {
    KeyStore keys = lab.issueClientKeyStore("acceptance-client", TlsClients.PASSWORD);
    URI url = url(TlsProfile.CLIENT_CERT_REQUIRED);
    echoesWithJdk(TlsClients.jdk(TlsClients.context(lab.trustStore(), keys), null), url);
    echoesWithVertx(TlsClients.vertxWithClientCert(lab.caPem(), keys), url);

    KeyStore stranger = CertificateLab.generate().issueClientKeyStore("stranger", TlsClients.PASSWORD);
    String refused = jdkFailure(TlsClients.jdk(TlsClients.context(lab.trustStore(), stranger), null), url);
    assertThat(refused).contains("Received fatal alert: bad_certificate");
  }

  @Test
  void aProfileSwitchedAtRunTimeAffectsTheNextHandshake() throws Exception {
    URI url = server.wssUrl("/echo");
    try {
      echoesWithJdk(jdk(), url);
      server.switchTlsProfile(TlsProfile.EXPIRED);
      assertThat(jdkFailure(jdk(), url)).contains("CertificateExpiredException");
      assertThat(vertxFailure(TlsClients.vertx(lab.caPem()), url)).contains("CertificateExpiredException");
      server.switchTlsProfile(TlsProfile.TLS13_ONLY);
      assertThat(jdkFailure(TlsClients.jdk(trusting, TlsClients.protocols(trusting, "TLSv1.2")), url))
          .contains("protocol_version");
      server.switchTlsProfile(TlsProfile.VALID);
      echoesWithJdk(jdk(), url);
    } finally {
      server.switchTlsProfile(TlsProfile.VALID);
    }
  }

  @Test
  void sniHostNamesChooseTheCertificateOnThePlanPort() throws Exception {
    int port = server.tls().port();
    WebSocketConnectOptions expired = new WebSocketConnectOptions().setSsl(true).setURI("/echo")
        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1")).setHost("expired.localhost").setPort(port);
    assertThat(Failures.chain(VertxClient.connectFailure(vertx, TlsClients.vertx(lab.caPem()), expired)))
        .contains("CertificateExpiredException");

    WebSocketConnectOptions wrong = new WebSocketConnectOptions(expired).setHost("wrong.localhost");
    assertThat(Failures.chain(VertxClient.connectFailure(vertx, TlsClients.vertx(lab.caPem()), wrong)))
        .contains("No subject alternative DNS name matching wrong.localhost found");

    WebSocketConnectOptions other = new WebSocketConnectOptions(expired).setHost("feed.localhost");
    try (VertxClient client = VertxClient.connect(vertx, TlsClients.vertx(lab.caPem()), other)) {
      client.send("valid for *.localhost");
      assertThat(client.nextMessage()).isEqualTo("valid for *.localhost");
    }
  }

  @Test
  void theCaEndpointRefusesAForeignHost() throws Exception {
    int port = server.tls().port(TlsProfile.VALID);
    try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trusting.getSocketFactory()
        .createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + TlsLab.CA_PATH + " HTTP/1.1\r\nHost: evil.example:" + port
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").contains("evil.example").doesNotContain("BEGIN CERTIFICATE");
    }
  }

  @Test
  void everyTlsListenerServesTheRootCa() throws Exception {
    HttpResponse<String> response = jdk().send(HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + server.tls().port(TlsProfile.VALID) + TlsLab.CA_PATH)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(server.caPem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(CertificateLab.pem(lab.rootCa())).isEqualTo(response.body());
  }

  @Test
  void aValidWssConnectionGetsThePlansRules() throws Exception {
    Plan plan = Plan.named("wss-rules")
        .withRule(Rule.of(Match.attempt(AttemptRange.exactly(1)), RejectFault.status(503)))
        .withRule(Rule.of(Match.ANY, Trigger.afterMessages(1), new CloseFault(1011, "boom over TLS")));
    try (WsChaosServer rules = WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1))
        .tls(TlsSettings.port(0).lab(lab)).start()) {
      URI url = rules.wssUrl("/feed?clientId=tls-rules");
      Throwable rejected = JdkClient.connectFailure(jdk(), url);
      assertThat(rejected).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) rejected).getResponse().statusCode()).isEqualTo(503);
      try (JdkClient client = JdkClient.connect(jdk(), url)) {
        client.send("one");
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1011, "boom over TLS"));
      }
    }
  }

  /** What each client reports, as observed with JDK 17 and Vert.x 5.0.10 (documented in docs/tls.md). */
  private static final class Expected {
    static String jdk(TlsProfile profile) {
      return switch (profile) {
        case EXPIRED -> "CertificateExpiredException";
        case NOT_YET_VALID -> "CertificateNotYetValidException";
        case SELF_SIGNED, UNTRUSTED_ROOT, INCOMPLETE_CHAIN -> "PKIX path building failed";
        case WRONG_HOST -> "No subject alternative names matching IP address 127.0.0.1 found";
        case NO_SHARED_CIPHER -> "Received fatal alert: handshake_failure";
        case CLIENT_CERT_REQUIRED -> "SSLHandshakeException: Received fatal alert: bad_certificate";
        case HANDSHAKE_RESET -> "SSLHandshakeException: Remote host terminated the handshake\n"
            + "java.net.SocketException: Connection reset";
        case PLAINTEXT -> "SSLException: Unrecognized SSL message, plaintext connection?";
        default -> throw new IllegalArgumentException(profile.id());
      };
    }

    static String vertx(TlsProfile profile) {
      return switch (profile) {
        // TLS 1.3: the client finishes its side first; the server's alert arrives while it waits for the 101
        case CLIENT_CERT_REQUIRED -> "WebSocketHandshakeException: Connection closed while handshake in process";
        case HANDSHAKE_RESET -> "SSLHandshakeException: Failed to create SSL connection\n"
            + "io.netty.channel.StacklessClosedChannelException";
        case PLAINTEXT -> "io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 485454502f312e31";
        default -> jdk(profile);
      };
    }
  }
}
