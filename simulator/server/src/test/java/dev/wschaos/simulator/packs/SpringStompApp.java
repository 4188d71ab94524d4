package dev.wschaos.simulator.packs;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * An application built on Spring's {@link WebSocketStompClient} (over Tomcat's JSR-356 client) as users write one:
 * on CONNECTED it subscribes to a destination; when the session fails (transport error, connection lost) it
 * connects again, as Spring leaves reconnecting to the application. Everything it observes goes to {@link #log()}.
 */
final class SpringStompApp implements AutoCloseable {

  /** One MESSAGE frame as the application received it. */
  record Received(int connection, String subscription, String messageId, String destination, String body) {}

  private final URI url;
  private final String destination;
  private final WebSocketStompClient stomp;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private final ExecutorService reconnects = Executors.newSingleThreadExecutor();
  private final List<String> log = new ArrayList<>();
  private final List<Received> messages = new ArrayList<>();
  private volatile boolean closed;
  private int connections;

  SpringStompApp(URI url, String destination) {
    this.url = url;
    this.destination = destination;
    scheduler.setPoolSize(1);
    scheduler.initialize();
    stomp = new WebSocketStompClient(new StandardWebSocketClient());
    stomp.setMessageConverter(new SimpleMessageConverter());
    stomp.setTaskScheduler(scheduler);
    stomp.setDefaultHeartbeat(new long[] {0, 0});
  }

  SpringStompApp start() {
    connect();
    return this;
  }

  synchronized List<String> log() {
    return List.copyOf(log);
  }

  synchronized List<Received> messages() {
    return List.copyOf(messages);
  }

  synchronized long messagesOn(int connection) {
    return messages.stream().filter(m -> m.connection() == connection).count();
  }

  synchronized int connections() {
    return connections;
  }

  private synchronized void note(String line) {
    log.add(line);
  }

  private void connect() {
    if (closed) {
      return;
    }
    stomp.connectAsync(url.toString(), new WebSocketHttpHeaders(), new Handler()).exceptionally(failure -> {
      note("connect failed " + failure);
      return null;
    });
  }

  @Override
  public void close() {
    closed = true;
    reconnects.shutdownNow();
    stomp.stop();
    scheduler.shutdown();
  }

  private final class Handler extends StompSessionHandlerAdapter {
    private int connection;

    @Override
    public void afterConnected(StompSession session, StompHeaders connected) {
      synchronized (SpringStompApp.this) {
        connection = ++connections;
      }
      note("CONNECTED version:" + connected.getFirst("version") + " heart-beat:" + connected.getFirst("heart-beat"));
      session.subscribe(destination, new StompFrameHandler() {
        @Override
        public Type getPayloadType(StompHeaders headers) {
          return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
          synchronized (SpringStompApp.this) {
            messages.add(new Received(connection, headers.getSubscription(), headers.getMessageId(),
                headers.getDestination(), new String((byte[]) payload, StandardCharsets.UTF_8)));
          }
        }
      });
    }

    @Override
    public Type getPayloadType(StompHeaders headers) {
      return byte[].class;
    }

    @Override
    public void handleFrame(StompHeaders headers, Object payload) {
      note("ERROR message:" + headers.getFirst("message") + " body:" + new String((byte[]) payload,
          StandardCharsets.UTF_8));
    }

    @Override
    public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
                                Throwable exception) {
      note("exception " + command + " " + exception);
    }

    @Override
    public void handleTransportError(StompSession session, Throwable exception) {
      note("transport error " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
      if (!closed) {
        reconnects.execute(SpringStompApp.this::connect);
      }
    }
  }
}
