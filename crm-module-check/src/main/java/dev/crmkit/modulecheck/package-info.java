/**
 * A host program on the module path: {@link dev.crmkit.modulecheck.ModularHost} runs CRMKit on the in-memory adapter
 * and on H2 and the storage contract suite, and prints what it saw for {@code ModulePathTest} to check.
 */
package dev.crmkit.modulecheck;
