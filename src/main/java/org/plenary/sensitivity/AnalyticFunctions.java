package org.plenary.sensitivity;

/**
 * The two standard test functions of global sensitivity analysis, with their analytic indices, for
 * checking the estimators (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, 4.9).
 */
public final class AnalyticFunctions {
    private AnalyticFunctions() {
    }

    /** Ishigami &amp; Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, x uniform on [-pi, pi]^3. */
    public record Ishigami(double a, double b) {
        /** The function at a point of the unit cube (scaled to [-pi, pi]). */
        public double value(double[] unit) {
            double x1 = -Math.PI + 2 * Math.PI * unit[0];
            double x2 = -Math.PI + 2 * Math.PI * unit[1];
            double x3 = -Math.PI + 2 * Math.PI * unit[2];
            double s2 = Math.sin(x2);
            return Math.sin(x1) + a * s2 * s2 + b * Math.pow(x3, 4) * Math.sin(x1);
        }

        private double variance() {
            double pi4 = Math.pow(Math.PI, 4);
            double pi8 = pi4 * pi4;
            return a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
        }

        /** V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0. */
        public double[] firstOrder() {
            double v1 = 0.5 * Math.pow(1 + b * Math.pow(Math.PI, 4) / 5, 2);
            return new double[] {v1 / variance(), a * a / 8 / variance(), 0};
        }

        /** VT1 = V1 + V13, VT2 = V2, VT3 = V13, with V13 = 8 b^2 pi^8 / 225. */
        public double[] totalOrder() {
            double v13 = 8 * b * b * Math.pow(Math.PI, 8) / 225;
            double[] first = firstOrder();
            return new double[] {first[0] + v13 / variance(), first[1], v13 / variance()};
        }
    }

    /** Sobol' g-function: prod (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^k; small a_i, important x_i. */
    public record GFunction(double[] a) {
        public double value(double[] unit) {
            double product = 1;
            for (int i = 0; i < a.length; i++) {
                product *= (Math.abs(4 * unit[i] - 2) + a[i]) / (1 + a[i]);
            }
            return product;
        }

        /** Partial variances V_i = 1 / (3 (1 + a_i)^2). */
        private double[] partial() {
            double[] v = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                v[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
            }
            return v;
        }

        private double variance() {
            double product = 1;
            for (double v : partial()) {
                product *= 1 + v;
            }
            return product - 1;
        }

        public double[] firstOrder() {
            double[] v = partial();
            double[] s = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                s[i] = v[i] / variance();
            }
            return s;
        }

        /** ST_i = V_i prod_{j != i} (1 + V_j) / V. */
        public double[] totalOrder() {
            double[] v = partial();
            double[] s = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                double product = v[i];
                for (int j = 0; j < a.length; j++) {
                    if (j != i) {
                        product *= 1 + v[j];
                    }
                }
                s[i] = product / variance();
            }
            return s;
        }
    }
}
