package org.kura.model;

/** The part an agent played; a small vocabulary that MARC relator codes and DC-NDL roles map onto. */
public enum Role {
    CREATOR, AUTHOR, EDITOR, TRANSLATOR, ILLUSTRATOR, PHOTOGRAPHER, COMPOSER, PERFORMER,
    ARTIST, SUPERVISOR, CONTRIBUTOR, PUBLISHER, DISTRIBUTOR, DEGREE_GRANTOR, FUNDER, OTHER
}
