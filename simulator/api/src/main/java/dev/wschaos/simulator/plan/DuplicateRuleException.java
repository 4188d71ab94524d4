package dev.wschaos.simulator.plan;

/**
 * A rule was to be added under a name the plan already uses; nothing changed. Replace it by name instead
 * ({@code PUT /plan/rules/{name}}, {@code putRule}), or add it under another name.
 *
 * <pre>{@code
 * try {
 *   server.addRule(rule.named("busy"));
 * } catch (DuplicateRuleException taken) {
 *   server.putRule(rule.named(taken.name()));   // replace it where it stands instead
 * }
 * }</pre>
 */
public final class DuplicateRuleException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String name;

  public DuplicateRuleException(String name) {
    super("the plan already has a rule named '" + name + "'; replace it with PUT /plan/rules/" + name
        + " (putRule), or choose another name");
    this.name = name;
  }

  /** The name already in use. */
  public String name() {
    return name;
  }
}
