package org.plenary.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The whole input pipeline: read the YAML (or convert a KTAB CSV), merge a delegations file, apply
 * --set, validate.
 */
public final class ScenarioLoader {

    /**
     * A loaded scenario with what a researcher should know about how it was read.
     *
     * @param source        the scenario as read, with its delegations file merged and overrides applied,
     *                      as YAML: profiles and other derivations are still rules there, so overriding
     *                      it again (as a sweep does for each point) re-derives everything
     * @param positionScale what position 1 was in the file: 1 for YAML, 100 for KTAB's 0-100 scale
     * @param referenceColumns columns of the delegations file kept for the researcher (ISO codes,
     *                      memberships...) and not read by the model; worth a note, not a warning
     */
    public record Loaded(Path file, String sha256, Scenario scenario, List<Problem> warnings, String source,
                         double positionScale, List<String> referenceColumns) { }

    private ScenarioLoader() {
    }

    public static Loaded load(Path file, List<Overrides.Assignment> overrides) throws InputException {
        boolean ktab = KtabFile.isKtab(file);
        SourceTree tree = ktab ? KtabFile.load(file) : YamlLoader.load(file);
        List<String> referenceColumns = DelegationsFile.merge(tree);
        Overrides.apply(tree, overrides);
        ScenarioBinder.Result result = ScenarioBinder.bind(tree);
        List<Problem> warnings = ktab ? result.warnings() : withStatedAssumptions(file, result);
        return new Loaded(file, sha256(file), result.scenario(), warnings, YamlLoader.write(tree.root()),
                ktab ? KtabFile.SCALE : 1, referenceColumns);
    }

    /** The binder's warnings, then one for each {@code # assumes:} comment the resolved scenario contradicts. */
    private static List<Problem> withStatedAssumptions(Path file, ScenarioBinder.Result result) throws InputException {
        try {
            List<Problem> warnings = new java.util.ArrayList<>(result.warnings());
            warnings.addAll(StatedAssumptions.check(file, result.scenario()));
            return warnings;
        } catch (IOException e) {
            throw new InputException(new Problem(file.toString(), 0, "", "cannot read the file: " + e.getMessage()));
        }
    }

    /**
     * A YAML scenario read once, delegations file merged, for binding many overridden variants of it
     * with {@link #bind} (sweep points): parsing the file again for each would cost as much as binding.
     */
    public static SourceTree read(Path file) throws InputException {
        SourceTree tree = YamlLoader.load(file);
        DelegationsFile.merge(tree);
        return tree;
    }

    /** The scenario of a tree from {@link #read} with the overrides applied; the tree itself is untouched. */
    public static Scenario bind(SourceTree base, List<Overrides.Assignment> overrides) throws InputException {
        SourceTree tree = base.copy();
        Overrides.apply(tree, overrides);
        return ScenarioBinder.bind(tree).scenario();
    }

    /**
     * A variant of a loaded scenario: its source with further overrides, re-derived from scratch (profiles
     * included), as for a sweep point; {@code source} of the result is the variant's YAML.
     */
    public static Loaded derive(Loaded base, List<Overrides.Assignment> overrides) throws InputException {
        SourceTree tree = YamlLoader.parse(base.file(), base.source());
        Overrides.apply(tree, overrides);
        ScenarioBinder.Result result = ScenarioBinder.bind(tree);
        return new Loaded(base.file(), base.sha256(), result.scenario(), result.warnings(),
                YamlLoader.write(tree.root()), base.positionScale(), base.referenceColumns());
    }

    private static String sha256(Path file) throws InputException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new InputException(new Problem(file.toString(), 0, "", "cannot read the file: " + e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
