package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.RewardRecord;
import dev.crmkit.spi.loyalty.RewardStore;
import java.util.Optional;
import java.util.function.Supplier;

final class StoredRewards implements RewardService {
    /** How often an offer is tried again after another node offered the code first. */
    private static final int TRIES = 3;

    private final DomainContext context;
    private final String tenantId;
    private final RewardStore rewards;

    StoredRewards(DomainContext context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
        this.rewards = context.storage(LoyaltyStorage.class).rewards();
    }

    @Override
    public Reward offer(OfferReward command) {
        Checks.required("command", command);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> {
                    Optional<RewardRecord> known = rewards.findByCode(tenantId, command.code());
                    if (known.isPresent()) {
                        return new RewardAggregate(new RewardAggregate(known.get()).offerAgain(command.terms())
                                .after()).reward();
                    }
                    RewardChange change = RewardAggregate.offer(tenantId, context.ids().next(), command.code(),
                            command.terms(), context.now());
                    RewardRecord stored = rewards.insert(change.after());
                    context.events().record(change.events());
                    return new RewardAggregate(stored).reward();
                });
            } catch (DuplicateException e) {
                // another node offered the code first: the next try answers as a retry would
                if (attempt == TRIES || !"code".equals(e.key())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Reward revise(ReviseReward command) {
        Checks.required("command", command);
        return inTransaction(() -> {
            RewardChange change = new RewardAggregate(stored(command.code())).revise(command.expectedVersion(),
                    command.terms(), context.now());
            if (!change.changed()) {
                return new RewardAggregate(change.before()).reward();
            }
            RewardRecord stored = rewards.update(change.after(), change.before().version());
            context.events().record(change.events());
            return new RewardAggregate(stored).reward();
        });
    }

    @Override
    public Reward reward(String code) {
        Checks.text("code", code, 100);
        return inTransaction(() -> new RewardAggregate(stored(code)).reward());
    }

    @Override
    public Page<Reward> rewards(PageRequest page) {
        Checks.required("page", page);
        return inTransaction(() -> {
            Page<RewardRecord> records = rewards.page(tenantId, page);
            return new Page<>(records.items().stream().map(r -> new RewardAggregate(r).reward()).toList(),
                    records.next());
        });
    }

    private RewardRecord stored(String code) {
        return rewards.findByCode(tenantId, code).orElseThrow(() -> new NotFoundException("reward", code));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
