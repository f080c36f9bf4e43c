package eu.aifactory.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;

/**
 * The rules inside the server (ARCHITECTURE.md): one package per feature, each routes → service → store; routes never
 * touch a store or a transaction; services know nothing of HTTP; a feature reads another feature's data through that
 * feature's service (two writes that share a transaction are named below); no cycles between server packages. Only
 * the composition root, the seeders and the CLI wire stores together.
 */
@AnalyzeClasses(packages = "eu.aifactory.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerRulesTest {

    private static final DescribedPredicate<JavaClass> ROUTES = DescribedPredicate.describe("routes",
            c -> c.isAssignableTo("eu.aifactory.server.http.Routes"));

    private static final DescribedPredicate<JavaClass> FEATURE_STORES = DescribedPredicate.describe(
            "stores of a feature", c -> c.getPackageName().startsWith("eu.aifactory.server.") && c.getSimpleName().endsWith("Store")
                    && !c.getPackageName().endsWith(".signing"));

    /**
     * Writes that must share one transaction with another feature's store: an engine writes a run's state, logs and
     * samples together (and the Slurm engine its job record with them); the budget ledger books a run's energy cells
     * in the transaction that changed the run; a residency record (dataset, replica, transfer, operator access) is
     * appended to the tenant's transparency log in the transaction that writes it.
     */
    private static final Set<String> SHARED_TRANSACTIONS = Set.of(
            "eu.aifactory.server.exec.sim.SimulatedEngine -> eu.aifactory.server.workload.WorkloadStore",
            "eu.aifactory.server.exec.slurm.SlurmEngine -> eu.aifactory.server.workload.WorkloadStore",
            "eu.aifactory.server.usage.BudgetLedger -> eu.aifactory.server.energy.EnergyStore",
            "eu.aifactory.server.residency.ResidencyStore -> eu.aifactory.server.transparency.TransparencyStore",
            "eu.aifactory.server.dataset.DatasetStore -> eu.aifactory.server.transparency.TransparencyStore");

    @ArchTest
    static final ArchRule routesNeverTouchAStoreOrATransaction = noClasses()
            .that(ROUTES)
            .should().dependOnClassesThat(FEATURE_STORES)
            .orShould().dependOnClassesThat().resideInAPackage("org.jdbi..")
            .because("routes translate HTTP to service calls; business rules and transactions live in services");

    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .or().resideInAPackage("eu.aifactory.server.exec..")
            .or().haveSimpleNameEndingWith("Store")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("services and engines are called by routes, jobs and the CLI alike");

    @ArchTest
    static final ArchRule aFeatureReadsAnotherThroughItsService = ArchRuleDefinition.classes()
            .that().resideInAPackage("eu.aifactory.server..")
            .and().resideOutsideOfPackages("eu.aifactory.server", "eu.aifactory.server.seed..", "eu.aifactory.server.cli..")
            .should(new ArchCondition<JavaClass>("use only the stores of their own package") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    item.getDirectDependenciesFromSelf().stream()
                            .map(d -> d.getTargetClass().getBaseComponentType())
                            .filter(FEATURE_STORES)
                            .filter(store -> !store.getPackageName().equals(item.getPackageName()))
                            .filter(store -> !SHARED_TRANSACTIONS.contains(item.getName() + " -> " + store.getName()))
                            .map(JavaClass::getName).distinct()
                            .forEach(store -> events.add(SimpleConditionEvent.violated(item,
                                    item.getName() + " uses " + store + " of another feature")));
                }
            });

    @ArchTest
    static final ArchRule storesNeverHandOutAHandle = ArchRuleDefinition.methods()
            .that().areDeclaredInClassesThat(FEATURE_STORES)
            .and().arePublic()
            .should().notHaveRawReturnType("org.jdbi.v3.core.Jdbi")
            .andShould().notHaveRawReturnType("org.jdbi.v3.core.Handle")
            .because("services open transactions (db.Transactions) and pass their handle to the stores they call");

    @ArchTest
    static final ArchRule onlyStoresAndTheDatabaseHoldAJdbi = noClasses()
            .that().resideInAPackage("eu.aifactory.server..")
            .and(DescribedPredicate.not(FEATURE_STORES))
            .and().resideOutsideOfPackages("eu.aifactory.server", "eu.aifactory.server.db..",
                    "eu.aifactory.server.seed..", "eu.aifactory.server.cli..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.jdbi.v3.core.Jdbi")
            .because("whoever holds a Jdbi can run statements outside any service's transaction");

    @ArchTest
    static final ArchRule serverPackagesAreFreeOfCycles = slices()
            .matching("eu.aifactory.server.(**)")
            .should().beFreeOfCycles();
}
