package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** `thai` analyzer: dictionary word breaks (the JDK's Thai BreakIterator), lowercase, Thai stopwords (as ES's `thai`). No settings (ES's `stopwords` etc. are not supported). */
@NamedComponent("thai")
public class ThaiAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.th.ThaiAnalyzer();
    }
}
