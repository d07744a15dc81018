package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** `ngram` token filter: the min_gram..max_gram character n-grams of each token. */
@NamedComponent("ngram")
public class NGramFilterFactory implements TokenFilterFactory {
    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    @Inject
    public NGramFilterFactory(NGramSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new NGramTokenFilter(in, minGram, maxGram, preserveOriginal);
    }
}
