package org.resourcehub.esanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch learns our components only from named_components.json and
 * loads a class only when an index uses it, so a stale entry would surface
 * late, as "failed to find ... under [name]" or a ClassNotFoundException.
 * These tests catch that at build time, and run the components without a node.
 */
class NamedComponentsTest {
    private static final Path JSON = Path.of("src/main/plugin/named_components.json");

    /** {interface -> {name -> class}} from named_components.json (flat two-level JSON). */
    private static Map<String, Map<String, String>> declared() throws IOException {
        String json = Files.readString(JSON);
        Map<String, Map<String, String>> result = new TreeMap<>();
        Matcher block = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        while (block.find()) {
            Map<String, String> names = result.computeIfAbsent(block.group(1), k -> new TreeMap<>());
            Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"").matcher(block.group(2));
            while (entry.find()) {
                names.put(entry.group(1), entry.group(2));
            }
        }
        return result;
    }

    @Test
    void jsonMatchesAnnotatedClasses() throws Exception {
        TreeSet<String> listed = new TreeSet<>();
        for (var byInterface : declared().entrySet()) {
            Class<?> extensible = Class.forName(byInterface.getKey());
            for (var e : byInterface.getValue().entrySet()) {
                Class<?> impl = Class.forName(e.getValue());
                assertTrue(extensible.isAssignableFrom(impl), impl + " does not implement " + extensible);
                NamedComponent nc = impl.getAnnotation(NamedComponent.class);
                assertEquals(e.getKey(), nc == null ? null : nc.value(), "@NamedComponent of " + impl);
                listed.add(impl.getName());
            }
        }
        // and every @NamedComponent class is listed
        Path classes = Path.of(NGramTokenizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (Class.forName(name).isAnnotationPresent(NamedComponent.class)) {
                    annotated.add(name);
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>(annotated);
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "@NamedComponent classes missing from " + JSON + ": " + missing);
    }

    // ---- components at work, without a node ----------------------------------------------

    /** A settings proxy like the one Elasticsearch injects: values, else the annotation defaults. */
    @SuppressWarnings("unchecked")
    static <T> T settings(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            IntSetting i = m.getAnnotation(IntSetting.class);
            if (i != null) return values.getOrDefault(i.path(), i.defaultValue());
            BooleanSetting b = m.getAnnotation(BooleanSetting.class);
            if (b != null) return values.getOrDefault(b.path(), b.defaultValue());
            StringSetting s = m.getAnnotation(StringSetting.class);
            if (s != null) return values.getOrDefault(s.path(), s.defaultValue());
            ListSetting l = m.getAnnotation(ListSetting.class);
            if (l != null) return values.getOrDefault(l.path(), List.of());
            throw new UnsupportedOperationException(m.toString());
        });
    }

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    static Analyzer custom(Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = tokenizer.get();
                return new TokenStreamComponents(t, filters.apply(t));
            }
        };
    }

    @Test
    void languageAnalyzers() throws IOException {
        assertEquals(List.of("职业", "业教", "教育"), tokens(new CjkAnalyzerFactory().create(), "职业教育"));
        assertEquals(List.of("ทรัพยากร", "เรียน", "สอน"), tokens(new ThaiAnalyzerFactory().create(), "ทรัพยากรการเรียนการสอน"));
        assertEquals(List.of("teach", "resourc"), tokens(new EnglishAnalyzerFactory().create(), "Teaching the resources"));
        assertEquals(List.of("ajar"), tokens(new IndonesianAnalyzerFactory().create(), "pembelajaran"));
    }

    @Test
    void asciiFoldingForVietnamese() throws IOException {
        var folding = new AsciiFoldingFilterFactory(settings(AsciiFoldingFilterFactory.Settings.class, Map.of()));
        assertEquals(List.of("Tieng", "Viet", "giao", "trinh", "dai", "hoc"),
            tokens(custom(StandardTokenizer::new, folding::create), "Tiếng Việt giáo trình đại học"));
    }

    @Test
    void ngramTokenizerKeepsKhmerVowelSignsWithMarkClasses() throws IOException {
        var lettersOnly = new NGramTokenizerFactory(settings(NGramSettings.class,
            Map.of("min_gram", 2, "max_gram", 3, "token_chars", List.of("letter"))));
        var withMarks = new NGramTokenizerFactory(settings(NGramSettings.class,
            Map.of("min_gram", 2, "max_gram", 3,
                "token_chars", List.of("letter", "digit", "non_spacing_mark", "combining_spacing_mark"))));
        // សិក្សា: ស ិ ក ្ ស ា -- the vowel signs and the coeng are marks
        assertEquals(List.of(), tokens(custom(lettersOnly::create, t -> t), "សិក្សា"));
        assertEquals(List.of("សិ", "សិក", "ិក", "ិក្", "ក្", "ក្ស", "្ស", "្សា", "សា"),
            tokens(custom(withMarks::create, t -> t), "សិក្សា"));
    }

    @Test
    void cjkBigramFilterAndWidth() throws IOException {
        var bigram = new CjkBigramFilterFactory(settings(CjkBigramFilterFactory.Settings.class, Map.of()));
        var width = new CjkWidthFilterFactory();
        assertEquals(List.of("abc", "教学", "学资", "资源"),
            tokens(custom(StandardTokenizer::new, t -> bigram.create(width.create(t))), "ａｂｃ 教学资源"));
    }

    @Test
    void icuTokenizerSegmentsSoutheastAsianScripts() throws IOException {
        var icu = custom(new IcuTokenizerFactory()::create, t -> t);
        assertEquals(List.of("ทรัพยากร", "การ", "เรียน", "การ", "สอน"), tokens(icu, "ทรัพยากรการเรียนการสอน"));
        for (String text : List.of("ធនធានសិក្សា", "ຊັບພະຍາກອນການຮຽນ", "သင်ကြားရေးအရင်းအမြစ်")) {
            List<String> words = tokens(icu, text);
            assertTrue(words.size() > 1, "no word breaks in " + text + ": " + words);
            assertEquals(text, String.join("", words));
        }
        var folding = new IcuFoldingFilterFactory(settings(IcuNormalizerSettings.class, Map.of()));
        assertEquals(List.of("tieng", "viet"), tokens(custom(new IcuTokenizerFactory()::create, folding::create), "Tiếng Việt"));
        var nfkc = new IcuNormalizerFilterFactory(settings(IcuNormalizerSettings.class, Map.of()));
        assertEquals(List.of("abc"), tokens(custom(StandardTokenizer::new, nfkc::create), "ＡＢＣ"));
    }

    @Test
    void icuTransformFoldsTraditionalToSimplified() throws IOException {
        var toSimplified = new IcuTransformFilterFactory(settings(IcuTransformFilterFactory.Settings.class,
            Map.of("id", "Traditional-Simplified")));
        var bigram = new CjkBigramFilterFactory(settings(CjkBigramFilterFactory.Settings.class, Map.of()));
        Analyzer chinese = custom(StandardTokenizer::new, t -> bigram.create(toSimplified.create(t)));
        assertEquals(List.of("职业", "业教", "教育"), tokens(chinese, "職業教育"));
        assertEquals(tokens(chinese, "职业教育"), tokens(chinese, "職業教育"));
        // reverse: Simplified to Traditional
        var toTraditional = new IcuTransformFilterFactory(settings(IcuTransformFilterFactory.Settings.class,
            Map.of("id", "Traditional-Simplified", "dir", "reverse")));
        assertEquals(List.of("職業教育"), tokens(custom(new IcuTokenizerFactory()::create, toTraditional::create), "职业教育"));
        // the default ("Null") leaves tokens alone
        var none = new IcuTransformFilterFactory(settings(IcuTransformFilterFactory.Settings.class, Map.of()));
        assertEquals(List.of("職業"), tokens(custom(StandardTokenizer::new, t -> bigram.create(none.create(t))), "職業"));
    }
}
