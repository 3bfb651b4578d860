"""Vocabularies the pipeline shares, each defined once as data: calendar words, speech verbs, event types,
and the frozen gazetteer seed."""
