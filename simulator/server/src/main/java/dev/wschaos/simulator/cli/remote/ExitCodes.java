package dev.wschaos.simulator.cli.remote;

/** The exit statuses of every subcommand, as {@code docs/cli.md} lists them (serving too). */
public final class ExitCodes {

  /** Done, or stopped normally (SIGTERM, Ctrl-C). */
  public static final int OK = 0;
  /** The simulator could not listen, is unreachable, or its admin API failed (5xx). */
  public static final int UNAVAILABLE = 1;
  /** Bad input: an invalid plan, rule, action or command line, or a request the admin API refused (4xx). */
  public static final int INVALID = 2;

  private ExitCodes() {}
}
