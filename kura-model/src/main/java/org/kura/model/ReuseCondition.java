package org.kura.model;

/**
 * One vocabulary of reuse conditions that every provider's rights statement is mapped onto, with a
 * URI and ja/en labels (as Japan Search shows one unified reuse-condition display).
 */
public enum ReuseCondition {
    CC0("http://creativecommons.org/publicdomain/zero/1.0/", "CC0（パブリック・ドメイン提供）", "CC0 (public domain dedication)"),
    PDM("http://creativecommons.org/publicdomain/mark/1.0/", "パブリック・ドメイン", "Public Domain Mark"),
    CC_BY("http://creativecommons.org/licenses/by/4.0/", "CC BY（表示）", "CC BY (Attribution)"),
    CC_BY_SA("http://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA（表示－継承）", "CC BY-SA (Attribution-ShareAlike)"),
    CC_BY_ND("http://creativecommons.org/licenses/by-nd/4.0/", "CC BY-ND（表示－改変禁止）", "CC BY-ND (Attribution-NoDerivatives)"),
    CC_BY_NC("http://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC（表示－非営利）", "CC BY-NC (Attribution-NonCommercial)"),
    CC_BY_NC_SA("http://creativecommons.org/licenses/by-nc-sa/4.0/", "CC BY-NC-SA（表示－非営利－継承）", "CC BY-NC-SA (Attribution-NonCommercial-ShareAlike)"),
    CC_BY_NC_ND("http://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND（表示－非営利－改変禁止）", "CC BY-NC-ND (Attribution-NonCommercial-NoDerivatives)"),
    RS_INC("http://rightsstatements.org/vocab/InC/1.0/", "著作権あり", "In Copyright"),
    RS_INC_EDU("http://rightsstatements.org/vocab/InC-EDU/1.0/", "著作権あり（教育目的の利用可）", "In Copyright - Educational Use Permitted"),
    RS_INC_NC("http://rightsstatements.org/vocab/InC-NC/1.0/", "著作権あり（非営利目的の利用可）", "In Copyright - Non-Commercial Use Permitted"),
    RS_NOC_NC("http://rightsstatements.org/vocab/NoC-NC/1.0/", "著作権なし（非営利目的の利用のみ）", "No Copyright - Non-Commercial Use Only"),
    RS_NOC_OKLR("http://rightsstatements.org/vocab/NoC-OKLR/1.0/", "著作権なし（その他の法的制約あり）", "No Copyright - Other Known Legal Restrictions"),
    RS_CNE("http://rightsstatements.org/vocab/CNE/1.0/", "著作権未評価", "Copyright Not Evaluated"),
    RS_UND("http://rightsstatements.org/vocab/UND/1.0/", "著作権未確定", "Copyright Undetermined"),
    NO_REUSE_WITHOUT_PERMISSION(null, "許諾なく二次利用不可", "No reuse without permission"),
    UNKNOWN(null, "利用条件不明", "Reuse condition unknown");

    private final String uri;
    private final String labelJa;
    private final String labelEn;

    ReuseCondition(String uri, String labelJa, String labelEn) {
        this.uri = uri;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** The canonical URI of the condition, or null for conditions without one. */
    public String uri() { return uri; }

    public String labelJa() { return labelJa; }

    public String labelEn() { return labelEn; }

    /** True when anyone may reuse the metadata or content without asking (CC0, PDM, CC BY family). */
    public boolean isOpen() {
        return this == CC0 || this == PDM || name().startsWith("CC_BY");
    }
}
