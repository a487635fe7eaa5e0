package org.kura.repository;

import java.nio.file.Path;

/** The {@link ObjectStoreContract} on the default store: an OCFL storage root in a folder. */
class OcflFileSystemStoreTest extends ObjectStoreContract {

    @Override
    protected ObjectStore openStore(Path workDir) {
        return new OcflObjectStore(backingFiles(), workDir);
    }

    @Override
    protected Path backingFiles() {
        return dir.resolve("ocfl");
    }

    @Override
    protected boolean keepsLocalFiles() {
        return true;
    }
}
