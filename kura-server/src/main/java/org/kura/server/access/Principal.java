package org.kura.server.access;

/**
 * Who is asking: anonymous, a registered individual, a registered institution, an on-site terminal,
 * or staff. Decided per request by {@link PrincipalResolver}; access itself by {@link AccessPolicy}.
 *
 * @param name          institution ISIL, terminal id, user name, or null
 * @param printDisabled a registered individual entitled to accessible text (Copyright Act art. 37)
 */
public record Principal(Kind kind, String name, boolean printDisabled) {
    public enum Kind { ANONYMOUS, USER, INSTITUTION, TERMINAL, STAFF }

    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, null, false);

    public static Principal staff(String name) {
        return new Principal(Kind.STAFF, name, false);
    }
}
