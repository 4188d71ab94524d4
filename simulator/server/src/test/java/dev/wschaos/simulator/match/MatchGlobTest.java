package dev.wschaos.simulator.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchGlobTest {

  private record Subject(String path, String clientId) implements MatchSubject {
    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public String queryParam(String name) {
      return null;
    }

    @Override
    public String header(String name) {
      return null;
    }
  }

  private static boolean path(String glob, String path) {
    return Match.ANY.withPath(glob).matches(new Subject(path, null));
  }

  private static boolean client(String glob, String clientId) {
    return Match.ANY.withClientId(glob).matches(new Subject("/", clientId));
  }

  @Test
  void aGlobWithoutWildcardsMatchesExactlyItsText() {
    assertThat(path("/feed", "/feed")).isTrue();
    assertThat(path("/feed", "/feed/")).isFalse();
    assertThat(path("/feed", "/fee")).isFalse();
    assertThat(path("/a.b", "/aXb")).isFalse();
    assertThat(client("mobile-1", "mobile-1")).isTrue();
    assertThat(client("mobile-1", "mobile-12")).isFalse();
    assertThat(client("mobile-1", null)).isFalse();
  }

  @Test
  void wildcardsMatchAfterTheLiteralPrefix() {
    assertThat(path("/feed/*", "/feed/")).isTrue();
    assertThat(path("/feed/*", "/feed/a/b")).isTrue();
    assertThat(path("/feed/*", "/fee")).isFalse();
    assertThat(path("/feed/*", "/other/feed/x")).isFalse();
    assertThat(path("*", "/anything")).isTrue();
    assertThat(path("/v?/x", "/v1/x")).isTrue();
    assertThat(path("/v?/x", "/v12/x")).isFalse();
    assertThat(path("/*/x", "/a/x")).isTrue();
    assertThat(client("mobile-*", "mobile-7")).isTrue();
    assertThat(client("mobile-*", "desktop-7")).isFalse();
    assertThat(client("*-7", "desktop-7")).isTrue();
  }
}
