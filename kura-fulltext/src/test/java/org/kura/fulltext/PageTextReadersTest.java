package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.TextFixtures.bytes;
import static org.kura.fulltext.TextFixtures.texts;
import static org.kura.fulltext.TextFixtures.utf8;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Picking the reader from the first bytes, and what is refused before any reader runs. */
class PageTextReadersTest {
    final PageTextReaders readers = new PageTextReaders();

    @Test
    void eachFixtureGoesToItsReader() {
        assertThat(readers.readerFor(bytes("alto-v2-finereader-mm10-en.xml")).format()).isEqualTo("alto");
        assertThat(readers.readerFor(bytes("alto-v3-tesseract-en.xml")).format()).isEqualTo("alto");
        assertThat(readers.readerFor(bytes("alto-v4-jpn-vertical.xml")).format()).isEqualTo("alto");
        assertThat(readers.readerFor(bytes("hocr-tesseract-en.hocr")).format()).isEqualTo("hocr");
        assertThat(readers.readerFor(bytes("hocr-tesseract-jpn-vert.hocr")).format()).isEqualTo("hocr");
        assertThat(readers.readerFor(bytes("ndlocr-v2-jpn-vertical.xml")).format()).isEqualTo("ndlocr");
        assertThat(readers.readerFor(utf8("吾輩は猫である。")).format()).isEqualTo("plain");
        assertThat(readers.readerFor(new byte[0]).format()).isEqualTo("plain");
    }

    @Test
    void sniffingLooksPastByteOrderMarksCommentsAndWhiteSpace() {
        byte[] alto = TextDecodingTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(
                "<?xml version=\"1.0\"?>\n  <!-- exported 2024-03-01 -->\n<?xml-stylesheet href=\"a.xsl\"?>\n"
                        + "<alto:alto xmlns:alto=\"http://www.loc.gov/standards/alto/ns-v4#\"><alto:Layout><alto:Page WIDTH=\"10\" HEIGHT=\"10\">"
                        + "<alto:PrintSpace><alto:TextBlock><alto:TextLine><alto:String CONTENT=\"prefixed\"/></alto:TextLine>"
                        + "</alto:TextBlock></alto:PrintSpace></alto:Page></alto:Layout></alto:alto>"));
        byte[] utf16 = TextDecodingTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "<OCRDATASET><PAGE WIDTH=\"5\" HEIGHT=\"9\"><LINE X=\"0\" Y=\"0\" WIDTH=\"2\" HEIGHT=\"9\" STRING=\"縦書き\"/></PAGE></OCRDATASET>"
                        .getBytes(Charset.forName("UTF-16LE")));

        assertThat(texts(readers.read(alto, 1))).containsExactly("prefixed");
        PageText ndl = readers.read(utf16, 1);
        assertThat(ndl.source()).isEqualTo("ndlocr");
        assertThat(texts(ndl)).containsExactly("縦書き");
        assertThat(ndl.vertical()).isTrue();
    }

    @Test
    void unknownXmlIsRefusedNotReadAsText() {
        assertThatThrownBy(() -> readers.read(utf8("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>"), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("unknown XML text format: <TEI>");
        assertThatThrownBy(() -> readers.read(utf8("<!DOCTYPE html>\n<html><body><p>a web page</p></body></html>"), 1))
                .hasMessage("unknown XML text format: <html>");
        assertThatThrownBy(() -> readers.read(utf8("<?xml version=\"1.0\"?>\n<!-- a comment that never ends"), 1))
                .hasMessage("unknown XML text format: no root element in the first 8 KiB");
        // a "<" that does not open a tag is text
        assertThat(texts(readers.read(utf8("<3 cats\n< 猫 >"), 1))).containsExactly("<3 cats", "< 猫 >");
    }

    @Test
    void errorsNameTheFile() {
        byte[] broken = Arrays.copyOf(bytes("hocr-tesseract-jpn-vert.hocr"), 1500);

        assertThatThrownBy(() -> readers.read("0003.hocr", broken, 3))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("0003.hocr: hOCR is not well-formed XML at line ");
        assertThatThrownBy(() -> readers.read("0004.txt", new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xFD, 'a'}, 4))
                .hasMessageStartingWith("0004.txt: text is not UTF-8, Shift_JIS or EUC-JP");
    }

    @Test
    void filesOver32MebibytesAreRefusedUnread() {
        byte[] big = new byte[PageLimits.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> readers.read("huge.txt", big, 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("huge.txt: text file is too large: 33554433 bytes (a page's text may have at most 32 MiB)");
        assertThatThrownBy(() -> new AltoReader().read(big, 1)).hasMessageContaining("too large");
    }

    @Test
    void formatsByName() {
        assertThat(readers.forFormat("hocr")).containsInstanceOf(HocrReader.class);
        assertThat(readers.forFormat("plain")).containsInstanceOf(PlainTextReader.class);
        assertThat(readers.forFormat("pdf")).isEmpty();
    }
}
