package dev.crmkit.core;

import dev.crmkit.core.internal.Assembly;
import dev.crmkit.core.module.TenantServiceFactory;
import dev.crmkit.model.ValidationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services of one tenant, each made the first time it is asked for. Creation is serialized on the handle, so a
 * factory may ask for the services of the domains its own builds on (the lead service asks for the customer service).
 */
final class DefaultTenantCrm implements TenantCrm {
    private final Assembly assembly;
    private final String tenantId;
    private final Map<Class<?>, Object> made = new HashMap<>();
    private final Set<Class<?>> making = new HashSet<>();

    DefaultTenantCrm(Assembly assembly, String tenantId) {
        this.assembly = assembly;
        this.tenantId = tenantId;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public <S> S service(Class<S> type) {
        return find(type).orElseThrow(() -> new ValidationException("type", "no registered domain offers "
                + (type == null ? "null" : type.getSimpleName()) + "; the domains offer " + offered()));
    }

    @Override
    public synchronized <S> Optional<S> find(Class<S> type) {
        if (type == null) {
            return Optional.empty();
        }
        Object existing = made.get(type);
        if (existing != null) {
            return Optional.of(type.cast(existing));
        }
        Optional<TenantServiceFactory<S>> factory = assembly.factory(type);
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        if (!making.add(type)) {
            throw new IllegalStateException("the factory of " + type.getName() + " asks for itself, through the"
                    + " services it asks for");
        }
        try {
            S service = factory.get().create(this);
            made.put(type, service);
            return Optional.of(service);
        } finally {
            making.remove(type);
        }
    }

    private String offered() {
        Set<String> names = new TreeSet<>();
        assembly.serviceTypes().forEach(t -> names.add(t.getSimpleName()));
        return String.join(", ", names);
    }
}
