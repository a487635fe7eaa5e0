package org.kura.model;

/** Identifier schemes Kura understands; each has a normalizer/validator in {@link Identifiers}. */
public enum IdentifierType {
    ISBN, ISSN, DOI, NCID, JPNO, NDL_BIBID, ISIL, URI, HANDLE, ORCID, VIAF, NDL_AUTH, ISNI,
    LCCN, OCLC, CONTROL_NUMBER, OAI, LOCAL, OTHER
}
