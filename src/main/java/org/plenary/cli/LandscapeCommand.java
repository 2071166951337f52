package org.plenary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.plenary.reference.Landscape;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.LandscapeFile;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "landscape", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Predict the alignment of actors into two blocs by landscape theory.",
            "Axelrod & Bennett (1993): configurations minimise the energy",
            "  E = sum_i sum_j!=i s_i s_j p_ij d_ij   (d_ij = 1 when i, j are in different blocs)",
            "Prints every local minimum (no single switch lowers E), lowest energy first.",
            "Up to 25 actors all 2^(n-1) configurations are examined; beyond, steepest descent",
            "from --starts random configurations seeded by --seed (it may miss minima with",
            "small basins).",
            "FILE is a CSV: header actor,size,<actor names...>; then a line per actor, in the",
            "header's order: name, size (>= 0), propensities toward every actor (negative =",
            "dislike; symmetric; the diagonal is ignored and may be empty).",
            ""},
        footer = {"", "Example:",
            "  plenary landscape scenarios/landscapes/four-actors.csv",
            "where a file such as",
            "  actor,size,A,B,C",
            "  A,1,,1,-1",
            "  B,1,1,,-1",
            "  C,1,-1,-1,",
            "has one minimum: {A, B} against {C}, energy -4."})
final class LandscapeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The landscape CSV.")
    Path file;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random starts beyond " + Landscape.MAX_EXHAUSTIVE_ACTORS
                    + " actors (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "1000",
            description = "Random starts beyond " + Landscape.MAX_EXHAUSTIVE_ACTORS
                    + " actors (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--json",
            description = "Print JSON: {\"minima\": [{\"energy\": ..., \"blocs\": [[...], [...]]}, ...]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (starts < 1) {
            throw new InputException(new Problem("--starts", 0, "", "must be at least 1, got " + starts));
        }
        LandscapeFile.Landscape landscape = LandscapeFile.load(file);
        int actors = landscape.actors().size();
        boolean exhaustive = actors <= Landscape.MAX_EXHAUSTIVE_ACTORS;
        List<Landscape.Configuration> minima = exhaustive
                ? Landscape.exhaustiveLocalMinima(landscape.sizes(), landscape.propensities())
                : Landscape.sampledLocalMinima(landscape.sizes(), landscape.propensities(), starts,
                        new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        String search = exhaustive ? "exhaustive" : "sampled";
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("search", search);
            List<Object> list = new ArrayList<>();
            for (Landscape.Configuration minimum : minima) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("energy", minimum.energy());
                entry.put("blocs", List.of(names(landscape, minimum.firstBloc()),
                        names(landscape, minimum.secondBloc())));
                list.add(entry);
            }
            root.put("minima", list);
            Cli.printJson(out, root);
            return 0;
        }
        out.printf("%s: %d actors, %s; %d local minim%s, lowest energy first%n", file, actors,
                exhaustive ? "all " + (1L << (actors - 1)) + " configurations examined"
                        : starts + " random starts (seed " + seed + ")",
                minima.size(), minima.size() == 1 ? "um" : "a");
        for (int rank = 0; rank < minima.size(); rank++) {
            Landscape.Configuration minimum = minima.get(rank);
            out.printf("%d. energy %s%n   bloc 1: %s%n   bloc 2: %s%n", rank + 1, Numbers.format(minimum.energy()),
                    String.join(", ", names(landscape, minimum.firstBloc())),
                    minimum.secondBloc().length == 0 ? "(empty)"
                            : String.join(", ", names(landscape, minimum.secondBloc())));
        }
        out.flush();
        return 0;
    }

    private static List<String> names(LandscapeFile.Landscape landscape, int[] members) {
        return Arrays.stream(members).mapToObj(landscape.actors()::get).toList();
    }
}
