package org.resourcehub.esanalysis;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * `icu_transform` token filter (as in the analysis-icu plugin): an ICU
 * transliterator applied to each token, e.g. `id: "Traditional-Simplified"`
 * to fold Traditional Chinese to Simplified, or `"Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC"`.
 */
@NamedComponent("icu_transform")
public class IcuTransformFilterFactory implements TokenFilterFactory {
    private final Transliterator transliterator;

    @AnalysisSettings
    public interface Settings {
        /** An ICU transform id ("Traditional-Simplified", "Any-Latin", ...); "Null" changes nothing. */
        @StringSetting(path = "id", defaultValue = "Null")
        String id();

        /** forward or reverse. */
        @StringSetting(path = "dir", defaultValue = "forward")
        String dir();
    }

    @Inject
    public IcuTransformFilterFactory(Settings settings) {
        String id = settings.id() == null || settings.id().isEmpty() ? "Null" : settings.id();
        String dir = settings.dir() == null || settings.dir().isEmpty() ? "forward" : settings.dir();
        if (!dir.equals("forward") && !dir.equals("reverse")) {
            throw new IllegalArgumentException("icu_transform: dir must be forward or reverse, got [" + dir + "]");
        }
        this.transliterator = Transliterator.getInstance(
            id, dir.equals("forward") ? Transliterator.FORWARD : Transliterator.REVERSE);
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new ICUTransformFilter(in, transliterator);
    }

    @Override
    public TokenStream normalize(TokenStream in) {
        return create(in);
    }
}
