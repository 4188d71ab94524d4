package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.common.FieldPath;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.FleetActionTypes;
import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads plans from YAML or JSON and refuses invalid ones with every problem located by file, line, column and field.
 *
 * <pre>{@code
 * Plan plan = PlanLoader.load(Path.of("plans/flaky.yaml"));
 * Plan inline = PlanLoader.parse("rules: [{fault: {type: drop}}]", "inline");
 * }</pre>
 */
public final class PlanLoader {

  /** The syntax of a plan text. */
  public enum Format { YAML, JSON }

  private static final List<String> BEHAVIOURS = java.util.Arrays.stream(
      Behaviour.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
      .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).sorted().toList();

  private PlanLoader() {}

  /** Load and validate a plan file ({@code .json} is JSON, anything else YAML). */
  public static Plan load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (IOException e) {
      throw unreadable(file, e.getMessage());
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return parse(text, file.toString(), name.endsWith(".json") ? Format.JSON : Format.YAML);
  }

  /** Parse and validate a plan text, guessing its format (JSON if it starts with '{'). */
  public static Plan parse(String text, String source) {
    return parse(text, source, text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML);
  }

  /** Parse and validate a plan text. */
  public static Plan parse(String text, String source, Format format) {
    ObjectMapper mapper = format == Format.JSON ? Json.mapper() : Json.yaml();
    if (text.isBlank()) {
      throw new InvalidPlanException(source, List.of(new PlanProblem(FieldPath.ROOT,
          "the plan is empty; the smallest plan is `name: healthy`", new PlanProblem.SourceLocation(source, 1, 1))));
    }
    Plan plan;
    try {
      plan = mapper.readValue(text, Plan.class);
    } catch (JsonProcessingException e) {
      PlanProblem problem = bindingProblem(e, source, text);
      if (syntaxError(e) == null && e instanceof JsonMappingException && !problem.path().isRoot()) {
        // Jackson points past the offending value; the field's own position reads better.
        problem = problem.locatedAt(SourceLocations.index(mapper.getFactory(), text, source).locate(problem.path()));
      }
      throw new InvalidPlanException(source, List.of(problem));
    }
    throwIfAny(plan.validate(), mapper, text, source);
    return plan;
  }

  /**
   * Parse and validate one rule (as under a plan's {@code rules:}); problems name fields relative to the rule
   * ({@code fault.code}) with their line and column in {@code text}.
   */
  public static Rule parseRule(String text, String source, Format format) {
    ObjectMapper mapper = format == Format.JSON ? PlanMapper.json() : PlanMapper.yaml();
    Rule rule;
    try {
      rule = mapper.readValue(text, Rule.class);
    } catch (JsonProcessingException e) {
      throw new InvalidPlanException(source, List.of(bindingProblem(e, source, text)));
    }
    if (rule == null) {
      throw new InvalidPlanException(source, List.of(new PlanProblem(FieldPath.ROOT,
          "a rule is needed, e.g. {\"fault\": {\"type\": \"close\", \"code\": 1012}}", null)));
    }
    throwIfAny(rule.validate(), mapper, text, source);
    return rule;
  }

  /** Throws {@code problems}, each at its line and column in {@code text}, as one {@link InvalidPlanException}. */
  private static void throwIfAny(List<PlanProblem> problems, ObjectMapper mapper, String text, String source) {
    if (problems.isEmpty()) {
      return;
    }
    SourceLocations locations = SourceLocations.index(mapper.getFactory(), text, source);
    List<PlanProblem> located = new ArrayList<>();
    for (PlanProblem p : problems) {
      located.add(p.locatedAt(locations.locate(p.path())));
    }
    throw new InvalidPlanException(source, located);
  }

  /** Write a plan as YAML, in the form {@link #parse} reads. */
  public static String toYaml(Plan plan) {
    try {
      return Json.yaml().writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print plan " + plan.name(), e);
    }
  }

  /** Write a plan as JSON, in the form {@link #parse} reads. */
  public static String toJson(Plan plan) {
    try {
      return Json.pretty().writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print plan " + plan.name(), e);
    }
  }

  private static InvalidPlanException unreadable(Path file, String why) {
    return new InvalidPlanException(file.toString(),
        List.of(new PlanProblem(FieldPath.ROOT, "cannot read the plan file: " + why, null)));
  }

  private static JsonParseException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonParseException parse) {
        return parse;
      }
    }
    return null;
  }

  /** One located problem for a text that could not be bound to the plan model. */
  public static PlanProblem bindingProblem(JsonProcessingException e, String source, String text) {
    JsonParseException syntax = syntaxError(e);
    JsonLocation where = syntax != null ? syntax.getLocation() : e.getLocation();
    PlanProblem.SourceLocation location = where == null ? null
        : new PlanProblem.SourceLocation(source, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    FieldPath path = FieldPath.ROOT;
    if (e instanceof JsonMappingException mapping) {
      List<Object> segments = new ArrayList<>();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        segments.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
      }
      path = FieldPath.of(segments);
    }
    return new PlanProblem(path, describe(e, text), location);
  }

  private static String describe(JsonProcessingException e, String text) {
    JsonParseException syntax = syntaxError(e);
    if (syntax != null) {
      // SnakeYAML's message interleaves what is wrong with positions and source excerpts: keep what is wrong.
      Set<String> sourceLines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
      return "not valid " + (syntax.getProcessor() instanceof YAMLParser ? "YAML" : "JSON")
          + ": " + syntax.getOriginalMessage().lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("in 'reader'") && !line.equals("^")
              && !line.startsWith("at [Source"))
          .filter(line -> !sourceLines.contains(line))
          .reduce((a, b) -> a + "; " + b).orElse("syntax error");
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      TreeSet<String> known = new TreeSet<>();
      unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      return "unknown field '" + unknown.getPropertyName() + "'; allowed here: " + String.join(", ", known);
    }
    if (e instanceof InvalidTypeIdException badType) {
      boolean isFault = badType.getBaseType() != null && Fault.class.isAssignableFrom(badType.getBaseType().getRawClass());
      boolean isBehaviour = badType.getBaseType() != null
          && Behaviour.class.isAssignableFrom(badType.getBaseType().getRawClass());
      boolean isAction = badType.getBaseType() != null
          && FleetAction.class.isAssignableFrom(badType.getBaseType().getRawClass());
      String what = isFault ? "fault type" : isBehaviour ? "behaviour type" : isAction ? "fleet action type" : "type";
      String allowed = isFault ? String.join(", ", new TreeSet<>(FaultTypes.all().keySet()))
          : isBehaviour ? String.join(", ", BEHAVIOURS)
          : isAction ? String.join(", ", FleetActionTypes.all().keySet()) : "see docs/plan-format.md";
      return badType.getTypeId() == null
          ? "missing 'type': name the " + what + " (one of: " + allowed + ")"
          : "unknown " + what + " '" + badType.getTypeId() + "'; allowed: " + allowed;
    }
    if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
      return Objects.toString(instantiation.getCause().getMessage(), "invalid value");
    }
    String message = e.getOriginalMessage();
    if (message.startsWith("Missing required creator property")) {
      return "required, but missing (see this type's fields in docs/plan-format.md)";
    }
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline).trim() : message;
  }
}
