package dev.wschaos.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictHandshakeKeyTest {

  @Test
  void acceptsEveryKeyOfSixteenRandomBytes() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      assertThat(StrictHandshake.keyProblem(Base64.getEncoder().encodeToString(bytes))).isNull();
    }
    assertThat(StrictHandshake.keyProblem(" dGhlIHNhbXBsZSBub25jZQ== ")).isNull();
  }

  @Test
  void explainsKeysThatAreNotSixteenBytesOfBase64() {
    assertThat(StrictHandshake.keyProblem("not base64!")).contains("is not valid base64");
    assertThat(StrictHandshake.keyProblem("dGhlIHNhbXBsZSBub25jZ*==")).contains("is not valid base64");
    assertThat(StrictHandshake.keyProblem("AAAA")).contains("decodes to 3 bytes");
    assertThat(StrictHandshake.keyProblem("AAAAAAAAAAAAAAAAAAAAAAAAAAAA")).contains("decodes to 21 bytes");
  }

  @Test
  void agreesWithTheDecoderOnKeysWhoseLastCharacterCarriesStrayBits() {
    for (char last : "ABQRghwx/+9".toCharArray()) {
      String key = "AAAAAAAAAAAAAAAAAAAAA" + last + "==";
      assertThat(StrictHandshake.keyProblem(key) == null).as(key).isEqualTo(decoderSays(key) == null);
    }
  }

  private static String decoderSays(String key) {
    try {
      int length = Base64.getDecoder().decode(key).length;
      return length == 16 ? null : "decodes to " + length;
    } catch (IllegalArgumentException e) {
      return "invalid";
    }
  }
}
