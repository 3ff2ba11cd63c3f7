package dev.crmkit.inmemory.archfixture;

/** A type in an adapter package that a deliberate violation refers to. */
public final class InMemoryMarker {
}
