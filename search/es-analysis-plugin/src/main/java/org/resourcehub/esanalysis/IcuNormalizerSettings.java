package org.resourcehub.esanalysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** Settings of icu_normalizer / icu_folding, with the analysis-icu plugin's names and defaults. */
@AnalysisSettings
public interface IcuNormalizerSettings {
    /** icu_normalizer: nfc, nfkc or nfkc_cf. */
    @StringSetting(path = "name", defaultValue = "nfkc_cf")
    String name();

    /** icu_normalizer: compose or decompose. */
    @StringSetting(path = "mode", defaultValue = "compose")
    String mode();

    /** Only characters in this UnicodeSet are changed, e.g. "[^åäöÅÄÖ]". */
    @StringSetting(path = "unicode_set_filter", defaultValue = "")
    String unicodeSetFilter();
}
