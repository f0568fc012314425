# ruff: noqa: E501, RUF001 - citations are long lines of bibliographic data, curly quotes
"""Citations: the parts of citations written on the forms of the archive's real ones.

No citation here is copied from ``shared/corpus`` (its README forbids copying
the corpus into the package, its tests or its fixtures): every text is
invented, with made-up titles, people, books and archive numbers.  Cases 1-19
imitate the shapes of the 19 real citations of ``citations.txt`` one by one
(bracketed asides in titles, zero-padded days, the APRF / AVPRF / RGASPI
locator forms, a "Reprinted in" book, Chinese sources in pinyin, credit
phrasings); the others are written on the shapes FORMAT-NOTES.md describes:
the intermediate site's straight quotes and appended URL, the newer "Wilson
Center Digital Archive", the credit phrasings, degraded citations.
"""

from __future__ import annotations

from typing import Any

import attrs
import edtf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc.model import Citation, Contributor, Locator
from archivedoc.strategies import citation_texts, section_texts
from citation_pieces import CITATION_PIECES

HPPP = "History and Public Policy Program Digital Archive"
# An invented reprint, on the shape of the real "Reprinted in <three editors>,
# <title>, Vol. n, Book n, <years> (<city>: <publisher>, <year>), <pages>".
REPRINT = "Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book {book}, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), {pages}"


def _apr(fond: str, opis: str, delo: str, pages: str) -> dict[str, str]:
    return {"repository": "APRF", "fond": fond, "opis": opis, "delo": delo, "pages": pages}


