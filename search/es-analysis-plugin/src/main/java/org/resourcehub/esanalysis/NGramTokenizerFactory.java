package org.resourcehub.esanalysis;

import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * `ngram` tokenizer: every character n-gram of min_gram..max_gram code points
 * of each run of token_chars (of the whole text when token_chars is empty).
 * Our fallback for scripts written without spaces (Khmer, Lao, Burmese).
 */
@NamedComponent("ngram")
public class NGramTokenizerFactory implements TokenizerFactory {
    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChars;

    @Inject
    public NGramTokenizerFactory(NGramSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.tokenChars = TokenChars.parse(settings.tokenChars());
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new NGramTokenizer(minGram, maxGram);
        }
        return new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int c) {
                return tokenChars.test(c);
            }
        };
    }
}
