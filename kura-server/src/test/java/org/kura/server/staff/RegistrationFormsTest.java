package org.kura.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The checks of the registry forms, field by field: ISILs, address ranges, names, countries, passwords. */
class RegistrationFormsTest {
    static Function<String, String> form(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    @Test
    void isilsFollowIso15511() {
        for (String good : new String[] {"JP-1000001", "DE-101", "OCLC-123", "US-DLC", "JP-a:b-c"}) {
            assertThat(InstitutionForm.read(form("isil", good, "name", "n"), null).problems()).as(good).isEmpty();
        }
        for (String bad : new String[] {"JP1000001", "JAPAN-1", "JP-", "JP-123456789012", "JP-1/2", "JP-1 2", "<b>-1"}) {
            assertThat(InstitutionForm.read(form("isil", bad, "name", "n"), null).problems()).as(bad)
                    .extracting(FieldProblem::field, FieldProblem::key).containsExactly(org.assertj.core.groups.Tuple.tuple("isil", "staff.error.isil"));
        }
    }

    @Test
    void rangesAreLiteralCidrOfBothFamiliesAndNotTooBroad() {
        InstitutionForm ok = InstitutionForm.read(form("isil", "JP-1", "name", "n",
                "ipRanges", "192.0.2.0/24, 198.51.100.7\n2001:db8::/32  2001:db8::1\n192.0.2.0/24"), null);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.ranges()).containsExactly("192.0.2.0/24", "198.51.100.7", "2001:db8::/32", "2001:db8::1");
        InstitutionForm bad = InstitutionForm.read(form("isil", "JP-1", "name", "n",
                "ipRanges", "192.0.2.0/33 10.0.0.256 example.org 10.0.0.0/-1 0.0.0.0/0 ::/0 2001:db8::/129 10.0.0.0/"), null);
        assertThat(bad.problems()).extracting(FieldProblem::value).containsExactly("192.0.2.0/33", "10.0.0.256", "example.org",
                "10.0.0.0/-1", "0.0.0.0/0", "::/0", "2001:db8::/129", "10.0.0.0/");
        assertThat(bad.problems()).filteredOn(p -> p.key().equals("staff.error.rangeTooBroad")).extracting(FieldProblem::value)
                .containsExactly("0.0.0.0/0", "::/0");
        assertThat(TerminalForm.read(form("id", "room-1", "name", "閲覧室"), null).problems()).extracting(FieldProblem::field)
                .containsExactly("ipRanges");
    }

    @Test
    void readersNamesCountriesAndPasswords() {
        assertThat(ReaderForm.read(form("name", "hanako", "country", "jp", "password", ""), true).problems()).isEmpty();
        assertThat(ReaderForm.read(form("name", "hanako", "country", "jp"), true).countryCode()).isEqualTo("JP");
        assertThat(ReaderForm.read(form("name", "Hanako", "country", "JPN", "password", "short"), true).problems())
                .extracting(FieldProblem::field).containsExactly("name", "country", "password");
        assertThat(ReaderForm.read(form("displayName", "x".repeat(201)), false).problems()).extracting(FieldProblem::key)
                .containsExactly("staff.error.tooLong");
        assertThat(ReaderForm.read(form("name", ""), true).problems()).extracting(FieldProblem::key).containsExactly("staff.error.required");
    }

    @Test
    void oneTimePasswordsAreLongEnoughAndUnambiguous() {
        String p = Registrations.oneTimePassword();
        assertThat(p).matches("[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}");
        assertThat(Registrations.oneTimePassword()).isNotEqualTo(p);
        assertThat(Registrations.institutionKey()).matches("kinst_[0-9a-f]{48}");
    }
}
