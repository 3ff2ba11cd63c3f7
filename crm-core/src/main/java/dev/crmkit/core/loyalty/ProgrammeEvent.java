package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of loyalty programmes, recorded in the outbox in the same transaction as the change and delivered
 * in order per programme. Payloads carry the programme's id, code, version and how many rules it has; the rules
 * themselves are read from the service.
 */
public sealed interface ProgrammeEvent extends DomainEvent permits ProgrammeDefined, ProgrammeRevised {
    /** The aggregate type of every programme event. */
    String PROGRAMME = "loyalty.programme";

    /** The programme. */
    UUID programmeId();

    @Override
    default String aggregateType() {
        return PROGRAMME;
    }

    @Override
    default String aggregateId() {
        return programmeId().toString();
    }
}
