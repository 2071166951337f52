package org.plenary.reference;

/**
 * Bueno de Mesquita (1994), date of EC emission standards for medium-sized cars, as used by the
 * replications: NL, BE, LU, DE, FR, IT, UK, IE, DK, GR. Salience is given here on the 0-1 scale.
 * Published round-0 values: weighted median 7.0, capability x salience weighted mean 7.38996.
 */
public final class EmissionStandards {
    public static final double[] CAPABILITY = {.08, .08, .03, .16, .16, .16, .16, .05, .05, .08};
    public static final double[] POSITION = {7, 4, 4, 4, 10, 10, 10, 7, 4, 7};
    public static final double[] SALIENCE = {.40, .80, .20, .80, .60, .60, .90, .10, 1.00, .70};

    static final int UK = 6;
    static final int DE = 3;

    private EmissionStandards() {}
}
