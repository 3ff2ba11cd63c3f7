/**
 * A host's own domain on the module path: store visits a customer books. Its event record is serialized and read back
 * by the core's Jackson mapper, which is why the host module exports this package to {@code tools.jackson.databind}.
 */
package dev.crmkit.modulecheck.visit;
