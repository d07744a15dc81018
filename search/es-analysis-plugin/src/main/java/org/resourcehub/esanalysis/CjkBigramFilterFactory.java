package org.resourcehub.esanalysis;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * `cjk_bigram` token filter: overlapping bigrams of Han, Hiragana, Katakana
 * and Hangul runs (as the standard tokenizer emits them, one character per
 * token). Settings as in ES: ignored_scripts (han, hiragana, katakana,
 * hangul), output_unigrams.
 */
@NamedComponent("cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {
    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "ignored_scripts")
        List<String> ignoredScripts();

        @BooleanSetting(path = "output_unigrams", defaultValue = false)
        boolean outputUnigrams();
    }

    private final int flags;
    private final boolean outputUnigrams;

    @Inject
    public CjkBigramFilterFactory(Settings settings) {
        int f = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : settings.ignoredScripts()) {
            f &= ~switch (script) {
                case "han" -> CJKBigramFilter.HAN;
                case "hiragana" -> CJKBigramFilter.HIRAGANA;
                case "katakana" -> CJKBigramFilter.KATAKANA;
                case "hangul" -> CJKBigramFilter.HANGUL;
                default -> throw new IllegalArgumentException(
                    "cjk_bigram: unknown script [" + script + "] in ignored_scripts, expected han, hiragana, katakana or hangul");
            };
        }
        this.flags = f;
        this.outputUnigrams = settings.outputUnigrams();
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new CJKBigramFilter(in, flags, outputUnigrams);
    }
}
