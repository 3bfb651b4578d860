from timeline.extraction.gazetteer import AliasEntry, Gazetteer, builtin_aliases, default_gazetteer


def actors(text):
    return [h.actor for h in default_gazetteer().find(text)]


def test_it_maps_aliases_to_one_actor():
    assert actors("Pyongyang and the DPRK") == ["North Korea", "North Korea"]
    assert actors("Kim Jong-un met Kim Jong Un") == ["Kim Jong Un", "Kim Jong Un"]
    assert actors("The Pentagon and the White House") == ["United States", "United States"]
    assert actors("the Kremlin in Moscow") == ["Russia", "Russia"]


def test_it_respects_case_sensitive_aliases():
    assert actors("The US said") == ["United States"]
    assert actors("they told us nothing") == []
    assert actors("the North said") == ["North Korea"]
    assert actors("the north of the country") == []


def test_it_prefers_the_longest_alias_and_whole_words():
    assert actors("North Korean troops") == ["North Korea"]
    assert actors("Russian-made and Russians") == ["Russia"]


def test_it_uses_a_table_given_to_it():
    gaz = Gazetteer([AliasEntry("Freedonia", "Freedonia", "country"), AliasEntry("FDN", "Freedonia", "country", True)])
    assert [h.actor for h in gaz.find("FDN and Freedonia, not fdn")] == ["Freedonia", "Freedonia"]


def test_it_has_no_alias_twice():
    aliases = [e.alias for e in builtin_aliases()]
    assert len(aliases) == len(set(aliases))
