package org.resourcehub.esanalysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The `token_chars` setting of the ngram/edge_ngram tokenizers, with the
 * meaning Elasticsearch gives it: letter, digit, whitespace, punctuation,
 * symbol, or any java.lang.Character general category in lower case (e.g.
 * non_spacing_mark, combining_spacing_mark). `custom` is not supported.
 * <p>
 * Note for Khmer, Lao, Burmese and Thai: their vowel signs are marks, not
 * letters, so ["letter", "digit"] cuts words apart at every vowel sign; add
 * "non_spacing_mark" and "combining_spacing_mark" (or leave token_chars empty).
 */
final class TokenChars {
    private static final Map<String, IntPredicate> CLASSES = new TreeMap<>();

    static {
        CLASSES.put("letter", Character::isLetter);
        CLASSES.put("digit", Character::isDigit);
        CLASSES.put("whitespace", Character::isWhitespace);
        CLASSES.put("punctuation", c -> switch (Character.getType(c)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        });
        CLASSES.put("symbol", c -> switch (Character.getType(c)) {
            case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                Character.MODIFIER_SYMBOL -> true;
            default -> false;
        });
        // Unicode general categories by their java.lang.Character constant names.
        for (Field field : Character.class.getFields()) {
            if (field.getType() == byte.class && Modifier.isStatic(field.getModifiers())
                    && !field.getName().startsWith("DIRECTIONALITY")) {
                try {
                    byte category = field.getByte(null);
                    CLASSES.put(field.getName().toLowerCase(Locale.ROOT), c -> Character.getType(c) == category);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    private TokenChars() {}

    /** The matcher for the listed classes, or null when the list is empty (keep every character). */
    static IntPredicate parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        IntPredicate result = c -> false;
        for (String name : names) {
            IntPredicate p = CLASSES.get(name.trim().toLowerCase(Locale.ROOT));
            if (p == null) {
                throw new IllegalArgumentException(
                    "Unknown token type: '" + name + "', must be one of " + CLASSES.keySet());
            }
            result = result.or(p);
        }
        return result;
    }
}
