package eu.aifactory.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The layer rules of ARCHITECTURE.md: {@code api} imports nothing of ours; {@code client} and {@code server} import
 * only {@code api}; {@code portal} never imports {@code server} except in {@code portal.app}, the composition root
 * that may start the embedded factory; feature packages of the portal have no cycles; only the portal uses JavaFX.
 * Every rule also holds while a package does not exist yet.
 */
@AnalyzeClasses(packages = "eu.aifactory", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String OURS = "eu.aifactory..";

    @ArchTest
    static final ArchRule apiDependsOnNothingOfOurs = classes()
            .that().resideInAPackage("eu.aifactory.api..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAPackage("eu.aifactory.api..")))
            .because("the wire contract is shared by client and server and must not pull either in")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule clientDependsOnlyOnApi = classes()
            .that().resideInAPackage("eu.aifactory.client..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                    .or(resideInAPackage("eu.aifactory.api.."))
                    .or(resideInAPackage("eu.aifactory.client..")))
            .because("the SDK must be usable without the server and without the UI")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule serverDependsOnlyOnApi = classes()
            .that().resideInAPackage("eu.aifactory.server..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                    .or(resideInAPackage("eu.aifactory.api.."))
                    .or(resideInAPackage("eu.aifactory.server..")))
            .because("the reference factory is deployable on its own")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule portalReachesTheServerOnlyThroughItsCompositionRoot = noClasses()
            .that().resideInAPackage("eu.aifactory.portal..")
            .and().resideOutsideOfPackage("eu.aifactory.portal.app..")
            .should().dependOnClassesThat().resideInAPackage("eu.aifactory.server..")
            .because("views talk to a factory through the client; only portal.app starts the embedded one")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyThePortalUsesJavaFx = noClasses()
            .that().resideInAPackage(OURS)
            .and().resideOutsideOfPackage("eu.aifactory.portal..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("api, client and server run headless on a factory host")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule portalFeaturesAreFreeOfCycles = slices()
            .matching("eu.aifactory.portal.(*)..")
            .that(DescribedPredicate.describe("are not the composition root app",
                    (Slice slice) -> !"app".equals(slice.getNamePart(1))))
            .should().beFreeOfCycles()
            .allowEmptyShould(true);
}
