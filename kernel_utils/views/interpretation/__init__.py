"""Views of the interpretive layer: evidence tables, the tally, the policy turn side by side, scholarship and open questions."""
