/**
 * A host application that is itself a named module, as a host on the module path writes it: it requires CRMKit's
 * core and adapters by their module names and reaches the domains through the exported packages only.
 *
 * <p>H2 has no module descriptor; it is required by the {@code Automatic-Module-Name} its jar declares. The package is
 * opened to JUnit because the program runs the storage contract suite, whose subclass lives here.
 */
@SuppressWarnings("requires-automatic") // H2's stable Automatic-Module-Name
module dev.crmkit.modulecheck {
    requires dev.crmkit.core;
    requires dev.crmkit.inmemory;
    requires dev.crmkit.jdbc;
    requires dev.crmkit.tck;
    requires com.h2database;
    requires org.junit.platform.launcher;

    exports dev.crmkit.modulecheck.visit to tools.jackson.databind;
    opens dev.crmkit.modulecheck to org.junit.platform.commons;
}
