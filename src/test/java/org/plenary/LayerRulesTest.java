package org.plenary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md as rules on the compiled main classes: each rule is one test,
 * named for the rule, so a failure says which rule a change broke and the classes that broke it.
 * Rules speak of whole packages (with their subpackages), so a package split into smaller classes
 * or subpackages keeps them.
 */
@AnalyzeClasses(packages = "org.plenary", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
    private static final String[] ABOVE_THE_MODEL = {"org.plenary.observe..", "org.plenary.results..",
        "org.plenary.analysis..", "org.plenary.cli.."};

    /** Files, and the libraries that write them: the model's state and mechanisms have no use for any. */
    private static final String[] INPUT_OUTPUT = {"java.io..", "java.nio.file..", "com.fasterxml.jackson..",
        "org.apache.commons.csv..", "org.jfree.."};

    /**
     * The layers that write charts. idealpoints too: like backtest, it is a procedure with its own
     * command and results folder (ideal-points.png beside the estimates), drawn with results.ChartStyle;
     * it cannot hand the drawing to results or backtest, as both sit below it.
     */
    private static final String[] CHART_WRITERS = {"org.plenary.results..", "org.plenary.analysis..",
        "org.plenary.sweep..", "org.plenary.sensitivity..", "org.plenary.backtest..", "org.plenary.idealpoints.."};

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.plenary.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .as("the packages of org.plenary (each with its subpackages) are free of cycles")
            .because("each layer builds on the ones below it and none reaches back up");

    @ArchTest
    static final ArchRule modelAndDynamicsNeverImportTheLayersAbove = modelAndDynamicsNeverUse(ABOVE_THE_MODEL)
            .as("model and dynamics never import observe, results, analysis or cli")
            .because("data flows one way: the model is observed, never the other way round");

    @ArchTest
    static final ArchRule modelAndDynamicsDoNoInputOrOutput = modelAndDynamicsNeverUse(INPUT_OUTPUT)
            .as("model and dynamics do no I/O (java.io, java.nio.file, Jackson, Commons CSV, JFreeChart)")
            .because("a model class never writes files: observers record, results write");

    @ArchTest
    static final ArchRule onlyCliUsesPicocli = noClasses()
            .that().resideOutsideOfPackage("org.plenary.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .as("only cli uses picocli")
            .because("every other layer is called from code and tests as well as from the command line");

    @ArchTest
    static final ArchRule onlyTheOutputLayersDrawCharts = noClasses()
            .that().resideOutsideOfPackages(CHART_WRITERS)
            .should().dependOnClassesThat().resideInAPackage("org.jfree..")
            .as("only results, analysis, sweep, sensitivity, backtest and idealpoints draw charts (JFreeChart)")
            .because("charts are drawn from saved or aggregated results, with one style (results.ChartStyle)");

    private static ArchRule modelAndDynamicsNeverUse(String... packages) {
        return noClasses().that().resideInAnyPackage("org.plenary.model..", "org.plenary.dynamics..")
                .should().dependOnClassesThat().resideInAnyPackage(packages);
    }
}
