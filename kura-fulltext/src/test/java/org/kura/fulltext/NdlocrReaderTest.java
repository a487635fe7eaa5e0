package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.TextFixtures.bytes;
import static org.kura.fulltext.TextFixtures.texts;
import static org.kura.fulltext.TextFixtures.utf8;
import static org.kura.fulltext.TextFixtures.verticals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NDLOCR XML. The shapes follow the format description published with the OCR,
 * {@code ndl-lab/ndlocr_cli}'s {@code ndlocr-xmlformat.md}: ver.1 (LINE and BLOCK directly under
 * PAGE, one PAGE per image, several per file) and ver.2 (TEXTBLOCK with SHAPE/POLYGON, LINE with
 * ORDER/TITLE/AUTHOR, advertisement BLOCKs holding lines); see fixtures/text/README.md.
 */
class NdlocrReaderTest {
    final NdlocrReader reader = new NdlocrReader();

    @Test
    void ver2PageOfVerticalJapanese() {
        PageText page = reader.read(bytes("ndlocr-v2-jpn-vertical.xml"), 3);

        assertThat(page.page()).isEqualTo(3);
        assertThat(page.source()).isEqualTo("ndlocr");
        assertThat(page.width()).isEqualTo(1600);
        assertThat(page.height()).isEqualTo(2400);
        assertThat(page.vertical()).isTrue();
        assertThat(texts(page)).containsExactly(
                "吾輩は猫である",
                "夏目漱石",
                "一",
                "吾輩は猫である。名前はまだ無い。",
                "どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で",
                "ニャーニャー泣いていた事だけは記憶している。",
                "猫の図",
                "吾輩は猫である",
                "3");
        assertThat(verticals(page)).containsExactly(true, true, false, true, true, true, false, false, false);
        assertThat(page.lines().get(3).box()).isEqualTo(new Box(1050, 300, 60, 960));
        assertThat(page.lines().get(8).box()).isEqualTo(new Box(785, 2310, 30, 40));
        assertThat(page.lines()).allSatisfy(l -> assertThat(l.words()).isEmpty());
    }

    static final String VER1 = """
            <?xml version='1.0' encoding='utf-8'?>
            <OCRDATASET>
                <PAGE HEIGHT="5173"  WIDTH="3705" IMAGENAME="sampleimg-01.jpg">
                    <LINE CONF="0.999" HEIGHT="2103" STRING="あいうえお" TYPE="本文" WIDTH="172" X="2751" Y="1070" />
                    <LINE CONF="0.533" HEIGHT="2411" STRING="かきくけこ" TYPE="本文" WIDTH="416" X="844" Y="1987" />
                    <LINE CONF="0.316" HEIGHT="245" STRING="さしすせそ" TYPE="本文" WIDTH="3106" X="349" Y="518" />
                    <BLOCK CONF="0.702" HEIGHT="245" TYPE="図版" WIDTH="3105" X="346" Y="518" />
                    <BLOCK CONF="0.348" HEIGHT="28" STRING="2" TYPE="ノンブル" WIDTH="36" X="876" Y="396" />
                    <BLOCK CONF="0.722" HEIGHT="176" STRING="柱の中身" TYPE="柱" WIDTH="45" X="3516" Y="3316" />
                </PAGE>
                <PAGE HEIGHT="5173" WIDTH="3705" IMAGENAME="sampleimg-02.jpg">
                    <LINE CONF="1.000" HEIGHT="3973" STRING="たちつてと" TYPE="本文" WIDTH="179" X="2683" Y="712" />
                    <LINE CONF="0.410" HEIGHT="40" TYPE="本文" WIDTH="179" X="2683" Y="4712" />
                    <BLOCK CONF="0.997" HEIGHT="1216" TYPE="ルビ" WIDTH="37" X="1426" Y="681" />
                </PAGE>
            </OCRDATASET>
            """;

