package org.kura.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

    @ParameterizedTest(name = "{0} {1} → {2} valid={3}")
    @CsvSource(delimiter = '|', value = {
        "ISBN|4-00-310101-4|9784003101018|true",
        "ISBN|ISBN 4-00-310101-4|9784003101018|true",
        "ISBN|ISBN：４－００－３１０１０１－４|9784003101018|true",
        "ISBN|978-4-00-310101-8|9784003101018|true",
        "ISBN|4-00-310101-5|4003101015|false",
        "ISBN|978-4-00-310101-9|9784003101019|false",
        "ISBN|0-8044-2957-X|9780804429573|true",
        "ISBN|4-00-310101-4 (pbk.)|9784003101018|true",
        "ISSN|0028-0836|0028-0836|true",
        "ISSN|00280836|0028-0836|true",
        "ISSN|ISSN 0028-0837|0028-0837|false",
        "ISSN|2434-561X|2434-561X|true",
        "DOI|https://doi.org/10.11501/1234567|10.11501/1234567|true",
        "DOI|doi:10.1000/XYZ123|10.1000/xyz123|true",
        "DOI|http://dx.doi.org/10.1000/abc|10.1000/abc|true",
        "DOI|11.1000/abc|11.1000/abc|false",
        "NCID|BA12345678|BA12345678|true",
        "NCID|ba1234567X|BA1234567X|true",
        "NCID|B123|B123|false",
        "JPNO|20123456|20123456|true",
        "JPNO|JP no. 2012345|2012345|false",
        "ISIL|JP-1000001|JP-1000001|true",
        "ISIL|JP1000001|JP1000001|false",
        "ORCID|https://orcid.org/0000-0002-1825-0097|0000-0002-1825-0097|true",
        "ORCID|0000-0002-1825-0098|0000-0002-1825-0098|false",
    })
    void normalizesAndValidates(IdentifierType type, String text, String value, boolean valid) {
        Identifier id = Identifiers.normalize(type, text);
        assertThat(id.value()).isEqualTo(value);
        assertThat(id.valid()).isEqualTo(valid);
        assertThat(id.original()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ISBN 978-4-00-310101-8|ISBN", "4003101014|ISBN", "9784003101018|ISBN", "doi:10.1/x|DOI",
        "10.11501/1234567|DOI", "https://example.org/item/1|URI", "0028-0836|ISSN", "BN01234567|NCID",
        "http://hdl.handle.net/2261/123|HANDLE", "urn:nbn:jp:123|URI"})
    void detectsTheScheme(String text, IdentifierType type) {
        assertThat(Identifiers.detect(text)).get().extracting(Identifier::type).isEqualTo(type);
    }

    @Test
    void bareTextIsNotAnIdentifier() {
        assertThat(Identifiers.detect("吾輩は猫である")).isEmpty();
        assertThat(Identifiers.detect("12345")).isEmpty();
        assertThat(Identifiers.detect(null)).isEmpty();
    }

    @Test
    void convertsBetweenIsbn10And13() {
        assertThat(Identifiers.isbn10to13("4003101014")).isEqualTo("9784003101018");
        assertThat(Identifiers.isbn13to10("9784003101018")).contains("4003101014");
        assertThat(Identifiers.isbn13to10("9791234567896")).isEmpty();
        assertThat(Identifiers.isbn13to10("9780804429573")).contains("080442957X");
    }
}
