/**
 * The storage contract suite an adapter runs in its own tests to certify itself: extend
 * {@code dev.crmkit.tck.StorageContract} and supply a fresh storage.
 *
 * <p>JUnit Jupiter's API is required transitively, since an adapter's subclass of the suite is itself a JUnit test
 * class. The package is opened to JUnit's reflection ({@code org.junit.platform.commons}), which calls the suite's
 * package-private test and life-cycle methods; nothing else may reflect into it. QuickTheories 0.26 has no module
 * descriptor and no {@code Automatic-Module-Name}, so it is required by the name the module system derives from its
 * jar, {@code quicktheories}; it is the project's final release, so that name will not change under the suite.
 */
@SuppressWarnings("requires-automatic") // see above: a stable name
module dev.crmkit.tck {
    requires transitive dev.crmkit.spi;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires quicktheories;

    exports dev.crmkit.tck;
    opens dev.crmkit.tck to org.junit.platform.commons;
}
