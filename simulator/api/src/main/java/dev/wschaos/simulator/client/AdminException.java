package dev.wschaos.simulator.client;

/** The admin API answered with an error other than an invalid plan or action. */
public final class AdminException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Problem problem;

  public AdminException(int status, Problem problem, String message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  /** The problem+json body, or {@code null} when there was none. */
  public Problem problem() {
    return problem;
  }
}
