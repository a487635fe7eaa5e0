package org.kura.catalog;

import java.time.Instant;

/**
 * Where an interrupted OAI-PMH harvest resumes: the resumption token that follows the last
 * committed page, and the request arguments of the list it belongs to.
 *
 * @param runId           the run that saved it
 * @param resumptionToken the token to send next; null when the list must restart from {@code from}
 * @param from            the {@code from} argument of the interrupted list, or null
 * @param until           the {@code until} argument (the harvest's response date), or null
 * @param set             the set being harvested, or null
 * @param savedAt         when it was saved
 */
public record Checkpoint(long runId, String resumptionToken, Instant from, Instant until, String set, Instant savedAt) {
}
