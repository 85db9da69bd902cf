from uppsikt.domain.collation import swedish_key


def test_names_sort_as_in_a_swedish_list() -> None:
    names = ["Östra", "MKB Fastighets AB", "Malmö Stadshus AB", "Ängelholm", "Åstorp", "Zeta"]
    assert sorted(names, key=swedish_key) == [
        "Malmö Stadshus AB",
        "MKB Fastighets AB",
        "Zeta",
        "Åstorp",
        "Ängelholm",
        "Östra",
    ]


def test_an_accent_sorts_as_its_letter() -> None:
    assert sorted(["Eva", "Élise", "Erik"], key=swedish_key) == ["Élise", "Erik", "Eva"]
