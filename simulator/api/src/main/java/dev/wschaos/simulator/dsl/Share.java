package dev.wschaos.simulator.dsl;

/**
 * How many of the open connections a fleet action takes: a percentage or a count, drawn from the server's seeded
 * random source.
 *
 * <pre>{@code
 * import static dev.wschaos.simulator.dsl.Share.percent;
 * chaos.now().drop(percent(30));
 * chaos.now().reset(Share.count(5));
 * }</pre>
 */
public final class Share {

  final Double share;
  final Integer count;

  private Share(Double share, Integer count) {
    this.share = share;
    this.count = count;
  }

  /** {@code value} percent of the connections (0 to 100). */
  public static Share percent(double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("a percentage is from 0 to 100, not " + value);
    }
    return new Share(value / 100.0, null);
  }

  /** {@code value} connections (all when fewer are open). */
  public static Share count(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a count is 0 or more, not " + value);
    }
    return new Share(null, value);
  }

  /** Every connection. */
  public static Share all() {
    return new Share(null, null);
  }

  @Override
  public String toString() {
    return share != null ? share * 100 + "%" : count != null ? count + " connections" : "all";
  }
}
