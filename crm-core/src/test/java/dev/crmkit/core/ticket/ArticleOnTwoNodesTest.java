package dev.crmkit.core.ticket;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two {@code Crm} nodes on one database change one knowledge-base article: the change of the node that read the
 * article before the other node's change committed fails with a retryable conflict and stores nothing (with the
 * version check taken out of the store's update, the stale publish silently overwrote the revision).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArticleOnTwoNodesTest {
    private final String tenantId = "articles-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch secondEnded = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;
    private Crm nodeA;
    private Crm nodeB;

    @AfterEach
    void closeNodes() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_publish_of_an_article_another_node_revised_since_it_was_read_fails_and_stores_nothing(String variable)
            throws Exception {
        // given
        database = new TwoNodes(variable, "one knowledge-base article changed on two nodes");
        nodeA = Crm.builder().storage(holdingAfterRead(database.node("node-a"))).nodeId("node-a")
                .listener(delivered::add).build();
        nodeB = Crm.builder().storage(database.node("node-b")).nodeId("node-b").build();
        Article draft = kb(nodeB).draft(new ArticleContent("Descaling", "Citric acid.", List.of(), "en"));
        ArticleContent revision = new ArticleContent("Descaling the kettle", "Vinegar works too.", List.of(), "en");

        // when: node A publishes the draft it read before node B revised it
        List<Throwable> failures = TwoNodes.race(() -> kb(nodeA).publish(draft.id()), firstRead,
                () -> kb(nodeB).revise(draft.id(), 1, revision), secondEnded);

        // then
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        Article after = kb(nodeB).article(draft.id());
        assertThat(after.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(after.body()).isEqualTo("Vinegar works too.");
        assertThat(after.version()).isEqualTo(2);
        assertThat(database.commitOrder()).containsExactly("second");
        assertThat(eventsOf(draft.id())).containsExactly("ticket.article.drafted", "ticket.article.revised");
        assertThat(kb(nodeA).publish(draft.id()).state()).as("the retry succeeds").isEqualTo(ArticleState.PUBLISHED);
    }

    private KnowledgeBase kb(Crm node) {
        return node.tenant(tenantId).service(KnowledgeBase.class);
    }

    private List<String> eventsOf(UUID article) {
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId)
                && e.aggregateId().equals(article.toString())).map(PublishedEvent::type).toList();
    }

    /** Node A's storage: the unit named {@code first}, the first time it reads an article, waits for the second. */
    private Storage holdingAfterRead(JdbcStorage real) {
        KnowledgeBaseStorage kbStorage = real.capability(KnowledgeBaseStorage.class).orElseThrow();
        ArticleStore articles = proxy(ArticleStore.class, kbStorage.articles(), (method, args, call) -> {
            Object result = call.get();
            if (method.equals("get") && "first".equals(TwoNodes.currentUnit()) && held.compareAndSet(false, true)) {
                firstRead.countDown();
                TwoNodes.await(secondEnded);
            }
            return result;
        });
        KnowledgeBaseStorage holding = proxy(KnowledgeBaseStorage.class, kbStorage,
                (method, args, call) -> method.equals("articles") ? articles : call.get());
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("capability") && args[0] == KnowledgeBaseStorage.class
                        ? Optional.of(holding) : TwoNodes.forward(method, real, args));
    }
}
