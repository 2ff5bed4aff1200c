package vn.doithoai.core.calendar.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Astronomy (Meeus, Astronomical Algorithms)")
class AstronomyTest {

    private static final double ARCSECOND = 1.0 / 3600.0;
    private static final double MINUTE = 1.0 / 1440.0;

    @Test
    @DisplayName("Meeus example 49.a: the New Moon of 1977 February, k = -283")
    void newMoonExample() {
        assertEquals(2443192.65118, Astronomy.newMoonJulianEphemerisDay(-283), 0.00001);
    }

    @Test
    @DisplayName("Meeus example 25.b: the Sun on 1992 October 13.0 TD, higher accuracy")
    void sunExample() {
        double tau = (2448908.5 - Astronomy.J2000) / 365250.0;
        assertEquals(-43.63484796, Vsop87Earth.longitude(tau), 1e-8);
        assertEquals(0.99760775, Vsop87Earth.radius(tau), 1e-8);
        // Meeus: λ = 199°54'21.818" with the full nutation; the four-term Δψ is within 0.5".
        assertEquals(199 + 54 / 60.0 + 21.818 / 3600.0, Astronomy.apparentSunLongitude(2448908.5),
                0.5 * ARCSECOND);
    }

    @Test
    @DisplayName("ΔT follows the Espenak-Meeus polynomials")
    void deltaT() {
        assertEquals(63.86, Astronomy.deltaTSeconds(2000.0), 1e-9);
        assertEquals(45.45, Astronomy.deltaTSeconds(1975.0), 1e-9);
    }

    /** Published UT instants (USNO / IMCCE), to the minute. */
    @Test
    @DisplayName("recent new moons and a solstice agree with published times to a minute")
    void publishedEvents() {
        // New Moon 2024 January 11, 11:57 UT.
        assertEquals(julianDay("2024-01-11T11:57:00Z"), Astronomy.newMoonJulianDay(297), MINUTE);
        // New Moon 2023 January 21, 20:53 UT.
        assertEquals(julianDay("2023-01-21T20:53:00Z"), Astronomy.newMoonJulianDay(285), MINUTE);
        // December solstice 2024 December 21, 09:20 UT: the Sun's apparent longitude is 270°.
        double solstice = julianDay("2024-12-21T09:20:00Z");
        assertEquals(270.0, Astronomy.sunLongitude(solstice), 1.0 / 1440.0); // ~1 minute of motion
    }

    private static double julianDay(String instant) {
        return 2440587.5 + Instant.parse(instant).getEpochSecond() / 86400.0;
    }
}