# Each case: the text, then the parts it must give.  "locator" lists the
# recognized parts (the others must be None); "contributors" is (name, roles).
CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "“Record of Conversation between P.A. Lavrentev and Chairman of the People's Committee of the People's Province of Kangwon Kim Tae-sok on 22 March 1951,” March 22, 1951, History and Public Policy Program Digital Archive, Archive of the President, Russian Federation (APRF), fond (f.) 52, opis (op.) 3, delo (d.) 417, listy (ll.) 12-19. Translated by Irina Volkova",
        {
            "title": "Record of Conversation between P.A. Lavrentev and Chairman of the People's Committee of the People's Province of Kangwon Kim Tae-sok on 22 March 1951",
            "edtf": "1951-03-22",
            "source": "Archive of the President, Russian Federation (APRF), fond (f.) 52, opis (op.) 3, delo (d.) 417, listy (ll.) 12-19",
            "locator": {
                "repository": "Archive of the President, Russian Federation (APRF)",
                "fond": "52",
                "opis": "3",
                "delo": "417",
                "pages": "12-19",
            },
            "contributors": [("Irina Volkova", ("translated",))],
        },
    ),
    (
        "“Cable, Zavarin to Filatov [via Kuprin],” March 04, 1950, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 58, Ll. 23-27. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 17-21. Translated for CWIHP by Olga Veretennikova.",
        {
            "title": "Cable, Zavarin to Filatov [via Kuprin]",
            "edtf": "1950-03-04",
            "source": "APRF: F. 41, Op. 2, D. 58, Ll. 23-27. "
            + REPRINT.format(book=2, pages="pp. 17-21"),
            "locator": _apr("41", "2", "58", "23-27"),
            "contributors": [("Olga Veretennikova", ("translated",))],
        },
    ),
    (
        "“Memorandum of Conversation between Grigorii Tulin and Pak Chong-ho,” April 28, 1950, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 64, Ll. 3-11. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), p. 44-49. Translated by Olga Veretennikova.",
        {
            "title": "Memorandum of Conversation between Grigorii Tulin and Pak Chong-ho",
            "edtf": "1950-04-28",
            "locator": _apr("41", "2", "64", "3-11"),
            "contributors": [("Olga Veretennikova", ("translated",))],
        },
    ),
    (
        "“Memorandum of Conversation between Grigorii Tulin and Pak Chong-ho,” May 03, 1950, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 64, Ll. 52-57. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), p. 61-65. Translated by Olga Veretennikova.",
        {"edtf": "1950-05-03", "locator": _apr("41", "2", "64", "52-57")},
    ),
    (
        "“Memorandum of Conversation between Grigorii Tulin and Pak Chong-ho,” May 06, 1950, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 64, Ll. 81-84. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 70-72. Translated by Olga Veretennikova.",
        {"edtf": "1950-05-06", "locator": _apr("41", "2", "64", "81-84")},
    ),
    (
        "“Cable, Tulin to Nikolaev [Filatov],” June 19, 1950, History and Public Policy Program Digital Archive, APRF: F. 47, Op. 1, D. 212, Ll. 31-36. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 124-129. Translated for CWIHP by Olga Veretennikova.",
        {
            "title": "Cable, Tulin to Nikolaev [Filatov]",
            "edtf": "1950-06-19",
            "locator": _apr("47", "1", "212", "31-36"),
        },
    ),
    (
        "“Cable, Pak Chong-ho [via Tulin] to Filatov,” July 14, 1950, History and Public Policy Program Digital Archive, APRF: F. 47, Op. 1, D. 212, Ll. 102-113. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 150-155. Translated by Olga Veretennikova.",
        {
            "title": "Cable, Pak Chong-ho [via Tulin] to Filatov",
            "edtf": "1950-07-14",
            "locator": _apr("47", "1", "212", "102-113"),
        },
    ),
    (
        "“Cable, Nikolaev [Filatov] to Pak Chong-ho [via Tulin],” July 18, 1950, History and Public Policy Program Digital Archive, APRF: F. 47, Op. 1, D. 212, Ll. 127. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), p. 158. Translated by Olga Veretennikova.",
        {
            "title": "Cable, Nikolaev [Filatov] to Pak Chong-ho [via Tulin]",
            "locator": _apr("47", "1", "212", "127"),
        },
    ),
    (
        "“Report, Tulin to Filatov,” August 07, 1950, History and Public Policy Program Digital Archive, APRF: F. 4, Op. 72, D. 388, Ll. 24-29. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 2, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 171-173. Translated for CWIHP by Olga Veretennikova.",
        {
            "title": "Report, Tulin to Filatov",
            "edtf": "1950-08-07",
            "locator": _apr("4", "72", "388", "24-29"),
        },
    ),
    (
        "“Cable, Gao Wenming to Zhao Pingyuan,” September 21, 1950, History and Public Policy Program Digital Archive, Xinzheng wenji Gao Wenming shougao (Gao Wenming’s Papers on the New Administration), vol. 2 (Beijing: Renmin wenhua chubanshe, 2001), 41-48. Translated for CWIHP by Li Meihua.",
        {
            "source": "Xinzheng wenji Gao Wenming shougao (Gao Wenming’s Papers on the New Administration), vol. 2 (Beijing: Renmin wenhua chubanshe, 2001), 41-48",
            "locator": {"volume": "2", "pages": "41-48"},
            "contributors": [("Li Meihua", ("translated",))],
        },
    ),
    (
        "“Cable, Pak Chong-ho to Filatov,” December 29, 1949, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 58, Ll. 44-47. Reprinted in Pavel Gorelik, Nina Sosnovskaia and Oleg Kriuchkov, Sovetsko-Mongolskie Sviazi, Vol. 3, Book 1, 1945-March 1952 (Moscow: Nauchnaia Kniga, 2003), pp. 488-491. Translated for CWIHP by Olga Veretennikova.",
        {
            "edtf": "1949-12-29",
            "source": "APRF: F. 41, Op. 2, D. 58, Ll. 44-47. "
            + REPRINT.format(book=1, pages="pp. 488-491"),
            "locator": _apr("41", "2", "58", "44-47"),
        },
    ),
    (
        "“Record of Conversation between Soviet Ambassador in Mongolia Vasilii Lomakin and Ganzorig and Tumurbaatar,” November 08, 1946, History and Public Policy Program Digital Archive, AVPRF: fond 0111, opis 27, delo 9, papka 153, listy 141-146. Translated by Olga Veretennikova.",
        {
            "edtf": "1946-11-08",
            "locator": {
                "repository": "AVPRF",
                "fond": "0111",
                "opis": "27",
                "delo": "9",
                "papka": "153",
                "pages": "141-146",
            },
        },
    ),
    (
        "“Report by the Chief of the Trade Mission of the Korean Workers' Party CC to Filatov,” August 09, 1950, History and Public Policy Program Digital Archive, RGASPI, f. 571, op. 14, d. 206, ll. 33-38. Translated by Nikolai Borodin.",
        {
            "source": "RGASPI, f. 571, op. 14, d. 206, ll. 33-38",
            "locator": {
                "repository": "RGASPI",
                "fond": "571",
                "opis": "14",
                "delo": "206",
                "pages": "33-38",
            },
            "contributors": [("Nikolai Borodin", ("translated",))],
        },
    ),
    (
        "“Trade Unions and Youth Leagues in the Organizing Bureau to Prepare a National Unity Congress,” August 10, 1950, History and Public Policy Program Digital Archive, RGASPI, f. 571, op. 14, d. 206, ll. 71-84. Translated by Nikolai Borodin.",
        {
            "edtf": "1950-08-10",
            "locator": {
                "repository": "RGASPI",
                "fond": "571",
                "opis": "14",
                "delo": "206",
                "pages": "71-84",
            },
        },
    ),
    (
        '“A Shining Example of Fraternal Friendship: Zhao Pingyuan and Aiding Laos Against Drought,” 1988, History and Public Policy Program Digital Archive, Qian Dewei, "Xiongdi youyide guangrong bangyang: yi Zhao Pingyuan he Yuan-Lao Kang-Han" ("A Shining Example of Fraternal Friendship: Zhao Pingyuan and Aiding Laos Against Drought"), in Huiyi Zhao Pingyuan (Recalling Zhao Pingyuan), ed. Huiyi Zhao Pingyuan bianjizu (Beijing: Renmin Wenhua chubanshe, 1988) 174-189. Translated by Laura T. Finch',
        {
            "title": "A Shining Example of Fraternal Friendship: Zhao Pingyuan and Aiding Laos Against Drought",
            "date": "1988",
            "edtf": "1988",
            "locator": {},
            "contributors": [("Laura T. Finch", ("translated",))],
        },
    ),
    (
        "“Chinese Foreign Ministry Briefing Paper No.3,” May 17, 1956, History and Public Policy Program Digital Archive, PRC FMA 105-00217-04. Obtained by Rohan Mehta and translated by Xu Lanfang",
        {
            "source": "PRC FMA 105-00217-04",
            "locator": {"repository": "PRC FMA", "call_number": "105-00217-04"},
            "contributors": [("Rohan Mehta", ("obtained",)), ("Xu Lanfang", ("translated",))],
        },
    ),
    (
        "“Report, 'My Impressions of the Polish Republic,' Gao Wenming to Zhao Pingyuan and the Provincial Committee (Excerpt),” March 12, 1958, History and Public Policy Program Digital Archive, Wu Peilin, Gao Wenming de weida gongxian [Great Services and Merits of Gao Wenming] (Beijing: Renmin wenhua chubanshe, 1994), 211-216. Translated by Liang Wei Ming and Sun Hao.",
        {
            "title": "Report, 'My Impressions of the Polish Republic,' Gao Wenming to Zhao Pingyuan and the Provincial Committee (Excerpt)",
            "edtf": "1958-03-12",
            "locator": {"pages": "211-216"},
            "contributors": [("Liang Wei Ming", ("translated",)), ("Sun Hao", ("translated",))],
        },
    ),
    (
        "“Record of Conversation between Soviet Ambassador in Mongolia Vasilii Lomakin and Ganzorig,” September 27, 1946, History and Public Policy Program Digital Archive, AVPRF: fond 0111, opis 31, delo 14, papka 167, listy 205-219. Translated by Olga Veretennikova.",
        {
            "locator": {
                "repository": "AVPRF",
                "fond": "0111",
                "opis": "31",
                "delo": "14",
                "papka": "167",
                "pages": "205-219",
            }
        },
    ),
    (
        "“Letter, Zhao Pingyuan to Qian Dewei and Wu Peilin,” October 15, 1959, History and Public Policy Program Digital Archive, Sheng weiyuanhui wenshi bianjibu, ed., Xinzheng yilai Zhao Pingyuan shougao (Zhao Pingyuan’s Papers since the Founding of the Provincial Government), vol. 4 (Beijing: Renmin wenhua chubanshe, 1996), 118-119.",
        {"edtf": "1959-10-15", "locator": {"volume": "4", "pages": "118-119"}, "contributors": []},
    ),
    # -- written on the forms FORMAT-NOTES lists --------------------------------
    (
        "“Meeting between Marshal Stalin and Dr. Soong,” June 30, 1945, History and Public Policy Program Digital Archive, Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff.\n\n<http://digitalarchive.wilsoncenter.org/document/123400>",
        {
            "title": "Meeting between Marshal Stalin and Dr. Soong",
            "edtf": "1945-06-30",
            "source": "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives",
            "locator": {
                "repository": "Hoover Institution Archives",
                "collection": "Victor Hoo Collection",
                "box": "6",
                "folder": "9",
            },
            "contributors": [("David Wolff", ("contributed",))],
            "url": "http://digitalarchive.wilsoncenter.org/document/123400",
            "record_id": "123400",
        },
    ),
    (
        '"Conversation between Kim Il Sung and the Workers’ Party of Korea," June 1972, Wilson Center Digital Archive, South Korean Foreign Ministry Archive. Obtained and translated for NKIDP by Jane Example. https://digitalarchive.wilsoncenter.org/document/conversation-between-kim-il-sung',
        {
            "title": "Conversation between Kim Il Sung and the Workers’ Party of Korea",
            "edtf": "1972-06",
            "archive": "Wilson Center Digital Archive",
            "locator": {"repository": "South Korean Foreign Ministry Archive"},
            "contributors": [("Jane Example", ("obtained", "translated"))],
            "url": "https://digitalarchive.wilsoncenter.org/document/conversation-between-kim-il-sung",
            "record_id": "conversation-between-kim-il-sung",
        },
    ),
    (
        "“Note on a Meeting,” August, 1962, History and Public Policy Program Digital Archive, RGANI, f. 5, op. 47, d. 208, ll. 61-62. Obtained and translated for CWIHP by Vera Example.",
        {
            "edtf": "1962-08",
            "locator": {
                "repository": "RGANI",
                "fond": "5",
                "opis": "47",
                "delo": "208",
                "pages": "61-62",
            },
            "contributors": [("Vera Example", ("obtained", "translated"))],
        },
    ),
    (
        "“Memorandum,” 1996, History and Public Policy Program Digital Archive, BArch, B 145/30217, 211-219. Contributed, transcribed, and translated by Jonas Feldhaus.",
        {
            "locator": {"repository": "BArch", "call_number": "B 145/30217", "pages": "211-219"},
            "contributors": [("Jonas Feldhaus", ("contributed", "transcribed", "translated"))],
        },
    ),
    (
        "“Telegram,” n.d., History and Public Policy Program Digital Archive, TsKhSD, f. 89, per. 25, dok. 2",
        {
            "date": "n.d.",
            "edtf": "XXXX",
            "locator": {"repository": "TsKhSD", "fond": "89", "opis": "25"},
            "contributors": [],
        },
    ),
    (
        "“Letter,” [undated], History and Public Policy Program Digital Archive, GAPPOD, f.1, op.89, d.[120]. Obtained by Anne Example and translated by Bob Example.",
        {
            "date": "[undated]",
            "locator": {"repository": "GAPPOD", "fond": "1", "opis": "89", "delo": "[120]"},
            "contributors": [("Anne Example", ("obtained",)), ("Bob Example", ("translated",))],
        },
    ),
    (
        "“Report,” July 11 1981, History and Public Policy Program Digital Archive, MOL, XIX-J-1-k Mongolia, 7. doboz, 1969. Translated for NKIDP by Balazs Example.",
        {
            "edtf": "1981-07-11",
            "locator": {"repository": "MOL", "box": "7"},
            "contributors": [("Balazs Example", ("translated",))],
        },
    ),
    (
        "“Note,” 1962-1963, History and Public Policy Program Digital Archive, (BStU), MfS, ZAIG 4127, p. 3-24. Translated from German for CWIHP by Bernd Example.",
        {
            "edtf": "1962/1963",
            "locator": {"repository": "(BStU)", "pages": "3-24"},
            "contributors": [("Bernd Example", ("translated",))],
        },
    ),
    (
        "“Note,” c. 1950, History and Public Policy Program Digital Archive, AMSZ, Warsaw, 9/41, 1965: w-12, t-2290. Obtained for CWIHP by Malcolm Example and translated for CWIHP by Margaret Example.",
        {
            "edtf": "1950~",
            "locator": {"repository": "AMSZ", "call_number": "9/41"},
            "contributors": [
                ("Malcolm Example", ("obtained",)),
                ("Margaret Example", ("translated",)),
            ],
        },
    ),
    (
        "“Cable,” Summer 1961, History and Public Policy Program Digital Archive, Collection: Records of the Politburo, Folder 23/1973. Obtained by Foo Example; translated and edited by A. Bee, C. Dee, and E. Eff",
        {
            "edtf": "1961-22",
            "locator": {"collection": "Records of the Politburo", "folder": "23/1973"},
            "contributors": [
                ("Foo Example", ("obtained",)),
                ("A. Bee", ("translated", "edited")),
                ("C. Dee", ("translated", "edited")),
                ("E. Eff", ("translated", "edited")),
            ],
        },
    ),
    (
        "“Conversation. ,” March 1962 - April 1963, History and Public Policy Program Digital Archive, Central State Archive, Tirana, F. 14/AP, D.24. Translated by Nikolai Borodin.Contributed by Li Meihua.",
        {
            "title": "Conversation. ",
            "edtf": "1962-03/1963-04",
            "locator": {"repository": "Central State Archive", "fond": "14/AP", "delo": "24"},
            "contributors": [("Nikolai Borodin", ("translated",)), ("Li Meihua", ("contributed",))],
        },
    ),
    (
        "“Statement,” 1960s, History and Public Policy Program Digital Archive, Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A’0517. Provided to the National Security Archive by Bob Example.",
        {
            "edtf": "196X",
            "locator": {
                "repository": "Diplomatic Archives of the Ministry of Foreign Affairs of Japan",
                "file": "A’0517",
            },
            "contributors": [("Bob Example", ("provided",))],
        },
    ),
    (
        "“Press Release,” October 17, 1958, History and Public Policy Program Digital Archive, National Archives of Ireland, Department of Foreign Affairs/4/312/5/2. translation by Mary Example. Published in CWIHP Bulletin 8-9.",
        {
            "locator": {
                "repository": "National Archives of Ireland",
                "call_number": "Department of Foreign Affairs/4/312/5/2",
            },
            "contributors": [("Mary Example", ("translated",))],
        },
    ),
    # degraded: no quotes, OCR without punctuation, a lone credit, no archive
    (
        "Cable, Pak Chong-ho to Filatov, December 29, 1949, History and Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 58, Ll. 44-47",
        {
            "title": "Cable, Pak Chong-ho to Filatov",
            "edtf": "1949-12-29",
            "locator": _apr("41", "2", "58", "44-47"),
            "contributors": [],
        },
    ),
    (
        "Cable Pak Chong-ho to Filatov December 29 1949 History and Public Policy Program Digital Archive APRF F 41 Op 2 D 58 Ll 44-47 Translated by Olga Veretennikova",
        {
            "title": "Cable Pak Chong-ho to Filatov",
            "date": "December 29 1949",
            "source": "APRF F 41 Op 2 D 58 Ll 44-47",
            "locator": {},
            "contributors": [("Olga Veretennikova", ("translated",))],
        },
    ),
    (
        "Translated by Nikolai Borodin",
        {
            "title": None,
            "date": None,
            "archive": None,
            "source": None,
            "locator": None,
            "contributors": [("Nikolai Borodin", ("translated",))],
        },
    ),
    (
        "Dragan Example. Wartime. Translated by Michael Example (New York: Harcourt, 1977)",
        {
            "title": None,
            "archive": None,
            "source": "Dragan Example. Wartime",
            "contributors": [("Michael Example", ("translated",))],
        },
    ),
    (
        "“Note,” Spring-Summer 1962, History and Public Policy Program Digital Archive, AVP RF; obtained by NHK, copy on file at the National Security Archive.",
        {
            "date": "Spring-Summer 1962",
            "edtf": None,
            "source": "AVP RF",
            "locator": {"repository": "AVP RF"},
            "contributors": [("NHK", ("obtained",))],
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), CASES, ids=[f"case{i + 1}" for i in range(len(CASES))]
)
def test_citation_parts(text: str, expected: dict[str, Any]) -> None:
    citation = Citation(text)
    assert citation.text == text
    archive = expected.get("archive", HPPP)
    assert citation.archive == archive
    for name in ("title", "source", "url", "record_id"):
        if name in expected:
            assert getattr(citation, name) == expected[name], name
    if "date" in expected:
        assert (citation.date.text if citation.date else None) == expected["date"]
    if "edtf" in expected:
        assert citation.date is not None
        assert citation.date.edtf == expected["edtf"]
        if expected["edtf"] is not None:
            edtf.parse_edtf(expected["edtf"])  # an independent EDTF parser agrees it is valid
    if "locator" in expected:
        if expected["locator"] is None:
            assert citation.locator is None
        else:
            assert citation.locator is not None
            assert citation.locator.text == citation.source
            assert citation.locator.parts == expected["locator"]
    if "contributors" in expected:
        assert [(c.name, c.roles) for c in citation.contributors] == expected["contributors"]
    if "url" not in expected:
        assert citation.url is None and citation.record_id is None


