package org.resourcehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** `edge_ngram` token filter: the min_gram..max_gram prefixes of each token. */
@NamedComponent("edge_ngram")
public class EdgeNGramFilterFactory implements TokenFilterFactory {
    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    @Inject
    public EdgeNGramFilterFactory(NGramSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new EdgeNGramTokenFilter(in, minGram, maxGram, preserveOriginal);
    }
}
