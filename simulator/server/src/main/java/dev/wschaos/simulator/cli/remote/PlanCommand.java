package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code wschaos plan ...}: check a plan file, and read, replace or edit the plan of a running simulator. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Check a plan, or show, replace and edit the plan of a running simulator.",
    subcommands = {PlanCommand.Check.class, PlanCommand.Show.class, PlanCommand.Apply.class, PlanCommand.AddRule.class,
        PlanCommand.PutRule.class, PlanCommand.RemoveRule.class, PlanCommand.Reset.class})
public final class PlanCommand extends CommandGroup {

  /** Validate a plan here, without a simulator: the plan as YAML on stdout, or every problem with its line. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate a plan file or built-in plan locally (no simulator needed) and print it as YAML.")
  static final class Check implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|NAME", description = "a plan file (YAML or JSON) or a built-in plan name")
    String plan;

    @CommandLine.Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Override
    public Integer call() {
      try {
        Plan loaded = PlanCatalog.load(plan);
        loaded.requireValid("'" + loaded.name() + "'");
        spec.commandLine().getOut().print(json ? PlanLoader.toJson(loaded) + System.lineSeparator()
            : PlanLoader.toYaml(loaded));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      } catch (InvalidPlanException e) {
        spec.commandLine().getErr().println("wschaos: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return ExitCodes.INVALID;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the running plan as YAML.")
  static final class Show extends RemoteCommand {

    @Override
    int run(AdminClient client) {
      Plan plan = client.plan();
      out().print(json() ? PlanLoader.toJson(plan) + System.lineSeparator() : PlanLoader.toYaml(plan));
      return ExitCodes.OK;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = {"Replace the running plan (PUT /plan): its timeline starts again from zero.",
          "The file is sent as written, so problems come back with its lines."})
  static final class Apply extends RemoteCommand {

    @Parameters(paramLabel = "FILE|NAME|-", description = "a plan file (YAML or JSON), a built-in plan name, or - for stdin")
    String plan;

    @Override
    int run(AdminClient client) {
      String text;
      if (plan.equals("-") || Files.isRegularFile(Path.of(plan))) {
        text = read(plan);
      } else if (PlanCatalog.NAMES.contains(plan)) {
        text = PlanCatalog.source(plan);
      } else {
        return fail(ExitCodes.INVALID, "no plan file '" + plan + "' and no built-in plan of that name; built-in plans: "
            + String.join(", ", PlanCatalog.NAMES));
      }
      Plan applied;
      try {
        applied = client.replacePlan(text);
      } catch (InvalidPlanException e) {
        String source = plan.equals("-") ? "stdin" : plan;
        throw new InvalidPlanException(source, e.problems().stream().map(p -> p.location() == null ? p
            : p.locatedAt(new PlanProblem.SourceLocation(source, p.location().line(), p.location().column()))).toList());
      }
      return printPlan(this, applied, "applied");
    }
  }

  @Command(name = "add-rule", mixinStandardHelpOptions = true,
      description = {"Add one rule after the plan's others (POST /plan/rules), as an edit: the timeline, limits and",
          "seed stay. Fails (exit 2) when a rule of that name exists: use put-rule to replace it."})
  static final class AddRule extends RemoteCommand {

    @Parameters(paramLabel = "RULE", description = "the rule: a file, - for stdin, or inline YAML/JSON, e.g. "
        + "'{name: boom, fault: {type: close, code: 1011}}'")
    String rule;

    @Override
    int run(AdminClient client) {
      Rule added = client.addRule(parseRule(rule));
      return printRule(this, added, "added");
    }
  }

  @Command(name = "put-rule", mixinStandardHelpOptions = true,
      description = "Add the rule named NAME, or replace it where it stands (PUT /plan/rules/NAME), as an edit.")
  static final class PutRule extends RemoteCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the rule's name")
    String name;

    @Parameters(index = "1", paramLabel = "RULE", description = "the rule: a file, - for stdin, or inline YAML/JSON")
    String rule;

    @Override
    int run(AdminClient client) {
      Rule parsed = parseRule(rule);
      if (parsed.name() != null && !parsed.name().equals(name)) {
        return fail(ExitCodes.INVALID, "the rule is named '" + parsed.name() + "', not '" + name + "'");
      }
      Rule named = parsed.named(name);
      boolean replaced = client.putRule(named);
      return printRule(this, named, replaced ? "replaced" : "added");
    }
  }

  @Command(name = "remove-rule", mixinStandardHelpOptions = true,
      description = "Remove the rule named NAME (DELETE /plan/rules/NAME); exit 2 when there is none.")
  static final class RemoveRule extends RemoteCommand {

    @Parameters(paramLabel = "NAME", description = "the rule's name")
    String name;

    @Override
    int run(AdminClient client) {
      if (!client.removeRule(name)) {
        return fail(ExitCodes.INVALID, "no rule named '" + name + "' in the plan at " + client.url()
            + " (wschaos plan show lists them)");
      }
      if (json()) {
        printJson(java.util.Map.of("removed", name));
      } else {
        out().println("rule '" + name + "' removed");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Back to the healthy plan (DELETE /plan); connections stay open.")
  static final class Reset extends RemoteCommand {

    @Override
    int run(AdminClient client) {
      return printPlan(this, client.clearPlan(), "applied");
    }
  }

  private static int printPlan(RemoteCommand command, Plan plan, String verb) {
    if (command.json()) {
      command.out().println(PlanLoader.toJson(plan));
    } else {
      command.out().println("plan '" + plan.name() + "' " + verb + " (" + plan.rules().size() + " rules)");
    }
    return ExitCodes.OK;
  }

  private static int printRule(RemoteCommand command, Rule rule, String verb) {
    if (command.json()) {
      command.printJson(rule);
    } else {
      command.out().println("rule '" + rule.name() + "' " + verb);
    }
    return ExitCodes.OK;
  }

  /** A rule from a file, stdin ({@code -}) or the argument itself, checked here with lines and columns. */
  static Rule parseRule(String argument) {
    boolean file = !argument.equals("-") && !argument.contains("{") && !argument.contains("\n")
        && Files.isRegularFile(Path.of(argument));
    String source = argument.equals("-") ? "stdin" : file ? argument : "the rule argument";
    String text = argument.equals("-") || file ? read(argument) : argument;
    return PlanLoader.parseRule(text, source, PlanLoader.Format.YAML);
  }

  static String read(String fileOrDash) {
    try {
      if (fileOrDash.equals("-")) {
        InputStream in = System.in;
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(fileOrDash));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileOrDash + ": " + e.getMessage(), e);
    }
  }
}