def test_there_are_at_least_25_pinned_citations_of_different_shapes() -> None:
    assert len(CASES) >= 25
    assert len({text for text, _ in CASES}) == len(CASES)


def test_the_seed_citation(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    citation = doc.citation
    assert citation is not None
    assert citation.url == "http://digitalarchive.wilsoncenter.org/document/123400"
    assert citation.record_id == "123400"
    assert citation.archive == "History and Public Policy Program Digital Archive"
    assert citation.contributors == (Contributor("David Wolff", ("contributed",)),)
    assert citation.locator is not None
    assert citation.locator.repository == "Hoover Institution Archives"
    assert (citation.locator.box, citation.locator.folder) == ("6", "9")
    assert doc.date is not None and doc.date.edtf == "1945-06-30"
    assert doc.languages[0].code == "en"


def test_derived_parts_follow_the_text() -> None:
    citation = Citation(
        "“A,” 1958, History and Public Policy Program Digital Archive, RGANI, f. 5."
    )
    moved = attrs.evolve(citation, text="“B,” 1959, Wilson Center Digital Archive, RGANI, f. 6.")
    assert (moved.title, moved.archive, moved.locator and moved.locator.fond) == (
        "B",
        "Wilson Center Digital Archive",
        "6",
    )
    assert citation == Citation(citation.text)
    assert citation != moved


def test_an_unrecognized_locator_stays_whole() -> None:
    locator = Locator("Somewhere in a drawer")
    assert locator.text == "Somewhere in a drawer"
    assert locator.parts == {}


def test_contributor_roles_are_a_tuple() -> None:
    assert Contributor("A", ["translated"]).roles == ("translated",)
    assert Contributor("A", "translated").roles == ("translated",)


@settings(max_examples=400)
@given(st.one_of(section_texts(), st.lists(CITATION_PIECES, max_size=30).map("".join)))
def test_any_section_text_reads_without_raising_and_parts_come_from_it(text: str) -> None:
    try:
        citation = Citation(text)
    except ValueError:  # not a section body at all (blank lines around it, "### ")
        return
    for part in (citation.title, citation.archive, citation.source, citation.url):
        assert part is None or part in text
    assert citation.date is None or citation.date.text in text
    for contributor in citation.contributors:
        assert contributor.name in text and contributor.roles


@settings(max_examples=200)
@given(citation_texts())
def test_generated_citations_give_back_their_parts(text: str) -> None:
    citation = Citation(text)
    assert citation.archive in (
        "History and Public Policy Program Digital Archive",
        "Wilson Center Digital Archive",
    )
    assert citation.title is not None and citation.title in text
    assert citation.source is not None and citation.locator is not None
    assert citation.locator.parts  # every source of the strategy has recognized parts
    if citation.date is not None:
        assert citation.date.readable
    if "<http" in text:
        assert citation.record_id is not None and citation.record_id.isdigit()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "AVPRF fond 0107, opis 4, papka 9, p.21-37",
            {"repository": "AVPRF", "fond": "0107", "opis": "4", "papka": "9", "pages": "21-37"},
        ),
        (
            "APRF, Listy 88-93, Fond and Opis not given",
            {"repository": "APRF", "pages": "88-93"},
        ),
        (
            "RGANI: fond 5, opis 58, delo 112, microfilm, reel 71",
            {"repository": "RGANI", "fond": "5", "opis": "58", "delo": "112"},
        ),
        (
            "TsKhSD, f. 89, Ll. 5-5ob, compiled by A. Example",
            {"repository": "TsKhSD", "fond": "89", "pages": "5-5ob"},
        ),
        (
            "Nehru Memorial Museum and Library, Haridas Menon Papers",
            {
                "repository": "Nehru Memorial Museum and Library",
                "collection": "Haridas Menon Papers",
            },
        ),
        (
            "AVPRF, Fond 047b, Opis 3, Papka 5",
            {"repository": "AVPRF", "fond": "047b", "opis": "3", "papka": "5"},
        ),
        ("Matter: 317/Year: 1975/Country: Korea CLASSIFICATION: SECRET", {}),
        ("MOL, XIX-J-1-k Mongolia, 7. doboz, 3/c, 1969", {"repository": "MOL", "box": "7"}),
        ("APRF F 41 Op 2 D 58 Ll 44-47", {}),
        ("Somewhere in a drawer", {}),
        ("", {}),
    ],
)
def test_locator_parts(text: str, parts: dict[str, str]) -> None:
    locator = Locator(text)
    assert locator.text == text
    assert locator.parts == parts


