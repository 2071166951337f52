package org.plenary.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * What every section binder shares while one scenario is bound: the source tree (for file and line),
 * the one problem collector and the non-fatal warnings.
 */
final class Binding {
    private final SourceTree tree;
    private final Problems problems = new Problems();
    private final List<Problem> warnings = new ArrayList<>();

    Binding(SourceTree tree) {
        this.tree = tree;
    }

    SourceTree tree() {
        return tree;
    }

    Problems problems() {
        return problems;
    }

    List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** The whole scenario mapping, read with no field prefix. */
    YamlNode root() {
        return new YamlNode(this, tree.root(), "", "");
    }

    /** A problem or warning at the file and line the pointer was read from. */
    Problem locate(String pointer, String field, String message) {
        SourceTree.Origin origin = tree.originOf(pointer);
        return new Problem(origin.source(), origin.line(), field, message);
    }

    void problem(String pointer, String field, String message) {
        problems.add(locate(pointer, field, message));
    }

    void warn(Problem warning) {
        warnings.add(warning);
    }
}
