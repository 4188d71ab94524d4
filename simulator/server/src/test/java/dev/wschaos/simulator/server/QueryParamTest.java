package dev.wschaos.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link QueryParam} gives what Vert.x's {@code getParam} gives, for requests sent over a real socket. */
class QueryParamTest {

  private static final List<String> URIS = List.of("/", "/feed", "/?clientId=a", "/x?clientId=abc&clientId=def",
      "/?a=1&clientId=b-2&c", "/?clientId", "/?clientId=", "/?clientId=a=b", "/?=clientId", "/?==clientId=z",
      "/?clientIdx=1&xclientId=2", "/?&&clientId=q&&", "/?a=%41&clientId=b", "/?clientId=a+b", "/?clientId=a%20b",
      "/?x=1;clientId=semi", "/p#f?clientId=frag", "/?clientId=h#frag", "/?clientId=" + "v".repeat(1100),
      "/?a&b=&=&clientId=last");

  private static Vertx vertx;
  private static HttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> {
      String name = request.getHeader("X-Name");
      String fast = QueryParam.first(request, name);
      String vertxSays = request.getParam(name);
      request.response().end(fast + "|" + vertxSays);
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void readsTheFirstValueAsVertxDoes() throws Exception {
    for (String uri : URIS) {
      for (String name : List.of("clientId", "a", "b", "c")) {
        String answer = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(server.actualPort()).setURI(uri).putHeader("X-Name", name))
            .compose(request -> request.send().compose(response -> response.body()))
            .map(Buffer::toString).await(10, TimeUnit.SECONDS);
        String[] both = answer.split("\\|", -1);
        assertThat(both[0]).as("%s of %s", name, uri).isEqualTo(both[1]);
      }
    }
  }
}
