package dev.wschaos.loadtests;

/**
 * This process's part of a run shared by several injector processes ({@code -Dinjector=K/N}): injector {@code K} of
 * {@code N} runs its share of the users (shares differ by at most one), its clients' ids carry {@code -iK-}, its
 * files a suffix; only injector 1 resets the simulator, installs the plan and takes the fleet actions.
 *
 * <pre>{@code
 * InjectorShare two = InjectorShare.parse("2/3");
 * two.users(30_000);           // 10,000
 * two.fileSuffix();            // "-injector-2-of-3"
 * }</pre>
 */
record InjectorShare(int index, int count) {

  static final InjectorShare SOLE = new InjectorShare(1, 1);

  InjectorShare {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("-Dinjector=" + index + "/" + count
          + ": K/N needs 1 <= K <= N, e.g. 2/3 for the second of three injectors");
    }
  }

  /** {@code K/N}, e.g. {@code 2/3}; null or blank is {@code 1/1}. */
  static InjectorShare parse(String text) {
    if (text == null || text.isBlank()) {
      return SOLE;
    }
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("-Dinjector=" + text + ": use K/N, e.g. 2/3 for the second of three injectors");
    }
    try {
      return new InjectorShare(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-Dinjector=" + text + ": K and N must be whole numbers, e.g. 2/3");
    }
  }

  boolean single() {
    return count == 1;
  }

  /** Injector 1 resets the simulator, installs the plan and takes the fleet actions. */
  boolean leads() {
    return index == 1;
  }

  /** This injector's share of {@code total} users: the first {@code total mod N} injectors run one more. */
  int users(int total) {
    if (total < count) {
      throw new IllegalArgumentException("-Dusers=" + total + " is fewer than the " + count
          + " injectors: each needs at least one user");
    }
    return total / count + (index <= total % count ? 1 : 0);
  }

  /** Client ids of this injector: {@code SCENARIO-} alone, {@code SCENARIO-iK-} with several. */
  String clientPrefix(String scenario) {
    return single() ? scenario + "-" : scenario + "-i" + index + "-";
  }

  /** Appended to the scenario's name in file names: none alone, {@code -injector-K-of-N} with several. */
  String fileSuffix() {
    return single() ? "" : "-injector-" + index + "-of-" + count;
  }

  /** {@code injector 2 of 3, 10,000 of 30,000 users}. */
  String describe(int total) {
    return String.format("injector %d of %d, %,d of %,d users", index, count, users(total), total);
  }
}
