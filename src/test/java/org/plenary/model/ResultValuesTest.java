package org.plenary.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The values the model hands to the results files: ballots, item states, the round's exchanges. */
class ResultValuesTest {
    @Test
    void aVoteIntentionBecomesTheBallotWrittenToBallotsCsv() {
        assertEquals(Ballot.YES, Ballot.of(1));
        assertEquals(Ballot.NO, Ballot.of(-1));
        assertEquals(Ballot.ABSTAIN, Ballot.of(0));
        assertEquals(Ballot.YES, Ballot.of(2), "any positive intention is a yes");
        assertEquals(Ballot.NO, Ballot.of(-2));
        assertEquals(Arrays.asList("yes", "no", "abstain", "absent"),
                Arrays.stream(Ballot.values()).map(Ballot::label).toList());
    }

    @Test
    void onlyOpenItemsAreStillNegotiated() {
        assertFalse(ItemState.OPEN.isClosed());
        for (ItemState state : new ItemState[] {ItemState.CONSENSUS, ItemState.VOTE_ADOPTED, ItemState.VOTE_REJECTED, ItemState.NO_QUORUM,
            ItemState.FAILED}) {
            assertTrue(state.isClosed(), state.label());
        }
        assertEquals(Arrays.asList("open", "consensus", "vote-adopted", "vote-rejected", "no-quorum", "failed"),
                Arrays.stream(ItemState.values()).map(ItemState::label).toList());
    }

    @Test
    void exchangesKeepEveryQuadrupleInOrderBeyondTheInitialCapacityAndClearForTheNextRound() {
        Exchanges exchanges = new Exchanges();
        int[] expected = new int[4 * 9];
        for (int e = 0; e < 9; e++) {
            exchanges.add(e, e + 10, e % 3, e % 5);
            expected[4 * e] = e;
            expected[4 * e + 1] = e + 10;
            expected[4 * e + 2] = e % 3;
            expected[4 * e + 3] = e % 5;
        }
        assertEquals(9, exchanges.count());
        assertArrayEquals(expected, exchanges.toArray());
        int[] copy = exchanges.toArray();
        copy[0] = 99;
        assertEquals(0, exchanges.toArray()[0], "toArray hands out a copy");
        exchanges.clear();
        assertEquals(0, exchanges.count());
        assertArrayEquals(new int[0], exchanges.toArray());
        exchanges.add(1, 2, 0, 1);
        assertArrayEquals(new int[] {1, 2, 0, 1}, exchanges.toArray());
    }
}
