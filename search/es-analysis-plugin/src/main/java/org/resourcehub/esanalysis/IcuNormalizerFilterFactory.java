package org.resourcehub.esanalysis;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** `icu_normalizer` token filter: Unicode normalization (default nfkc_cf: NFKC plus case folding). */
@NamedComponent("icu_normalizer")
public class IcuNormalizerFilterFactory implements TokenFilterFactory {
    private final Normalizer2 normalizer;

    @Inject
    public IcuNormalizerFilterFactory(IcuNormalizerSettings settings) {
        String name = settings.name() == null ? "nfkc_cf" : settings.name();
        String mode = settings.mode() == null ? "compose" : settings.mode();
        if (!mode.equals("compose") && !mode.equals("decompose")) {
            throw new IllegalArgumentException("icu_normalizer: mode must be compose or decompose, got [" + mode + "]");
        }
        Normalizer2 base = Normalizer2.getInstance(
            null, name, mode.equals("compose") ? Normalizer2.Mode.COMPOSE : Normalizer2.Mode.DECOMPOSE);
        this.normalizer = restrict(base, settings.unicodeSetFilter());
    }

    /** normalizer restricted to unicode_set_filter when that is set (shared with icu_folding). */
    static Normalizer2 restrict(Normalizer2 normalizer, String unicodeSetFilter) {
        if (unicodeSetFilter == null || unicodeSetFilter.isEmpty()) {
            return normalizer;
        }
        return new FilteredNormalizer2(normalizer, new UnicodeSet(unicodeSetFilter).freeze());
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new ICUNormalizer2Filter(in, normalizer);
    }

    @Override
    public TokenStream normalize(TokenStream in) {
        return create(in);
    }
}
