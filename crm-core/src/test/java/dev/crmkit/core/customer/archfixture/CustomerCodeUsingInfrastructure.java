package dev.crmkit.core.customer.archfixture;

import java.sql.Connection;

/**
 * A deliberate violation of rules 1, 2 and 3: a class in the customer domain using JDBC, an adapter type and a
 * core package the customer domain does not declare.
 */
public final class CustomerCodeUsingInfrastructure {
    Connection connection;
    dev.crmkit.inmemory.archfixture.InMemoryMarker adapterType;
    dev.crmkit.core.cyclea.Alpha undeclaredDomain;
}
