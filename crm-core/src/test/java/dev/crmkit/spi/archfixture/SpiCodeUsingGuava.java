package dev.crmkit.spi.archfixture;

import com.google.common.base.Preconditions;

/** A deliberate violation of rule 4 (the SPI depending on a library outside the JDK). */
public final class SpiCodeUsingGuava {
    static void check(boolean ok) {
        Preconditions.checkArgument(ok);
    }
}
