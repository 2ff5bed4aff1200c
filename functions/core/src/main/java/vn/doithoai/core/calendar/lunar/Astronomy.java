package vn.doithoai.core.calendar.lunar;

/**
 * The two pieces of astronomy a lunisolar calendar needs: when the Moon is new, and where the Sun
 * is on the ecliptic. Everything is in Julian days (JD); "JDE" means a Julian day counted in
 * Terrestrial (Dynamical) Time, plain "JD" one counted in Universal Time.
 *
 * <p>Sources, all from Jean Meeus, <i>Astronomical Algorithms</i>, 2nd ed. (Willmann-Bell, 1998):
 * <ul>
 *   <li>new moon: chapter 49 "Phases of the Moon", formulas 49.1-49.7 for the mean phase and its
 *       arguments, the periodic corrections for the New Moon, and the 14 additional (planetary)
 *       corrections A1..A14 (the instants when the apparent longitudes of Moon and Sun are
 *       equal);</li>
 *   <li>Sun: chapter 25 "Solar Coordinates", the higher-accuracy method: the Earth's position
 *       from the truncated VSOP87 series of chapter 32 / Appendix III (see {@link Vsop87Earth}),
 *       the FK5 correction, nutation (chapter 22) and aberration;</li>
 *   <li>ΔT = TT - UT: the polynomial expressions of F. Espenak and J. Meeus, <i>Five Millennium
 *       Canon of Solar Eclipses</i> (NASA/TP-2006-214141), as published on the NASA eclipse web
 *       site ("Polynomial Expressions for Delta T").</li>
 * </ul>
 *
 * <p>Checked when written against an independent ephemeris for 1900-2100: new moons within about
 * 10 seconds, instants of the principal solar terms within about 40 seconds (plus whatever error
 * ΔT itself has, which grows to minutes by 2100). {@link StrictMath} everywhere, so the results
 * are bit-for-bit the same on every JVM.
 */
final class Astronomy {

    /** JD of 2000 January 1.5 TT, the epoch J2000.0. */
    static final double J2000 = 2451545.0;

    /** Meeus's mean synodic month (formula 49.1), in days. */
    static final double SYNODIC_MONTH = 29.530588861;

    /** JDE of the mean New Moon with index k = 0 (2000 January 6), formula 49.1. */
    static final double NEW_MOON_EPOCH = 2451550.09766;

    private static final double SECONDS_PER_DAY = 86400.0;

    private Astronomy() {
    }

    // ---------------------------------------------------------------- Moon (Meeus chapter 49)

