package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.AdminException;
import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A subcommand that calls a running simulator's admin API. Failures become one line on stderr and an exit status
 * ({@link ExitCodes}): unreachable or 5xx is 1, an invalid input or a 4xx answer is 2; never a stack trace.
 */
abstract class RemoteCommand implements Callable<Integer> {

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  AdminOptions admin = new AdminOptions();

  /** Do the work; exceptions of the admin client are turned into exit statuses by {@link #call()}. */
  abstract int run(AdminClient client) throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      return run(admin.client());
    } catch (InvalidPlanException | DuplicateRuleException e) {
      return fail(ExitCodes.INVALID, e.getMessage());
    } catch (AdminException e) {
      return fail(e.status() == 0 || e.status() >= 500 ? ExitCodes.UNAVAILABLE : ExitCodes.INVALID, describe(e));
    } catch (UncheckedIOException e) {
      return fail(ExitCodes.INVALID, e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(ExitCodes.INVALID, e.getMessage());
    } finally {
      out().flush();
    }
  }

  private String describe(AdminException e) {
    if (e.status() == 0) {
      return "cannot reach the admin API at " + admin.url + " (is the simulator running with --admin-port?): "
          + e.getMessage().replaceFirst("^.*: ", "");
    }
    Problem problem = e.problem();
    if (problem == null) {
      return e.getMessage();
    }
    return "the admin API at " + admin.url + " answered " + problem.status() + " " + problem.title()
        + (problem.detail() == null ? "" : ": " + problem.detail());
  }

  int fail(int status, String message) {
    err().println("wschaos: " + message);
    err().flush();
    return status;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  boolean json() {
    return admin.json;
  }

  /** {@code value} as indented JSON on stdout. */
  void printJson(Object value) {
    out().println(Json.writePretty(value));
  }

  /** Put {@code value} under {@code key} unless it is null (an option left out), for request bodies built from options. */
  static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
