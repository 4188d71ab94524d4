package dev.wschaos.simulator.junit;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.dsl.ChaosTarget;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.tls.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;

/**
 * A wschaos simulator for JUnit 5 tests. Registered on a {@code static} field it runs one simulator for the whole
 * class; on an instance field, one per test; with {@code remote(adminUrl, token)}, none: it drives a shared simulator
 * through its admin API. Before each test it resets the simulator (journal, attempt counts, reconnect history) and
 * restores the initial plan, unless told not to. Test methods can take {@link WsChaosRuntimeInfo}, {@link Chaos} or
 * {@link WsChaosServer} parameters.
 *
 * <p>Simulators live in JUnit's {@link ExtensionContext.Store} of the scope that started them (the class, or the
 * test) and are closed when that scope ends. {@code @Nested} classes share their enclosing class's simulator unless
 * they declare their own ({@code @WsChaosTest} on the nested class, or a field of their own); test methods get the
 * nearest one. Classes and methods may run in parallel.
 *
 * <pre>{@code
 * class FeedClientTest {
 *   @RegisterExtension
 *   static WsChaosExtension wschaos = WsChaosExtension.builder()
 *       .plan(Plan.healthy().withBehaviour(TickerBehaviour.every(Duration.ofMillis(100))))
 *       .seed(42L)
 *       .build();
 *
 *   @Test
 *   void resumesAfterADrop() {
 *     wschaos.chaos().onConnection().forClient("c1").attempt(1).after(Duration.ofSeconds(1)).drop();
 *     FeedClient client = FeedClient.connect(wschaos.wsUrl("/?clientId=c1"));
 *     // ... assert it reconnected and resumed without a gap ...
 *   }
 * }
 * }</pre>
 */
