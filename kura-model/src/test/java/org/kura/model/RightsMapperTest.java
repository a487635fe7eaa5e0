package org.kura.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RightsMapperTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "https://creativecommons.org/licenses/by/4.0/|CC_BY|https://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by/2.1/jp/|CC_BY|http://creativecommons.org/licenses/by/2.1/jp/",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.ja|CC_BY_NC_SA|https://creativecommons.org/licenses/by-nc-sa/4.0/deed.ja",
        "http://creativecommons.org/licenses/by-nd/3.0|CC_BY_ND|http://creativecommons.org/licenses/by-nd/3.0",
        "https://creativecommons.org/publicdomain/zero/1.0/|CC0|https://creativecommons.org/publicdomain/zero/1.0/",
        "https://creativecommons.org/publicdomain/mark/1.0/|PDM|https://creativecommons.org/publicdomain/mark/1.0/",
        "http://rightsstatements.org/vocab/InC/1.0/|RS_INC|http://rightsstatements.org/vocab/InC/1.0/",
        "https://rightsstatements.org/page/NoC-NC/1.0/?language=en|RS_NOC_NC|http://rightsstatements.org/vocab/NoC-NC/1.0/",
        "CC BY 4.0|CC_BY|http://creativecommons.org/licenses/by/4.0/",
        "CC-BY|CC_BY|http://creativecommons.org/licenses/by/4.0/",
        "CC BY-NC 2.1|CC_BY_NC|http://creativecommons.org/licenses/by-nc/2.1/",
        "ＣＣ０|CC0|http://creativecommons.org/publicdomain/zero/1.0/",
        "クリエイティブ・コモンズ 表示 4.0 国際 ライセンス|CC_BY|http://creativecommons.org/licenses/by/4.0/",
        "クリエイティブ・コモンズ 表示-非営利-改変禁止|CC_BY_NC_ND|http://creativecommons.org/licenses/by-nc-nd/4.0/",
        "パブリックドメイン|PDM|http://creativecommons.org/publicdomain/mark/1.0/",
        "Public Domain|PDM|http://creativecommons.org/publicdomain/mark/1.0/",
        "著作権保護期間満了|PDM|http://creativecommons.org/publicdomain/mark/1.0/",
        "転載不可|NO_REUSE_WITHOUT_PERMISSION|",
        "無断転載を禁じます|NO_REUSE_WITHOUT_PERMISSION|",
        "All rights reserved|NO_REUSE_WITHOUT_PERMISSION|",
        "利用条件: 要申請|NO_REUSE_WITHOUT_PERMISSION|",
        "© 2020 Example Press|RS_INC|http://rightsstatements.org/vocab/InC/1.0/",
        "open access|UNKNOWN|",
    })
    void mapsOntoOneVocabulary(String statement, ReuseCondition condition, String uri) {
        Rights r = RightsMapper.map(statement);
        assertThat(r.condition()).isEqualTo(condition);
        assertThat(r.uri()).isEqualTo(uri);
        assertThat(r.statement()).isEqualTo(statement);
    }

    @Test
    void nothingStatedIsUnknown() {
        assertThat(RightsMapper.map(null)).isEqualTo(Rights.UNKNOWN);
        assertThat(RightsMapper.map("  ")).isEqualTo(Rights.UNKNOWN);
    }

    @Test
    void everyConditionHasLabelsInBothLanguages() {
        for (ReuseCondition c : ReuseCondition.values()) {
            assertThat(c.labelJa()).isNotBlank();
            assertThat(c.labelEn()).isNotBlank();
        }
        assertThat(ReuseCondition.CC_BY.isOpen()).isTrue();
        assertThat(ReuseCondition.RS_INC.isOpen()).isFalse();
    }
}
