package org.kura.model;

/** Subject vocabularies and classifications. */
public enum SubjectScheme { NDLSH, NDC, NDC9, NDC10, NDLC, LCSH, LCC, DDC, UDC, BSH, MESH, KEYWORD, OTHER }
