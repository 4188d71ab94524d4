package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.tls.CaFiles;
import dev.wschaos.simulator.tls.TlsSettings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is on the wire, seen by {@code openssl s_client}: the chain each profile serves and OpenSSL's verdict. */
class TlsChainOpensslAcceptanceTest {

  @TempDir
  static Path caDir;
  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    server = WsChaosServer.builder().tls(TlsSettings.none()
        .listener(TlsProfile.VALID, 0)
        .listener(TlsProfile.INCOMPLETE_CHAIN, 0)
        .listener(TlsProfile.EXPIRED, 0)
        .caOut(caDir)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record SClient(String output) {
    int certificatesServed() {
      return output.split("-----BEGIN CERTIFICATE-----", -1).length - 1;
    }

    List<String> subjects() {
      Matcher m = Pattern.compile("(?m)^ *\\d+ s:(.*)$").matcher(output);
      return m.results().map(r -> r.group(1).trim()).toList();
    }
  }

  private static SClient sClient(TlsProfile profile) throws Exception {
    Process process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + server.tls().port(profile),
        "-servername", "localhost", "-showcerts", "-CAfile", caDir.resolve(CaFiles.PEM).toString())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("openssl s_client finished").isTrue();
    return new SClient(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void validServesLeafAndIntermediateAndVerifies() throws Exception {
    SClient valid = sClient(TlsProfile.VALID);
    assertThat(valid.certificatesServed()).as(valid.output()).isEqualTo(2);
    assertThat(valid.subjects()).containsExactly("CN = localhost, O = wschaos TLS lab",
        "CN = wschaos test intermediate CA, O = wschaos TLS lab");
    assertThat(valid.output()).contains("Verify return code: 0 (ok)");
  }

  @Test
  void incompleteChainServesTheLeafAlone() throws Exception {
    SClient incomplete = sClient(TlsProfile.INCOMPLETE_CHAIN);
    assertThat(incomplete.certificatesServed()).as(incomplete.output()).isEqualTo(1);
    assertThat(incomplete.subjects()).containsExactly("CN = localhost, O = wschaos TLS lab");
    assertThat(incomplete.output()).contains("Verify return code: 21 (unable to verify the first certificate)");
  }

  @Test
  void expiredServesACompleteChainWithAnExpiredLeaf() throws Exception {
    SClient expired = sClient(TlsProfile.EXPIRED);
    assertThat(expired.certificatesServed()).as(expired.output()).isEqualTo(2);
    assertThat(expired.output()).contains("Verify return code: 10 (certificate has expired)");
  }
}