    @Test
    void ver1FileOfSeveralPagesIsReadWithReadAll() {
        List<PageText> pages = reader.readAll(utf8(VER1), 5);

        assertThat(pages).extracting(PageText::page).containsExactly(5, 6);
        assertThat(texts(pages.get(0))).containsExactly("あいうえお", "かきくけこ", "さしすせそ", "2", "柱の中身");
        assertThat(verticals(pages.get(0))).containsExactly(true, true, false, false, true);
        assertThat(pages.get(0).lines().get(0).box()).isEqualTo(new Box(2751, 1070, 172, 2103));
        assertThat(pages.get(0).width()).isEqualTo(3705);
        assertThat(pages.get(0).height()).isEqualTo(5173);
        // a LINE without STRING has no text to keep
        assertThat(texts(pages.get(1))).containsExactly("たちつてと");

        assertThatThrownBy(() -> reader.read(utf8(VER1), 5))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("NDLOCR file holds 2 pages (PAGE elements); one page per file is expected");
    }

    @Test
    void ver2ReadingOrderFollowsOrderAndAdvertisementsHoldLines() {
        String xml = """
                <?xml version='1.0' encoding='utf-8'?>
                <OCRDATASET>
                    <PAGE HEIGHT="5173"  WIDTH="3705" IMAGENAME="sampleimg-01.jpg">
                        <BLOCK TYPE="柱" X="2669" Y="292" WIDTH="550" HEIGHT="45" CONF="0.933" STRING="柱の中身" />
                        <TEXTBLOCK CONF="0.850">
                            <LINE TYPE="本文" X="1985" Y="3260" WIDTH="40" HEIGHT="159" CONF="0.998" STRING="ほへと" ORDER="1" TITLE="FALSE" AUTHOR="FALSE" />
                            <LINE TYPE="本文" X="2067" Y="3266" WIDTH="45" HEIGHT="616" CONF="1.000" STRING="いろはに" ORDER="0" TITLE="FALSE" AUTHOR="FALSE" />
                            <SHAPE><POLYGON POINTS="2001,3273,1996,3287,1998,3418,2005,3444" /></SHAPE>
                        </TEXTBLOCK>
                        <BLOCK TYPE="広告" X="927" Y="3287" WIDTH="1057" HEIGHT="614" CONF="0.989">
                            <LINE TYPE="広告文字" X="1270" Y="3839" WIDTH="442" HEIGHT="27" CONF="0.568" STRING="文字である" ORDER="3" TITLE="FALSE" AUTHOR="FALSE" />
                            <LINE TYPE="広告文字" X="1032" Y="3575" WIDTH="839" HEIGHT="39" CONF="0.946" STRING="広告の中の" ORDER="2" TITLE="FALSE" AUTHOR="FALSE" />
                        </BLOCK>
                        <BLOCK TYPE="図版" X="994" Y="1147" WIDTH="591" HEIGHT="563" CONF="0.998" />
                        <BLOCK TYPE="ノンブル" X="981" Y="296" WIDTH="76" HEIGHT="51" CONF="0.999" STRING="29" />
                    </PAGE>
                </OCRDATASET>
                """;

        PageText page = reader.read(utf8(xml), 29);

        assertThat(texts(page)).containsExactly("柱の中身", "いろはに", "ほへと", "広告の中の", "文字である", "29");
        assertThat(page.lines().get(1).box()).isEqualTo(new Box(2067, 3266, 45, 616));
    }

    @Test
    void brokenOrForeignXmlIsRefused() {
        assertThatThrownBy(() -> reader.read(utf8("<OCRDATASET><PAGE WIDTH=\"1\" HEIGHT=\"1\"><LINE STRING=\"a\"></PAGE></OCRDATASET>"), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("NDLOCR XML is not well-formed XML at line 1, column ");
        assertThatThrownBy(() -> reader.read(utf8("<OCRDATASET></OCRDATASET>"), 1))
                .hasMessage("NDLOCR file has no PAGE");
        assertThatThrownBy(() -> reader.read(utf8("<PcGts/>"), 1))
                .hasMessage("not NDLOCR XML: the root element is <PcGts>, not <OCRDATASET>");
        assertThatThrownBy(() -> reader.read(utf8("<!DOCTYPE OCRDATASET SYSTEM \"file:///etc/passwd\"><OCRDATASET/>"), 1))
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void acceptsOcrDataset() {
        assertThat(reader.accepts(bytes("ndlocr-v2-jpn-vertical.xml"))).isTrue();
        assertThat(reader.accepts(utf8(VER1))).isTrue();
        assertThat(reader.accepts(bytes("alto-v4-jpn-vertical.xml"))).isFalse();
    }
}
