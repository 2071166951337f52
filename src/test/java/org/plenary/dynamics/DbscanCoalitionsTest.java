package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.testing.Scenarios;

class DbscanCoalitionsTest {
    @TempDir
    Path dir;

    @Test
    void findsTheSameClustersAsCommonsMath() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 40;
            StringBuilder yaml = new StringBuilder("name: t\ndimensions: [{id: a}, {id: b}]\ndelegations:\n");
            for (int i = 0; i < n; i++) {
                yaml.append(String.format(java.util.Locale.ROOT, "  - {id: D%d, position: {a: %.4f, b: %.4f}, capability: %d}%n",
                        i, random.nextDouble(), random.nextDouble(), 1 + random.nextInt(5)));
            }
            Assembly a = new Assembly(Scenarios.load(dir, yaml.toString()));
            double radius = 0.05 + 0.1 * random.nextDouble();
            int minMembers = 2 + random.nextInt(3);
            Set<Set<Integer>> ours = new HashSet<>();
            for (Coalition c : new DbscanCoalitions(radius, minMembers).detect(a)) {
                Set<Integer> members = new HashSet<>();
                Arrays.stream(c.members()).forEach(members::add);
                ours.add(members);
            }
            List<DoublePoint> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                points.add(new DoublePoint(new double[] {a.position[2 * i], a.position[2 * i + 1]}));
            }
            Set<Set<Integer>> theirs = new HashSet<>();
            for (Cluster<DoublePoint> cluster : new DBSCANClusterer<DoublePoint>(radius, minMembers - 1).cluster(points)) {
                Set<Integer> members = new HashSet<>();
                for (DoublePoint p : cluster.getPoints()) {
                    members.add(indexOfIdentity(points, p));
                }
                theirs.add(members);
            }
            assertEquals(theirs, ours, "trial " + trial);
        }
    }

    private static int indexOfIdentity(List<DoublePoint> points, DoublePoint p) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) == p) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @Test
    void sharesAndCentroidsAreCapabilityWeighted() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: t
                dimensions: [{id: a}]
                delegations:
                  - {id: X, position: {a: 0.10}, capability: 3}
                  - {id: Y, position: {a: 0.14}, capability: 1}
                  - {id: Z, position: {a: 0.90}, capability: 4}
                """));
        List<Coalition> coalitions = new DbscanCoalitions(0.1, 2).detect(a);
        assertEquals(1, coalitions.size());
        assertEquals(0.5, coalitions.get(0).capabilityShare(), 1e-12);
        assertEquals((0.3 + 0.14) / 4, coalitions.get(0).centroid()[0], 1e-12);
    }
}
