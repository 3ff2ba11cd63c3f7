package dev.crmkit.core.customer;

/**
 * How far the bulk duplicate job ({@link CustomerService#runDuplicateJob}) has come: given to the caller's callback
 * after every committed batch, and returned when the run ends. The counts are of the whole walk, including what an
 * earlier, stopped run of it did.
 *
 * @param phase the part of the walk the next batch belongs to ({@link Phase#DONE} when the walk is complete)
 * @param blocksDone blocks compared so far: blocking keys, e-mail addresses and phone numbers that two or more
 *     customers share
 * @param pairsFound pairs entered into the review queue, or rescored in it, so far; a pair met again with the same
 *     finding (in another block, or in a later walk) changes nothing and is not counted again
 * @param resumed whether this run continued a walk a stopped or crashed run had begun
 */
public record DuplicateJobProgress(Phase phase, long blocksDone, long pairsFound, boolean resumed) {
    /** The parts of the walk, in the order the job takes them. */
    public enum Phase {
        /** The blocking keys of matching (names, phonetic codes, dates of birth, addresses, identifiers). */
        KEYS,
        /** The e-mail addresses several customers share. */
        EMAILS,
        /** The phone numbers several customers share. */
        PHONES,
        /** Every block was compared. */
        DONE
    }

    /** Whether every block was compared: the run was not stopped. */
    public boolean finished() {
        return phase == Phase.DONE;
    }
}
