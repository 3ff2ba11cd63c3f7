package dev.crmkit.spi.opportunity;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Sales pipelines with their stages in order, scoped by tenant in every call. */
public interface PipelineStore {
    /**
     * Stores a new pipeline at version 1 with its stages.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists, or {@code key() = "name"} when the
     *     tenant has a pipeline of that name (names match exactly); nothing is stored
     */
    PipelineRecord insert(PipelineRecord pipeline);

    /**
     * Replaces a pipeline, stages included, whose stored version is {@code expectedVersion}, at version
     * {@code expectedVersion + 1}; createdAt stays as stored. Returns the stored record.
     *
     * @throws NotFoundException when there is no such pipeline in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     * @throws DuplicateException with {@code key() = "name"} when another pipeline has the new name
     */
    PipelineRecord update(PipelineRecord pipeline, long expectedVersion);

    /** The pipeline with this id in this tenant. */
    Optional<PipelineRecord> get(String tenantId, UUID id);

    /** The pipeline with exactly this name in this tenant. */
    Optional<PipelineRecord> findByName(String tenantId, String name);

    /** One page of the tenant's pipelines ordered by id in {@code Ids.ORDER}; the cursor is the last id. */
    Page<PipelineRecord> list(String tenantId, PageRequest page);
}
