package dev.crmkit.core.customer;

import java.util.UUID;

/**
 * Who may own a tenant's customers: the port through which the customer domain checks an owner id without naming the
 * domain that keeps the people. The team domain offers it as a tenant service (an owner is a team member of the
 * tenant, as a lead's and a deal's owner is); a host that runs without the team domain may offer its own, and
 * without any, an owner id is taken as given.
 */
@FunctionalInterface
public interface CustomerOwners {
    /** Whether the id names someone who may own the tenant's customers. */
    boolean exists(UUID ownerId);
}
