package org.kura.repository;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a BagIt bag (RFC 8493) before its payload is ingested: declaration, manifests, every
 * checksum, no payload file missing or unlisted. Uses the Library of Congress's bagit-java.
 */
public final class BagValidator {

    /** True when {@code dir} looks like a bag (has a {@code bagit.txt}). */
    public static boolean isBag(Path dir) {
        return Files.isRegularFile(dir.resolve("bagit.txt"));
    }

    /**
     * Reads and verifies the bag; throws {@link RepositoryException} naming the first problem.
     *
     * @return the bag's payload directory ({@code data/})
     */
    public Path validate(Path dir) {
        try (BagVerifier verifier = new BagVerifier()) {
            Bag bag = new BagReader().read(dir);
            verifier.isValid(bag, false);
            return dir.resolve("data");
        } catch (Exception e) {
            String what = e.getClass().getSimpleName().replace("Exception", "");
            throw new RepositoryException("invalid bag " + dir.getFileName() + " (" + what + "): " + e.getMessage(), e);
        }
    }
}
