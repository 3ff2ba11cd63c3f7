package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A customer's lifecycle stage and profile under generated command sequences, legal and illegal ones alike, against
 * a simple model (the table in customers.md): an accepted command leaves the stored customer in the stage, with the
 * tags, owner and fields the model says, and writes (a new version, events in the outbox) exactly when it changed
 * something; a refused command throws the documented {@link CrmException} and leaves the stored customer and the
 * outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerLifecyclePropertyTest {
    private static final Map<LifecycleStage, Set<LifecycleStage>> LEGAL = Map.of(
            LifecycleStage.PROSPECT, Set.of(LifecycleStage.CUSTOMER),
            LifecycleStage.CUSTOMER, Set.of(LifecycleStage.FORMER_CUSTOMER),
            LifecycleStage.FORMER_CUSTOMER, Set.of(LifecycleStage.CUSTOMER));

    /** What a host does to a customer. */
    private enum Command {
        TO_PROSPECT, TO_CUSTOMER, TO_FORMER_CUSTOMER, TAG_VIP, UNTAG_VIP, OWNER_ANA, NO_OWNER, SET_LOYALTY_NUMBER,
        SET_LOYALTY_NUMBER_AS_A_NUMBER, CLEAR_LOYALTY_NUMBER, CLEAR_LIFETIME_VALUE, RENAME
    }

    /** The legal states: the stage, and the parts of the profile the commands touch. */
    private static final class Model {
        LifecycleStage stage = LifecycleStage.PROSPECT;
        boolean vip;
        UUID owner;
        String loyaltyNumber;
        final UUID ana;
        String displayName = "Jonas Becker";

        Model(UUID ana) {
            this.ana = ana;
        }

        Class<? extends CrmException> refusal(Command command) {
            return switch (command) {
                case TO_PROSPECT -> LEGAL.get(stage).contains(LifecycleStage.PROSPECT) ? null
                        : IllegalTransitionException.class;
                case TO_CUSTOMER -> LEGAL.get(stage).contains(LifecycleStage.CUSTOMER) ? null
                        : IllegalTransitionException.class;
                case TO_FORMER_CUSTOMER -> LEGAL.get(stage).contains(LifecycleStage.FORMER_CUSTOMER) ? null
                        : IllegalTransitionException.class;
                case SET_LOYALTY_NUMBER_AS_A_NUMBER, CLEAR_LIFETIME_VALUE -> ValidationException.class;
                default -> null;
            };
        }

        /** Applies an accepted command; whether it changed anything. */
        boolean accept(Command command, int step) {
            String before = toString();
            switch (command) {
                case TO_PROSPECT -> stage = LifecycleStage.PROSPECT;
                case TO_CUSTOMER -> stage = LifecycleStage.CUSTOMER;
                case TO_FORMER_CUSTOMER -> stage = LifecycleStage.FORMER_CUSTOMER;
                case TAG_VIP -> vip = true;
                case UNTAG_VIP -> vip = false;
                case OWNER_ANA -> owner = ana;
                case NO_OWNER -> owner = null;
                case SET_LOYALTY_NUMBER -> loyaltyNumber = "L-" + step % 3;
                case CLEAR_LOYALTY_NUMBER -> loyaltyNumber = null;
                case RENAME -> displayName = "Jonas Becker " + step % 3;
                default -> throw new IllegalStateException(command + " is never accepted");
            }
            return !before.equals(toString());
        }

        @Override
        public String toString() {
            return stage + "|" + vip + "|" + owner + "|" + loyaltyNumber + "|" + displayName;
        }
    }

    private static Gen<List<Command>> sequences() {
        return lists().of(integers().between(0, Command.values().length - 1).map(i -> Command.values()[i]))
                .ofSizeBetween(1, 25);
    }

    @Test
    void generated_commands_keep_a_customer_in_its_legal_stages_and_a_refused_one_changes_nothing() {
        qt().withExamples(150).forAll(sequences()).checkAssert(commands -> {
            CustomerFixtures.World world = CustomerFixtures.world().withCustomFields();
            CustomerService customers = world.customers();
            UUID ana = world.owner("ana-7");
            UUID id = customers.register(CustomerFixtures.tradeFairContact().withCustomField("lifetime_value",
                    CustomerFixtures.number("1200"))).customer().id();
            Model model = new Model(ana);
            for (int step = 0; step < commands.size(); step++) {
                Command command = commands.get(step);
                String at = "step " + step + " " + command + " at " + model + " of " + commands;
                world.clock().advance(Duration.ofMinutes(1));
                CustomerRecord before = world.storage().customers().get("acme", id).orElseThrow();
                long outboxBefore = world.storage().outbox().countUndelivered();
                Class<? extends CrmException> refusal = model.refusal(command);
                int thisStep = step;

                Throwable thrown = catchThrowable(() -> run(command, customers, id, ana, thisStep));

                CustomerRecord after = world.storage().customers().get("acme", id).orElseThrow();
                long written = world.storage().outbox().countUndelivered() - outboxBefore;
                if (refusal != null) {
                    assertThat(thrown).as(at).isInstanceOf(refusal);
                    assertThat(after).as(at + ": the stored customer").isEqualTo(before);
                    assertThat(written).as(at + ": events").isZero();
                    continue;
                }
                assertThat(thrown).as(at).isNull();
                boolean changed = model.accept(command, step);
                assertThat(after.lifecycleStage()).as(at).isEqualTo(model.stage);
                assertThat(after.tags().contains("vip")).as(at + ": tagged").isEqualTo(model.vip);
                assertThat(after.ownerId()).as(at + ": owner").isEqualTo(model.owner);
                assertThat(after.displayName()).as(at + ": name").isEqualTo(model.displayName);
                CustomFieldValue loyalty = after.customFields().get("loyalty_number");
                assertThat(loyalty == null ? null : ((CustomFieldValue.Text) loyalty).value()).as(at + ": field")
                        .isEqualTo(model.loyaltyNumber);
                assertThat(after.version()).as(at + ": written exactly when changed")
                        .isEqualTo(before.version() + (changed ? 1 : 0));
                assertThat(written).as(at + ": one event exactly when changed").isEqualTo(changed ? 1 : 0);
                assertThat(Objects.equals(after.nameKey(), NameKeys.nameKey(after.kind(), after.displayName(),
                        after.givenName(), after.familyName(), after.organizationName()))).as(at + ": name key").isTrue();
            }
        });
    }

    private static void run(Command command, CustomerService customers, UUID id, UUID ana, int step) {
        switch (command) {
            case TO_PROSPECT -> customers.changeStage(id, LifecycleStage.PROSPECT);
            case TO_CUSTOMER -> customers.changeStage(id, LifecycleStage.CUSTOMER);
            case TO_FORMER_CUSTOMER -> customers.changeStage(id, LifecycleStage.FORMER_CUSTOMER);
            case TAG_VIP -> customers.tag(id, "vip");
            case UNTAG_VIP -> customers.untag(id, "vip");
            case OWNER_ANA -> customers.assignOwner(id, ana);
            case NO_OWNER -> customers.assignOwner(id, null);
            case SET_LOYALTY_NUMBER -> customers.setCustomField(id, "loyalty_number",
                    new CustomFieldValue.Text("L-" + step % 3));
            case SET_LOYALTY_NUMBER_AS_A_NUMBER -> customers.setCustomField(id, "loyalty_number",
                    CustomerFixtures.number("7"));
            case CLEAR_LOYALTY_NUMBER -> customers.clearCustomField(id, "loyalty_number");
            case CLEAR_LIFETIME_VALUE -> customers.clearCustomField(id, "lifetime_value");
            case RENAME -> customers.updateDetails(UpdateDetails.displayName(id, "Jonas Becker " + step % 3));
        }
    }
}
