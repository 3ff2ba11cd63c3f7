package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of satisfaction surveys: the customers' answers after their tickets were resolved, at most
 * one per ticket, and their aggregation per agent and team, computed by the database.
 */
public interface SatisfactionStorage extends StorageCapability {
    /** The survey responses. */
    SurveyStore surveys();
}
