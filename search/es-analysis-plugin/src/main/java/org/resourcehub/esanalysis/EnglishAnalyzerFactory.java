package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** `english` analyzer: possessives, lowercase, English stopwords, Porter stemming (as ES's `english`). No settings (ES's `stopwords` etc. are not supported). */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.en.EnglishAnalyzer();
    }
}
