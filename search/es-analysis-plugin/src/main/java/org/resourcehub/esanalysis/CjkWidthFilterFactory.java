package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** `cjk_width` token filter: full-width ASCII to basic Latin, half-width katakana to full width. */
@NamedComponent("cjk_width")
public class CjkWidthFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream in) {
        return new CJKWidthFilter(in);
    }

    @Override
    public TokenStream normalize(TokenStream in) {
        return new CJKWidthFilter(in);
    }
}
