"""The interpretive layer: what a document was for (hypotheses with evidence for and against), the policy turn
it belongs to, the published scholarship met honestly, and the questions that stay open."""
