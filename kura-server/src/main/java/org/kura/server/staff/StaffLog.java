package org.kura.server.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of what staff changed in the registry of readers, institutions and terminals: one line per
 * action on the {@code kura.staff} logger ({@code staff reader.disable hanako from 192.0.2.7}), which an
 * operator routes to a file of its own. Secrets (passwords, keys) are never written.
 */
public final class StaffLog {
    private static final Logger LOG = LoggerFactory.getLogger("kura.staff");

    /**
     * @param action what was done, e.g. {@code institution.add}
     * @param target the reader's name, the ISIL or the terminal id
     * @param client the staff member's address
     */
    public void record(String action, String target, String client) {
        LOG.info("staff {} {} from {}", action, target, client);
    }
}
