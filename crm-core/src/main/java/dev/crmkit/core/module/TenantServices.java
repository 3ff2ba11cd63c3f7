package dev.crmkit.core.module;

import dev.crmkit.model.ValidationException;
import java.util.Optional;

/**
 * The services of one tenant, as the registered domains offer them: {@code service(LeadService.class)}. Every service
 * is bound to the tenant, so no command carries a tenant id. Thread-safe.
 */
public interface TenantServices {
    /** The tenant every service of this handle is bound to. */
    String tenantId();

    /**
     * The tenant's service of this type.
     *
     * @throws ValidationException ({@code type}) when no registered domain offers it, naming the type
     */
    <S> S service(Class<S> type);

    /** The tenant's service of this type, or empty when no registered domain offers it. */
    <S> Optional<S> find(Class<S> type);
}