@pytest.mark.parametrize(
    ("credit", "contributors"),
    [
        (
            "Contributed by Jane Example and translated by Bob Example.",
            [("Jane Example", ("contributed",)), ("Bob Example", ("translated",))],
        ),
        ("Translated for NKIDP by Jane Example.", [("Jane Example", ("translated",))]),
        (
            "Provided to the National Security Archive/Japan Project by Bob Example.",
            [("Bob Example", ("provided",))],
        ),
        (
            "Obtained by Jane Example and translated by Jane Example.",
            [("Jane Example", ("obtained", "translated"))],
        ),
        (
            "Obtained by the National Security Archive.",
            [("the National Security Archive", ("obtained",))],
        ),
    ],
)
def test_credit_phrasings(credit: str, contributors: list[tuple[str, tuple[str, ...]]]) -> None:
    citation = Citation(f"“A,” 1958, {HPPP}, RGANI, f. 5. {credit}")
    assert citation.source == "RGANI, f. 5"
    assert [(c.name, c.roles) for c in citation.contributors] == contributors


def test_a_lower_case_credit_after_a_comma() -> None:
    citation = Citation(f"“A,” 1958, {HPPP}, AVP RF, obtained and translated by Jane Example.")
    assert citation.source == "AVP RF"
    assert citation.contributors == (Contributor("Jane Example", ("obtained", "translated")),)
