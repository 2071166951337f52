package org.plenary.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints for misspelt keys and ids. */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();
    /** Candidates listed in full up to this many; of a longer list (194 states) only the closest. */
    private static final int LISTED = 8;

    private Suggestions() {
    }

    /** The closest candidate within a third of the word's length (at least 2 edits), or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, word.length() / 3);
        for (String candidate : candidates) {
            int distance = DISTANCE.apply(word.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= allowed && bestDistance < word.length() ? best : null;
    }

    /** A message for an unknown name, with a suggestion when one is close. */
    public static String unknown(String what, String word, Collection<String> candidates) {
        String hint = closest(word, candidates);
        String message = "unknown " + what + " '" + word + "'";
        if (hint != null) {
            return message + " (did you mean '" + hint + "'?)";
        }
        if (candidates.isEmpty()) {
            return message + " (there are none)";
        }
        if (candidates.size() > LISTED) {
            List<String> nearest = candidates.stream()
                    .sorted(Comparator.comparingInt(c -> DISTANCE.apply(word.toLowerCase(), c.toLowerCase())))
                    .limit(LISTED).toList();
            return message + " (closest of " + candidates.size() + ": " + String.join(", ", nearest) + ")";
        }
        return message + " (expected one of: " + String.join(", ", candidates) + ")";
    }
}
