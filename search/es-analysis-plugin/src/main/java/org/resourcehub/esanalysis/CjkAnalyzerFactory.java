package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** `cjk` analyzer: bigrams of Han/Hiragana/Katakana/Hangul, CJK width folding, lowercase, English stopwords (as ES's `cjk`). No settings (ES's `stopwords` etc. are not supported). */
@NamedComponent("cjk")
public class CjkAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.cjk.CJKAnalyzer();
    }
}
