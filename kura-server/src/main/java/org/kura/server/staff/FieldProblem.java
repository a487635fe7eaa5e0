package org.kura.server.staff;

/**
 * What is wrong with one field of a staff form: the field's name, the key of the message in the portal's
 * message bundles ({@code staff.error.…}) and the offending value, if any, for the message's {@code {0}}.
 */
public record FieldProblem(String field, String key, String value) {
}
