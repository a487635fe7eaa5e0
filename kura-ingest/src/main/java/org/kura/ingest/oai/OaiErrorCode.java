package org.kura.ingest.oai;

/** The error codes of OAI-PMH 2.0, section 3.6. */
public enum OaiErrorCode {
    badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
    noMetadataFormats, noSetHierarchy;

    public static OaiErrorCode parse(String code) {
        for (OaiErrorCode c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return badArgument;
    }
}
