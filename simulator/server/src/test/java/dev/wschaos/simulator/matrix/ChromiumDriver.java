package dev.wschaos.simulator.matrix;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.wschaos.simulator.support.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A page's {@code WebSocket} in Debian's headless Chromium ({@code /usr/bin/chromium}, driven by Playwright, which
 * downloads no browser): one browser and one page for the whole run, every cell a {@code new WebSocket(url)} in that
 * page, cells running side by side. Events: {@code open}, {@code message}, {@code error}, {@code console: ...} (the
 * console message Chromium logs for the socket, told apart by its URL), {@code close code "reason" wasClean=...}
 * (final). Browsers have no ping call: the PING step does nothing. Playwright is single-threaded, so one thread owns
 * it and runs the cells' starts, pumping the page's events between them.
 */
final class ChromiumDriver implements ClientDriver {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String START = """
      ([id, url, step]) => {
        const quote = (s) => '"' + (s.length > 40 ? s.slice(0, 40) + '...(' + s.length + ' chars)' : s) + '"';
        const report = (event, last) => window.report(id, event, last);
        let ws;
        try {
          ws = new WebSocket(url);
          (window.sockets = window.sockets || {})[id] = ws;
        } catch (e) {
          report('constructor threw ' + e.name + ': ' + e.message, true);
          return;
        }
        ws.onopen = () => {
          report('open', false);
          if (step === 'CLOSE') ws.close(1000, 'bye');
        };
        ws.onmessage = (m) => report('message ' + (typeof m.data === 'string' ? quote(m.data) : 'binary'), false);
        ws.onerror = () => report('error', false);
        ws.onclose = (e) => report('close ' + e.code + ' ' + quote(e.reason) + ' wasClean=' + e.wasClean, true);
      }
      """;

  private final BlockingQueue<Consumer<Page>> starts = new LinkedBlockingQueue<>();
  private final Map<String, Recorder> byId = new ConcurrentHashMap<>();
  private final Map<String, Recorder> byUrl = new ConcurrentHashMap<>();
  private final CompletableFuture<String> version = new CompletableFuture<>();
  private final String unavailable;
  private volatile boolean closing;
  private Thread owner;
  private Path home;

  /** Chromium trusting its default roots, plus {@code ca} when not null (a TLS run's test CA). */
  ChromiumDriver(TrustedCa ca) {
    String reason = null;
    if (!Files.isExecutable(CHROMIUM)) {
      reason = "no " + CHROMIUM + "; install it with: sudo apt-get update && sudo apt-get install -y chromium";
    } else if (ca != null) {
      reason = trust(ca);
    }
    if (reason == null) {
      owner = new Thread(this::own, "matrix-chromium");
      owner.setDaemon(true);
      owner.start();
      try {
        version.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        reason = "Chromium did not start under Playwright: " + Recorder.describe(e);
      }
    }
    unavailable = reason;
  }

  @Override
  public String id() {
    return "chromium";
  }

  @Override
  public String title() {
    return unavailable != null ? "Chromium" : "Chromium " + version.join().replaceFirst("\\..*", "");
  }

  @Override
  public String unavailable() {
    return unavailable;
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    String id = Integer.toHexString(System.identityHashCode(cell)) + cell.url();
    Recorder recorder = new Recorder();
    byId.put(id, recorder);
    byUrl.put(cell.url().toString(), recorder);
    starts.add(page -> page.evaluate(START, List.of(id, cell.url().toString(), cell.step().name())));
    try {
      return recorder.await(cell.timeout());
    } finally {
      starts.add(page -> page.evaluate("id => { window.sockets?.[id]?.close(); delete window.sockets?.[id]; }", id));
      byId.remove(id);
      byUrl.remove(cell.url().toString(), recorder);
    }
  }

  private void own() {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      BrowserType.LaunchOptions options = new BrowserType.LaunchOptions();
      if (home != null) {
        options.setEnv(Map.of("HOME", home.toAbsolutePath().toString()));
      }
      Browser browser = playwright.chromium().launch(options.setExecutablePath(CHROMIUM)
          .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
              "--disable-background-networking", "--disable-component-update", "--disable-sync")));
      Page page = browser.newContext().newPage();
      page.exposeBinding("report", (source, args) -> {
        Recorder recorder = byId.get((String) args[0]);
        if (recorder != null) {
          if (Boolean.TRUE.equals(args[2])) {
            recorder.finish((String) args[1]);
          } else {
            recorder.event((String) args[1]);
          }
        }
        return null;
      });
      page.onConsoleMessage(message -> byUrl.forEach((url, recorder) -> {
        if (message.text().contains("'" + url + "'")) {
          recorder.event("console: " + message.text());
        }
      }));
      version.complete(browser.version());
      while (!closing) {
        Consumer<Page> next = starts.poll();
        if (next != null) {
          next.accept(page);
        } else {
          page.waitForTimeout(20);
        }
      }
    } catch (RuntimeException e) {
      version.completeExceptionally(e);
    }
  }

  /**
   * Makes a HOME whose NSS database ({@code ~/.pki/nssdb}, where Chromium on Linux reads locally trusted roots)
   * trusts {@code ca} for servers; null when done, else why not (no {@code certutil}).
   */
  private String trust(TrustedCa ca) {
    try {
      home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "matrix-chromium-home");
      Path db = Files.createDirectories(home.resolve(".pki/nssdb"));
      Path pem = Files.writeString(home.resolve("test-ca.pem"), ca.pem());
      String dir = "sql:" + db;
      if (!Commands.runs(home, "certutil", "-N", "-d", dir, "--empty-password")
          || !Commands.runs(home, "certutil", "-A", "-d", dir, "-t", "C,,", "-n", "wschaos test CA", "-i",
              pem.toString())) {
        return "certutil (from libnss3-tools) could not add the test CA to an NSS database for Chromium; install it "
            + "with: sudo apt-get install -y libnss3-tools";
      }
      return null;
    } catch (java.io.IOException e) {
      return "cannot prepare Chromium's NSS database: " + e;
    }
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    if (owner != null) {
      owner.join(TimeUnit.SECONDS.toMillis(10));
    }
  }
}
