"""Key dates: the few days that matter in a collection of reports, each with a sentence that says why.

``references`` finds the days each passage names; ``scoring`` weighs the evidence gathered per day and picks
the days; ``summary`` chooses the sentence shown for a day. Plain Python: the read layer
(timeline.events.key_dates) gathers the evidence from the database.
"""
