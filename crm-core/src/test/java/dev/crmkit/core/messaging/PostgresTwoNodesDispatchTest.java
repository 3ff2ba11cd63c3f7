package dev.crmkit.core.messaging;

/** {@link TwoNodesDispatch} on PostgreSQL ({@code CRMKIT_TEST_POSTGRES_URL}). */
class PostgresTwoNodesDispatchTest extends TwoNodesDispatch {
    @Override
    String urlVariable() {
        return "CRMKIT_TEST_POSTGRES_URL";
    }
}
