package dev.wschaos.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering, bottom to top, as the folder tree should read it. A dependency may only point down.
 *
 * <pre>
 *   shells     cli, junit                          (server module)
 *   facade     dev.wschaos.simulator (WsChaosServer)
 *   admin      admin (the admin API's routes and listener)
 *   runtime    engine, server, tls, control, metrics, cluster
 *   ---------------------------------------------------------------- wschaos-api below, no Vert.x
 *   clients    client (AdminClient), dsl (Chaos, ChaosTarget), assertj
 *   records    journal, analytics
 *   model      plan, fleet, behaviour
 *   faults     fault, fault.*
 *   values     common, match, json, message
 * </pre>
 */
class ArchitectureTest {

  private static final String ROOT = "dev.wschaos.simulator";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void layersOnlyDependDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("values").definedBy(ROOT + ".common..", ROOT + ".match..", ROOT + ".json..", ROOT + ".message..")
        .layer("faults").definedBy(ROOT + ".fault..")
        .layer("model").definedBy(ROOT + ".plan..", ROOT + ".fleet..", ROOT + ".behaviour..")
        .layer("records").definedBy(ROOT + ".journal..", ROOT + ".analytics..")
        .layer("clients").definedBy(ROOT + ".client..", ROOT + ".dsl..", ROOT + ".assertj..")
        .layer("runtime").definedBy(ROOT + ".engine..", ROOT + ".server..", ROOT + ".tls..", ROOT + ".control..",
            ROOT + ".metrics..", ROOT + ".cluster..")
        .layer("admin").definedBy(ROOT + ".admin..")
        .layer("facade").definedBy(ROOT)
        .layer("shells").definedBy(ROOT + ".cli..", ROOT + ".junit..")
        .whereLayer("values").mayNotAccessAnyLayer()
        .whereLayer("faults").mayOnlyAccessLayers("values")
        .whereLayer("model").mayOnlyAccessLayers("values", "faults")
        .whereLayer("records").mayOnlyAccessLayers("values", "faults", "model")
        .whereLayer("clients").mayOnlyAccessLayers("values", "faults", "model", "records")
        .whereLayer("runtime").mayOnlyAccessLayers("values", "faults", "model", "records", "clients")
        .whereLayer("admin").mayOnlyAccessLayers("values", "faults", "model", "records", "clients", "runtime")
        .whereLayer("facade").mayOnlyAccessLayers("values", "faults", "model", "records", "clients", "runtime",
            "admin")
        .whereLayer("shells").mayOnlyAccessLayers("values", "faults", "model", "records", "clients", "runtime",
            "admin", "facade")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theApiKnowsNothingOfVertxOrNetty() {
    noClasses().that().resideInAnyPackage(ROOT + ".common..", ROOT + ".match..", ROOT + ".json..", ROOT + ".message..",
            ROOT + ".fault..", ROOT + ".plan..", ROOT + ".fleet..", ROOT + ".behaviour..", ROOT + ".journal..",
            ROOT + ".analytics..", ROOT + ".client..", ROOT + ".dsl..", ROOT + ".assertj..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "picocli..",
            "org.bouncycastle..", "io.micrometer..", "org.junit..")
        .check(classes);
  }
}
