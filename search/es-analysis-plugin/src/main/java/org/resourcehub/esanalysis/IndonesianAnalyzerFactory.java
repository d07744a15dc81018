package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** `indonesian` analyzer: lowercase, Indonesian stopwords, Indonesian stemming (as ES's `indonesian`; also used for Malay). No settings (ES's `stopwords` etc. are not supported). */
@NamedComponent("indonesian")
public class IndonesianAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.id.IndonesianAnalyzer();
    }
}
