package org.resourcehub.esanalysis;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * `icu_folding` token filter: case folding, diacritic removal and other
 * foldings (UTR#30) for every script; a multilingual superset of
 * lowercase + asciifolding.
 */
@NamedComponent("icu_folding")
public class IcuFoldingFilterFactory implements TokenFilterFactory {
    private final Normalizer2 normalizer;

    @Inject
    public IcuFoldingFilterFactory(IcuNormalizerSettings settings) {
        this.normalizer = IcuNormalizerFilterFactory.restrict(ICUFoldingFilter.NORMALIZER, settings.unicodeSetFilter());
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new ICUFoldingFilter(in, normalizer);
    }

    @Override
    public TokenStream normalize(TokenStream in) {
        return create(in);
    }
}
