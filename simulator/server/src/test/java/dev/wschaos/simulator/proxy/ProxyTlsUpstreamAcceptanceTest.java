package dev.wschaos.simulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.plan.UpstreamTls;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.JsonChatClient;
import dev.wschaos.simulator.support.JsonChatUpstream;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.tls.CertificateLab;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code wss://} upstream whose certificate is issued at run time by a fresh test CA ({@link CertificateLab}):
 * trusted through the given CA, or with verification explicitly off; with the JDK's trust store the certificate is
 * refused and the client gets the proxy's 502 saying why.
 */
class ProxyTlsUpstreamAcceptanceTest {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static CertificateLab lab;
  private static JsonChatUpstream upstream;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startUpstream() throws Exception {
    lab = CertificateLab.generate();
    CertificateLab.Identity identity = lab.identity(TlsProfile.VALID);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("upstream", identity.key(), PASSWORD, identity.chain().toArray(new Certificate[0]));
    upstream = JsonChatUpstream.startTls(TestVertx.shared(), new PfxOptions()
        .setValue(Buffer.buffer(CertificateLab.store(store, PASSWORD))).setPassword(new String(PASSWORD)));
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
  }

  private static WsChaosServer proxy(UpstreamTls tls) {
    // a loaded machine can take seconds for a TLS handshake: the 5 s default would turn slowness into a 504
    Upstream to = Upstream.to(upstream.url()).forPath("/chat/*").withConnectTimeout(Duration.ofSeconds(30));
    return Simulators.start(Plan.named("proxy-wss").withUpstream(tls == null ? to : to.withTls(tls)));
  }

  @Test
  void theGivenCaIsTrusted() throws Exception {
    Path ca = Files.writeString(dir.resolve("upstream-ca.pem"), lab.caPem());
    assertThat(upstream.url()).startsWith("wss://127.0.0.1:");
    try (WsChaosServer server = proxy(UpstreamTls.caPem(ca.toString()))) {
      assertThat(JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=t1"), "ana", "a1", "lobby", 7))
          .startsWith("subprotocol chat.v2", "{\"type\":\"hello\",\"server\":\"json-chat\",\"version\":2}",
              "{\"type\":\"ready\",\"id\":\"a1\",\"user\":\"ana\"}");
    }
  }

  @Test
  void noVerificationWhenExplicitlyAskedFor() throws Exception {
    try (WsChaosServer server = proxy(UpstreamTls.insecure())) {
      assertThat(JsonChatClient.run(server.wsUrl("/chat/lobby?clientId=t2"), "bob", "b1", "lobby", 8))
          .startsWith("subprotocol chat.v2");
    }
  }

  @Test
  void aRefusedCertificateIsA502ThatSaysWhy() throws Exception {
    try (WsChaosServer server = proxy(null)) {
      Throwable failure = JdkClient.connectFailure(server.wsUrl("/chat/lobby?clientId=t3"), Map.of(), List.of());
      assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
      HttpResponse<?> response = ((WebSocketHandshakeException) failure).getResponse();
      assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(502);
      assertThat(String.valueOf(response.body())).contains(upstream.url(), "SSLHandshakeException",
          "unable to find valid certification path");
    }
  }
}
