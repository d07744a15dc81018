package org.resourcehub.esanalysis;

import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** `edge_ngram` tokenizer: prefixes of min_gram..max_gram code points (search-as-you-type). */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory implements TokenizerFactory {
    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChars;

    @Inject
    public EdgeNGramTokenizerFactory(NGramSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.tokenChars = TokenChars.parse(settings.tokenChars());
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int c) {
                return tokenChars.test(c);
            }
        };
    }
}
