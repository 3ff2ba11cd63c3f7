package dev.crmkit.examples.dealer;

/** Where a test drive stands: booked, then completed or cancelled, never back. */
public enum TestDriveStatus {
    BOOKED, COMPLETED, CANCELLED;

    /** Whether a drive in this status may move to {@code next}: only a booked drive moves, and only forward. */
    public boolean canMoveTo(TestDriveStatus next) {
        return this == BOOKED && next != BOOKED;
    }
}
