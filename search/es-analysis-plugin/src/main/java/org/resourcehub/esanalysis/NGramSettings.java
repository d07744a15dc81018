package org.resourcehub.esanalysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * Settings of the (edge_)ngram tokenizers and filters, with Elasticsearch's
 * names and defaults. Elasticsearch itself also rejects max_gram - min_gram
 * greater than the index setting index.max_ngram_diff (default 1); a plugin
 * cannot see index settings, so that check is NOT made here: set
 * index.max_ngram_diff in the index whenever the difference is larger, or the
 * same mapping fails on a production cluster.
 */
@AnalysisSettings
public interface NGramSettings {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();

    /** Tokenizers only: character classes kept in tokens, see {@link TokenChars}. Empty: keep all. */
    @ListSetting(path = "token_chars")
    List<String> tokenChars();

    /** Filters only: also emit the original token. */
    @BooleanSetting(path = "preserve_original", defaultValue = false)
    boolean preserveOriginal();
}
