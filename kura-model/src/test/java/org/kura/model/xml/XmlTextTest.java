package org.kura.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
    @Test
    void keepsWhatXmlCarries() {
        String s = "夏目漱石 𠮷野家\tA\nB\r";
        assertThat(XmlText.clean(s)).isSameAs(s);
    }

    @Test
    void dropsControlCharactersNonCharactersAndLoneSurrogates() {
        assertThat(XmlText.clean("a\u0000b\u0007c\u001Fd")).isEqualTo("abcd");
        assertThat(XmlText.clean("x\uFFFEy\uFFFF")).isEqualTo("xy");
        assertThat(XmlText.clean("lone \uD842 high, lone \uDFB7 low, pair \uD842\uDFB7"))
                .isEqualTo("lone  high, lone  low, pair 𠮷");
        assertThat(XmlText.clean("end \uD842")).isEqualTo("end ");
    }
}
