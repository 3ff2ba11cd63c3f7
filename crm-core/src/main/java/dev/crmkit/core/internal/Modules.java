package dev.crmkit.core.internal;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Finds, checks and orders the domain modules of one {@code Crm}. */
public final class Modules {
    /** Lower-case letters, digits and '-', in parts joined by '.'; 1 to 40 characters. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    private Modules() {
    }

    /** The modules found with {@link ServiceLoader} next to CRMKit's core: its built-in domains, and any a jar declares. */
    public static List<DomainModule> discovered() {
        List<DomainModule> found = new ArrayList<>();
        ServiceLoader.load(DomainModule.class, DomainModule.class.getClassLoader()).forEach(found::add);
        return found;
    }

    /**
     * The modules to compose, in an order where each comes after the ones it requires (otherwise in the order given):
     * {@code base}, with each of {@code added} replacing the one of its name or appended.
     *
     * @throws ValidationException ({@code modules}) for a null module, a malformed name, a required domain that is not
     *     registered, or domains that require each other; ({@code storage}) for a storage capability a domain needs and
     *     the storage does not offer, naming both
     */
    public static List<DomainModule> resolve(List<DomainModule> base, List<DomainModule> added, Storage storage) {
        Map<String, DomainModule> byName = new LinkedHashMap<>();
        for (DomainModule module : base) {
            byName.put(checkedName(module), module);
        }
        for (DomainModule module : added) {
            byName.put(checkedName(module), module);
        }
        for (DomainModule module : byName.values()) {
            for (String required : module.requires()) {
                if (!byName.containsKey(required)) {
                    throw new ValidationException("modules", "the " + module.name() + " domain requires the "
                            + required + " domain, which is not registered");
                }
            }
            for (Class<? extends StorageCapability> capability : module.storageCapabilities()) {
                if (!storage.offers(capability)) {
                    throw new ValidationException("storage", "offers no " + capability.getSimpleName()
                            + " capability, which the " + module.name() + " domain needs: use a storage that offers"
                            + " it, or leave the domain out");
                }
            }
        }
        return ordered(byName);
    }

    private static String checkedName(DomainModule module) {
        if (module == null) {
            throw new ValidationException("modules", "must not hold null");
        }
        String name = module.name();
        if (name == null || name.length() > 40 || !NAME.matcher(name).matches()) {
            throw new ValidationException("modules", "a domain's name must be 1 to 40 lower-case letters, digits,"
                    + " '-' and '.': " + module.getClass().getName());
        }
        return name;
    }

    private static List<DomainModule> ordered(Map<String, DomainModule> byName) {
        List<DomainModule> order = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (order.size() < byName.size()) {
            boolean progress = false;
            for (DomainModule module : byName.values()) {
                if (!placed.contains(module.name()) && placed.containsAll(module.requires())) {
                    order.add(module);
                    placed.add(module.name());
                    progress = true;
                }
            }
            if (!progress) {
                Set<String> waiting = new TreeSet<>(byName.keySet());
                waiting.removeAll(placed);
                throw new ValidationException("modules", "the domains " + String.join(", ", waiting)
                        + " require each other in a cycle");
            }
        }
        return order;
    }
}
