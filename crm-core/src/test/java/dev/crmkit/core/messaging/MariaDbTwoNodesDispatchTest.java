package dev.crmkit.core.messaging;

/** {@link TwoNodesDispatch} on MariaDB ({@code CRMKIT_TEST_MARIADB_URL}). */
class MariaDbTwoNodesDispatchTest extends TwoNodesDispatch {
    @Override
    String urlVariable() {
        return "CRMKIT_TEST_MARIADB_URL";
    }
}
