package dev.crmkit.core.module;

/**
 * Makes one domain service for one tenant. Called at most once per tenant handle and type; it may ask {@code tenant}
 * for the services of the domains this one requires, but not for its own.
 */
@FunctionalInterface
public interface TenantServiceFactory<S> {
    /** The service bound to {@link TenantServices#tenantId() tenant's id}. */
    S create(TenantServices tenant);
}
