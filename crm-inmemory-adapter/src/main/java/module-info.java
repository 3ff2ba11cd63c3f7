/**
 * The storage SPI in process memory, for tests, examples and small single-node hosts: exports
 * {@code dev.crmkit.inmemory}, whose only public type is {@code InMemoryStorage}; the stores behind it are
 * package-private.
 */
module dev.crmkit.inmemory {
    requires transitive dev.crmkit.spi;

    exports dev.crmkit.inmemory;
}
