package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * `asciifolding` token filter: folds letters with diacritics to ASCII
 * ("Tiếng Việt" -> "tieng viet", đ -> d), so Vietnamese matches with or
 * without diacritics. preserve_original also keeps the unfolded token.
 */
@NamedComponent("asciifolding")
public class AsciiFoldingFilterFactory implements TokenFilterFactory {
    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final boolean preserveOriginal;

    @Inject
    public AsciiFoldingFilterFactory(Settings settings) {
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new ASCIIFoldingFilter(in, preserveOriginal);
    }

    /** Also applies in normalizers and to wildcard/prefix query terms, as in ES. */
    @Override
    public TokenStream normalize(TokenStream in) {
        return new ASCIIFoldingFilter(in, false);
    }
}
