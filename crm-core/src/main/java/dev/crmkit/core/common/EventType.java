package dev.crmkit.core.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The public name and schema version of a {@link DomainEvent}: what the outbox's {@code type} and
 * {@code schemaversion} columns hold and what a host's consumers see, independent of the Java record's name. A name is
 * the aggregate's name and what happened, lower case, with '.' between and '-' inside the parts:
 * {@code customer.registered}, {@code lead.first-contact-overdue}. Renaming the record changes nothing a consumer sees;
 * changing its components changes the payload, which the golden files in the tests catch, and calls for a new version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** The stable type name, such as {@code customer.registered}; at most 100 characters. */
    String value();

    /** The schema version of the payload, from 1; raised when a payload's fields change incompatibly. */
    int version() default 1;
}
