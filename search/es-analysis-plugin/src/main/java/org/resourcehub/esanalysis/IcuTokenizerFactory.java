package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * `icu_tokenizer` (as in the analysis-icu plugin, without rule_files): Unicode
 * word boundaries, with ICU's dictionaries for Thai, Lao, Khmer and Burmese
 * words and Chinese/Japanese words. Uses the lucene-analysis-icu and icu4j
 * jars bundled in this plugin.
 */
@NamedComponent("icu_tokenizer")
public class IcuTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new ICUTokenizer();
    }
}
