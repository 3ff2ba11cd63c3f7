package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of customer service's reports: figures the database computes over the stored tickets and
 * their completed milestones. An adapter offering it offers {@link TicketStorage} and {@link ServiceLevelStorage} too,
 * whose records the reports read.
 */
public interface ServiceReportStorage extends StorageCapability {
    /** The service reports. */
    ServiceReportStore serviceReports();
}