    /**
     * JDE (Terrestrial Time) of the true New Moon with index {@code k}: k = 0 is the New Moon of
     * 2000 January 6, k = 1 the next one, k = -1 the one before.
     */
    static double newMoonJulianEphemerisDay(long k) {
        double t = k / 1236.85; // formula 49.3
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;

        double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k
                + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        double e = 1.0 - 0.002516 * t - 0.0000074 * t2; // formula 47.6
        double m = radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = radians(201.5643 + 385.81693528 * k
                + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = radians(160.7108 + 390.67050284 * k
                - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double omega = radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        // Periodic terms for the New Moon.
        double correction = -0.40720 * sin(mp)
                + 0.17241 * e * sin(m)
                + 0.01608 * sin(2 * mp)
                + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m)
                - 0.00514 * e * sin(mp + m)
                + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f)
                - 0.00057 * sin(mp + 2 * f)
                + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp)
                + 0.00042 * e * sin(m + 2 * f)
                + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m)
                - 0.00017 * sin(omega)
                - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f)
                + 0.00004 * sin(3 * m)
                + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f)
                - 0.00003 * sin(mp + m + 2 * f)
                + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f)
                - 0.00002 * sin(3 * mp + m)
                + 0.00002 * sin(4 * mp);

        // Additional corrections for all phases (arguments A1..A14, in degrees).
        double planetary = 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
                + 0.000165 * sinDeg(251.88 + 0.016321 * k)
                + 0.000164 * sinDeg(251.83 + 26.651886 * k)
                + 0.000126 * sinDeg(349.42 + 36.412478 * k)
                + 0.000110 * sinDeg(84.66 + 18.206239 * k)
                + 0.000062 * sinDeg(141.74 + 53.303771 * k)
                + 0.000060 * sinDeg(207.14 + 2.453732 * k)
                + 0.000056 * sinDeg(154.84 + 7.306860 * k)
                + 0.000047 * sinDeg(34.52 + 27.261239 * k)
                + 0.000042 * sinDeg(207.19 + 0.121824 * k)
                + 0.000040 * sinDeg(291.34 + 1.844379 * k)
                + 0.000037 * sinDeg(161.72 + 24.198154 * k)
                + 0.000035 * sinDeg(239.56 + 25.513099 * k)
                + 0.000023 * sinDeg(331.55 + 3.592518 * k);

        return jde + correction + planetary;
    }

    /** JD (Universal Time) of the true New Moon with index {@code k}. */
    static double newMoonJulianDay(long k) {
        double jde = newMoonJulianEphemerisDay(k);
        return jde - deltaTDays(jde);
    }

    /** Index of the mean New Moon nearest to {@code jd} (rounded down); may be off by one. */
    static long approximateLunation(double jd) {
        return (long) StrictMath.floor((jd - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    }

    // ---------------------------------------------------------------- Sun (Meeus chapter 25)

    /**
     * Apparent geocentric ecliptic longitude of the Sun, in degrees in [0, 360), at the instant
     * {@code jd} given in Universal Time.
     */
    static double sunLongitude(double jd) {
        return apparentSunLongitude(jd + deltaTDays(jd));
    }

    /**
     * Apparent longitude of the Sun (degrees, [0, 360)) referred to the true equinox of the date,
     * at {@code jde} in Terrestrial Time. This is the "higher accuracy" method of Meeus chapter 25:
     * <ol>
     *   <li>the Earth's heliocentric longitude L and radius vector R from the truncated VSOP87D
     *       series of Meeus's Appendix III ({@link Vsop87Earth});</li>
     *   <li>the Sun's geometric longitude L + 180°, converted to the FK5 system (-0.09033");</li>
     *   <li>plus the nutation in longitude Δψ (chapter 22, the four largest terms, good to
     *       0.5");</li>
     *   <li>plus the aberration, -20.4898" / R.</li>
     * </ol>
     * An error of 1" in longitude is about 24 seconds in the time at which the Sun reaches it.
     */
    static double apparentSunLongitude(double jde) {
        double tau = (jde - J2000) / 365250.0; // Julian millennia
        double t = tau * 10.0; // Julian centuries
        double earthLongitude = Vsop87Earth.longitude(tau); // radians, ecliptic of date
        double radius = Vsop87Earth.radius(tau); // AU
        double geometric = StrictMath.toDegrees(earthLongitude) + 180.0;
        double fk5 = -0.09033 / 3600.0;
        double aberration = -20.4898 / 3600.0 / radius;
        return normalizeDegrees(geometric + fk5 + nutationInLongitude(t) + aberration);
    }

    /**
     * Nutation in longitude Δψ in degrees, Meeus chapter 22 (the low-accuracy expression with the
     * four largest terms), {@code t} in Julian centuries from J2000.0.
     */
    static double nutationInLongitude(double t) {
        double omega = radians(125.04452 - 1934.136261 * t);
        double sunMeanLongitude = radians(280.4665 + 36000.7698 * t);
        double moonMeanLongitude = radians(218.3165 + 481267.8813 * t);
        double arcseconds = -17.20 * sin(omega)
                - 1.32 * sin(2 * sunMeanLongitude)
                - 0.23 * sin(2 * moonMeanLongitude)
                + 0.21 * sin(2 * omega);
        return arcseconds / 3600.0;
    }

    // ---------------------------------------------------------------- time scales

    /** ΔT = TT - UT in days, at {@code jd} (UT or TT: the difference does not matter here). */
    static double deltaTDays(double jd) {
        return deltaTSeconds(2000.0 + (jd - J2000) / 365.25) / SECONDS_PER_DAY;
    }

    /**
     * ΔT in seconds for the decimal year {@code y}, from the Espenak-Meeus polynomials. Each
     * branch is one line of their table; the ones before 1800 matter only for far-past dates.
     */
    static double deltaTSeconds(double y) {
        if (y < -500) {
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u;
        }
        if (y < 500) {
            double u = y / 100;
            return poly(u, 10583.6, -1014.41, 33.78311, -5.952053, -0.1798452, 0.022174192,
                    0.0090316521);
        }
        if (y < 1600) {
            double u = (y - 1000) / 100;
            return poly(u, 1574.2, -556.01, 71.23472, 0.319781, -0.8503463, -0.005050998,
                    0.0083572073);
        }
        if (y < 1700) {
            double t = y - 1600;
            return poly(t, 120, -0.9808, -0.01532, 1.0 / 7129);
        }
        if (y < 1800) {
            double t = y - 1700;
            return poly(t, 8.83, 0.1603, -0.0059285, 0.00013336, -1.0 / 1174000);
        }
        if (y < 1860) {
            double t = y - 1800;
            return poly(t, 13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272,
                    -0.0000001699, 0.000000000875);
        }
        if (y < 1900) {
            double t = y - 1860;
            return poly(t, 7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1.0 / 233174);
        }
        if (y < 1920) {
            double t = y - 1900;
            return poly(t, -2.79, 1.494119, -0.0598939, 0.0061966, -0.000197);
        }
        if (y < 1941) {
            double t = y - 1920;
            return poly(t, 21.20, 0.84493, -0.076100, 0.0020936);
        }
        if (y < 1961) {
            double t = y - 1950;
            return poly(t, 29.07, 0.407, -1.0 / 233, 1.0 / 2547);
        }
        if (y < 1986) {
            double t = y - 1975;
            return poly(t, 45.45, 1.067, -1.0 / 260, -1.0 / 718);
        }
        if (y < 2005) {
            double t = y - 2000;
            return poly(t, 63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599);
        }
        if (y < 2050) {
            double t = y - 2000;
            return poly(t, 62.92, 0.32217, 0.005589);
        }
        double u = (y - 1820) / 100;
        if (y < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        return -20 + 32 * u * u;
    }

    // ---------------------------------------------------------------- helpers

    /** c[0] + c[1] x + c[2] x^2 + ... (Horner). */
    private static double poly(double x, double... c) {
        double sum = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            sum = sum * x + c[i];
        }
        return sum;
    }

    static double normalizeDegrees(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    /** Degrees to radians, after reducing to [0, 360) so that large arguments stay exact. */
    private static double radians(double degrees) {
        return StrictMath.toRadians(normalizeDegrees(degrees));
    }

    private static double sinDeg(double degrees) {
        return StrictMath.sin(radians(degrees));
    }

    private static double sin(double radians) {
        return StrictMath.sin(radians);
    }
}