public final class WsChaosExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  static final long NO_SEED = Long.MIN_VALUE;
  private static final Namespace NAMESPACE = Namespace.create(WsChaosExtension.class);
  private static final Object NEAREST = new Object();

  /** The simulator closest to a scope, the one its test methods get as parameters. Not closed by the store. */
  private record Nearest(RunningSimulator simulator) {}

  private final SimulatorSettings settings;
  private volatile RunningSimulator current;

  /** Used by {@link WsChaosTest}: configured from the annotation. */
  public WsChaosExtension() {
    this.settings = null;
  }

  private WsChaosExtension(Builder builder) {
    this.settings = new SimulatorSettings(builder.plan, builder.port, builder.seed, builder.resetBeforeEach,
        builder.tls, builder.admin, builder.remoteAdminUrl, builder.remoteToken);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<WsChaosTest> own = settings == null ? ownAnnotation(context) : Optional.empty();
    RunningSimulator inherited = store(context).get(this, RunningSimulator.class);
    if (inherited != null && own.isEmpty()) {
      current = inherited;
      return;
    }
    startIn(context, own.map(a -> SimulatorSettings.of(a, context.getRequiredTestClass()))
        .orElseGet(() -> requireSettings(context)));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RunningSimulator running = store(context).get(this, RunningSimulator.class);
    if (running == null) {
      startIn(context, requireSettings(context));
    } else {
      current = running;
      running.beforeEachTest();
    }
  }

  private void startIn(ExtensionContext context, SimulatorSettings wanted) {
    RunningSimulator running = RunningSimulator.start(this, wanted);
    Store store = store(context);
    store.put(this, running);
    store.put(NEAREST, new Nearest(running));
    current = running;
  }

  void forget(RunningSimulator closed) {
    if (current == closed) {
      current = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type != WsChaosRuntimeInfo.class && type != Chaos.class && type != WsChaosServer.class) {
      return false;
    }
    Nearest nearest = store(context).get(NEAREST, Nearest.class);
    return nearest == null || nearest.simulator().owner() == this;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Nearest nearest = store(context).get(NEAREST, Nearest.class);
    if (nearest == null) {
      throw new ExtensionConfigurationException("the wschaos simulator is not running: register the extension "
          + "on a static field to use it in @BeforeAll methods");
    }
    WsChaosRuntimeInfo info = nearest.simulator().info();
    if (type == Chaos.class) {
      return info.chaos();
    }
    return type == WsChaosServer.class ? info.server() : info;
  }

  /**
   * The running simulator's details; for use from a test through the field. With a static field that is the class's
   * simulator (shared with its {@code @Nested} classes), with an instance field the current test's.
   */
  public WsChaosRuntimeInfo runtimeInfo() {
    RunningSimulator running = current;
    if (running == null) {
      throw new IllegalStateException("the wschaos simulator is not running yet");
    }
    return running.info();
  }

  public URI wsUrl() {
    return runtimeInfo().wsUrl();
  }

  public URI wsUrl(String pathAndQuery) {
    return runtimeInfo().wsUrl(pathAndQuery);
  }

  public Chaos chaos() {
    return runtimeInfo().chaos();
  }

  public WsChaosServer server() {
    return runtimeInfo().server();
  }

  private static Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  private static Optional<WsChaosTest> ownAnnotation(ExtensionContext context) {
    return context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, WsChaosTest.class));
  }

  private SimulatorSettings requireSettings(ExtensionContext context) {
    if (settings != null) {
      return settings;
    }
    WsChaosTest annotation = context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type,
        WsChaosTest.class, SearchOption.INCLUDE_ENCLOSING_CLASSES)).orElseThrow(() ->
        new ExtensionConfigurationException("WsChaosExtension needs @WsChaosTest on the test class, or build one "
            + "with WsChaosExtension.builder()"));
    return SimulatorSettings.of(annotation, context.getRequiredTestClass());
  }

  static Plan loadPlan(String nameOrResource, Class<?> testClass) {
    String lower = nameOrResource.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
      return PlanCatalog.load(nameOrResource);
    }
    String resource = nameOrResource.startsWith("/") ? nameOrResource.substring(1) : nameOrResource;
    try (InputStream in = testClass.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ExtensionConfigurationException("@WsChaosTest plan '" + nameOrResource
            + "' is not on the test classpath (put it under src/test/resources)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return PlanLoader.parse(text, "classpath:" + resource,
          lower.endsWith(".json") ? PlanLoader.Format.JSON : PlanLoader.Format.YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets up a {@link WsChaosExtension}. */
  public static final class Builder {
    private Plan plan = Plan.healthy();
    private int port;
    private Long seed;
    private boolean resetBeforeEach = true;
    private TlsSettings tls;
    private AdminSettings admin;
    private URI remoteAdminUrl;
    private String remoteToken;
    private TlsProfile tlsProfile;

    private Builder() {}

    /** The plan the simulator starts with, and returns to before each test. */
    public Builder plan(Plan value) {
      this.plan = Objects.requireNonNull(value, "plan");
      return this;
    }

    /** A built-in plan name or a classpath resource (.yaml, .yml, .json). */
    public Builder plan(String nameOrResource) {
      this.plan = loadPlan(nameOrResource, WsChaosExtension.class);
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder seed(Long value) {
      this.seed = value;
      return this;
    }

    /**
     * Before each test, start afresh as {@link WsChaosServer#reset()} does (empty journal, no attempt counts, no
     * reconnect history), then restore the initial plan (default true).
     */
    public Builder resetBeforeEach(boolean value) {
      this.resetBeforeEach = value;
      return this;
    }

    /** Also serve {@code wss://} on a free port with the test CA ({@link WsChaosRuntimeInfo#sslContext()}). */
    public Builder tls(boolean value) {
      this.tls = value ? TlsSettings.port(0) : null;
      return this;
    }

    /** Serve {@code wss://} as configured: plan port, per-profile listeners, handshake timeout. */
    public Builder tls(TlsSettings value) {
      this.tls = value;
      return this;
    }

    /** Present {@code profile} on the wss port from the start (turns TLS on). */
    public Builder tlsProfile(TlsProfile profile) {
      if (tls == null) {
        tls = TlsSettings.port(0);
      }
      this.tlsProfile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** Serve the admin API on a free loopback port ({@link WsChaosRuntimeInfo#adminUrl()}). */
    public Builder admin(boolean value) {
      this.admin = value ? AdminSettings.loopback(0) : null;
      return this;
    }

    public Builder admin(AdminSettings value) {
      this.admin = value;
      return this;
    }

    /**
     * Start no simulator: drive the one whose admin API is at {@code adminUrl} (the DSL, waits and assertions go
     * through {@link dev.wschaos.simulator.client.AdminClient}). Resets before each test reset that simulator.
     */
    public Builder remote(URI adminUrl, String token) {
      this.remoteAdminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
      this.remoteToken = token;
      return this;
    }

    public Builder remote(URI adminUrl) {
      return remote(adminUrl, null);
    }

    public WsChaosExtension build() {
      if (tlsProfile != null) {
        plan = plan.withTls(plan.tls().withProfile(tlsProfile));
      }
      plan.requireValid("'" + plan.name() + "'");
      return new WsChaosExtension(this);
    }
  }
}
