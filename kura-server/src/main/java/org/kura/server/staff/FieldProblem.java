package org.kura.server.staff;

/**
 * What is wrong with one field of a staff form: the field's name, the key of the message in the portal's
 * message bundles ({@code staff.error.…}) and the offending value, if any, for the message's {@code {0}}.
 */
public record FieldProblem(String field, String key, String value) {

    /** The problems as one English sentence each, from the portal's message bundle (for the CLI). */
    public static String inEnglish(java.util.List<FieldProblem> problems) {
        org.kura.server.portal.Messages messages = new org.kura.server.portal.Messages();
        return problems.stream().map(p -> p.field() + ": " + messages.get(org.kura.server.portal.Lang.EN, p.key(),
                p.value() == null ? "" : p.value())).collect(java.util.stream.Collectors.joining("; "));
    }
}
