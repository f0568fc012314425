# ruff: noqa: E501, RUF001 - citations are long lines of real bibliographic data, curly quotes
"""Citations: the parts of real citations (citations.txt) and of the forms FORMAT-NOTES lists.

Lines 1-19 are the real citation strings of ``shared/corpus/citations.txt``
(bibliographic data, which the corpus README allows in tests); the others
are written on the shapes FORMAT-NOTES.md describes: the intermediate site's
straight quotes and appended URL, the newer "Wilson Center Digital
Archive", the credit phrasings, degraded citations.
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
LEDOVSKII = "Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book {book}, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), {pages}"


def _apr(fond: str, opis: str, delo: str, pages: str) -> dict[str, str]:
    return {"repository": "APRF", "fond": fond, "opis": opis, "delo": delo, "pages": pages}


# Each case: the text, then the parts it must give.  "locator" lists the
# recognized parts (the others must be None); "contributors" is (name, roles).
CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "“Record of Conversation between I.V. Stalin and Chairman of the Central People's Government of the People's Republic of China Mao Zedong on 16 December 1949,” December 16, 1949, History and Public Policy Program Digital Archive, Archive of the President, Russian Federation (APRF), fond (f.) 45, opis (op.) 1, delo (d.) 329, listy (ll.) 9-17. Translated by Danny Rozas",
        {
            "title": "Record of Conversation between I.V. Stalin and Chairman of the Central People's Government of the People's Republic of China Mao Zedong on 16 December 1949",
            "edtf": "1949-12-16",
            "source": "Archive of the President, Russian Federation (APRF), fond (f.) 45, opis (op.) 1, delo (d.) 329, listy (ll.) 9-17",
            "locator": {
                "repository": "Archive of the President, Russian Federation (APRF)",
                "fond": "45",
                "opis": "1",
                "delo": "329",
                "pages": "9-17",
            },
            "contributors": [("Danny Rozas", ("translated",))],
        },
    ),
    (
        "“Cable, Terebin to Stalin [via Kuznetsov],” January 10, 1949, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 31, Ll. 54-58. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 11-14. Translated for CWIHP by Sergey Radchenko.",
        {
            "title": "Cable, Terebin to Stalin [via Kuznetsov]",
            "edtf": "1949-01-10",
            "source": "APRF: F. 39, Op. 1, D. 31, Ll. 54-58. "
            + LEDOVSKII.format(book=2, pages="pp. 11-14"),
            "locator": _apr("39", "1", "31", "54-58"),
            "contributors": [("Sergey Radchenko", ("translated",))],
        },
    ),
    (
        "“Memorandum of Conversation between Anastas Mikoyan and Mao Zedong,” January 31, 1949, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 39, Ll. 7-16. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), p. 37-43. Translated by Sergey Radchenko.",
        {
            "title": "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong",
            "edtf": "1949-01-31",
            "locator": _apr("39", "1", "39", "7-16"),
            "contributors": [("Sergey Radchenko", ("translated",))],
        },
    ),
    (
        "“Memorandum of Conversation between Anastas Mikoyan and Mao Zedong,” February 03, 1949, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 39, Ll. 47-53. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), p. 62-66. Translated by Sergey Radchenko.",
        {"edtf": "1949-02-03", "locator": _apr("39", "1", "39", "47-53")},
    ),
    (
        "“Memorandum of Conversation between Anastas Mikoyan and Mao Zedong,” February 05, 1949, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 39, Ll. 74-77. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 78-80. Translated by Sergey Radchenko.",
        {"edtf": "1949-02-05", "locator": _apr("39", "1", "39", "74-77")},
    ),
    (
        "“Cable, Kovalev to Filippov [Stalin],” April 13, 1949, History and Public Policy Program Digital Archive, APRF: F. 45, Op. 1, D. 331, Ll. 15-21. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 116-120. Translated for CWIHP by Sergey Radchenko.",
        {
            "title": "Cable, Kovalev to Filippov [Stalin]",
            "edtf": "1949-04-13",
            "locator": _apr("45", "1", "331", "15-21"),
        },
    ),
    (
        "“Cable, Mao Zedong [via Kovalev] to Stalin,” June 14, 1949, History and Public Policy Program Digital Archive, APRF: F. 45, Op. 1, D. 331, Ll. 101-111. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 141-146. Translated by Sergey Radchenko.",
        {
            "title": "Cable, Mao Zedong [via Kovalev] to Stalin",
            "edtf": "1949-06-14",
            "locator": _apr("45", "1", "331", "101-111"),
        },
    ),
    (
        "“Cable, Filippov [Stalin] to Mao Zedong [via Kovalev],” June 18, 1949, History and Public Policy Program Digital Archive, APRF: F. 45, Op. 1, D. 331, Ll. 119. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), p. 148. Translated by Sergey Radchenko.",
        {
            "title": "Cable, Filippov [Stalin] to Mao Zedong [via Kovalev]",
            "locator": _apr("45", "1", "331", "119"),
        },
    ),
    (
        "“Report, Kovalev to Stalin,” July 06, 1949, History and Public Policy Program Digital Archive, APRF: F. 3, Op. 65, D. 363, Ll. 20-23. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 163-164. Translated for CWIHP by Sergey Radchenko.",
        {
            "title": "Report, Kovalev to Stalin",
            "edtf": "1949-07-06",
            "locator": _apr("3", "65", "363", "20-23"),
        },
    ),
    (
        "“Cable, Liu Shaoqi to Mao Zedong,” July 18, 1949, History and Public Policy Program Digital Archive, Jianguo yilai Liu Shaoqi wengao (Liu Shaoqi’s Manuscripts since the Founding of the PRC), vol. 1 (Beijing: Zhongyang wenxian chubanshe, 2005), 30-37. Translated for CWIHP by David Wolff.",
        {
            "source": "Jianguo yilai Liu Shaoqi wengao (Liu Shaoqi’s Manuscripts since the Founding of the PRC), vol. 1 (Beijing: Zhongyang wenxian chubanshe, 2005), 30-37",
            "locator": {"volume": "1", "pages": "30-37"},
            "contributors": [("David Wolff", ("translated",))],
        },
    ),
    (
        "“Cable, Mao Zedong to Stalin,” December 30, 1948, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 31, Ll. 49-52. Reprinted in Andrei Ledovskii, Raisa Mirovitskaia and Vladimir Miasnikov, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 1, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), pp. 495-497. Translated for CWIHP by Sergey Radchenko.",
        {
            "edtf": "1948-12-30",
            "source": "APRF: F. 39, Op. 1, D. 31, Ll. 49-52. "
            + LEDOVSKII.format(book=1, pages="pp. 495-497"),
            "locator": _apr("39", "1", "31", "49-52"),
        },
    ),
    (
        "“Record of Conversation between Soviet Ambassador in China Apollon Petrov and Zhou Enlai and Wang Ruofei,” October 05, 1945, History and Public Policy Program Digital Archive, AVPRF: fond 0100, opis 40, delo 7, papka 248, listy 120-123. Translated by Sergey Radchenko.",
        {
            "edtf": "1945-10-05",
            "locator": {
                "repository": "AVPRF",
                "fond": "0100",
                "opis": "40",
                "delo": "7",
                "papka": "248",
                "pages": "120-123",
            },
        },
    ),
    (
        "“Report from the Head of the Delegation of the Chinese Communist Party CC to Stalin,” July 06, 1949, History and Public Policy Program Digital Archive, RGASPI, f. 558, op. 11, d. 328, ll. 51-55. Translated by Gary Goldberg.",
        {
            "source": "RGASPI, f. 558, op. 11, d. 328, ll. 51-55",
            "locator": {
                "repository": "RGASPI",
                "fond": "558",
                "opis": "11",
                "delo": "328",
                "pages": "51-55",
            },
            "contributors": [("Gary Goldberg", ("translated",))],
        },
    ),
    (
        "“Democratic Parties and Groups in the Preparatory Committee to Convene a Political Consultative Conference,” July 07, 1949, History and Public Policy Program Digital Archive, RGASPI, f. 558, op. 11, d. 328, ll. 63-76. Translated by Gary Goldberg.",
        {
            "edtf": "1949-07-07",
            "locator": {
                "repository": "RGASPI",
                "fond": "558",
                "opis": "11",
                "delo": "328",
                "pages": "63-76",
            },
        },
    ),
    (
        '“A Glorious Model of Proletarian Internationalism: Mao Zedong and Helping Vietnam Resist France,” 1992, History and Public Policy Program Digital Archive, Luo Guibo, "Wuchanjieji guojizhuyide guanghui dianfan: yi Mao Zedong he Yuan-Yue Kang-Fa" ("A Glorious Model of Proletarian Internationalism: Mao Zedong and Helping Vietnam Resist France"), in Mianhuai Mao Zedong (Remembering Mao Zedong), ed. Mianhuai Mao Zedong bianxiezhu (Beijing: Zhongyang Wenxian chubanshe, 1992) 286-299. Translated by Emily M. Hill',
        {
            "title": "A Glorious Model of Proletarian Internationalism: Mao Zedong and Helping Vietnam Resist France",
            "date": "1992",
            "edtf": "1992",
            "locator": {},
            "contributors": [("Emily M. Hill", ("translated",))],
        },
    ),
    (
        "“Chinese Foreign Ministry Reference Document No.1,” April 28, 1955, History and Public Policy Program Digital Archive, PRC FMA 207-00084-02. Obtained by Amitav Acharya and translated by Yang Shanhou",
        {
            "source": "PRC FMA 207-00084-02",
            "locator": {"repository": "PRC FMA", "call_number": "207-00084-02"},
            "contributors": [("Amitav Acharya", ("obtained",)), ("Yang Shanhou", ("translated",))],
        },
    ),
    (
        "“Report, 'My Observations on the Soviet Union,' Zhou Enlai to Mao Zedong and the Central Leadership (Excerpt),” January 24, 1957, History and Public Policy Program Digital Archive, Shi Zhongquan, Zhou Enlai de zhuoyue fengxian [Remarkable Achievements and Contributions of Zhou Enlai] (Beijing: Zhonggong zhongyang dangxiao chubanshe, 1993), 302-305. Translated by Zhang Shu Guang and Chen Jian.",
        {
            "title": "Report, 'My Observations on the Soviet Union,' Zhou Enlai to Mao Zedong and the Central Leadership (Excerpt)",
            "edtf": "1957-01-24",
            "locator": {"pages": "302-305"},
            "contributors": [("Zhang Shu Guang", ("translated",)), ("Chen Jian", ("translated",))],
        },
    ),
    (
        "“Record of Conversation between Soviet Ambassador in China Apollon Petrov and Zhou Enlai,” August 30, 1945, History and Public Policy Program Digital Archive, AVPRF: fond 0100, opis 33, delo 13, papka 244, listy 220-240. Translated by Sergey Radchenko.",
        {
            "locator": {
                "repository": "AVPRF",
                "fond": "0100",
                "opis": "33",
                "delo": "13",
                "papka": "244",
                "pages": "220-240",
            }
        },
    ),
    (
        "“Letter, Mao Zedong to Peng Dehuai and Huang Kecheng,” July 27, 1958, History and Public Policy Program Digital Archive, Zhonggong zhongyang wenxian yanjiushi, ed., Jianguo yilai Mao Zedong wengao (Mao Zedong’s Manuscripts since the Founding of the People’s Republic of China), vol. 7 (Beijing: Zhongyang wenxian chubanshe, 1992), 326-327.",
        {"edtf": "1958-07-27", "locator": {"volume": "7", "pages": "326-327"}, "contributors": []},
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
        "“Note on a Meeting,” August, 1962, History and Public Policy Program Digital Archive, RGANI, f. 5, op. 49, d. 131, ll. 193-194. Obtained and translated for CWIHP by Austin Jersild.",
        {
            "edtf": "1962-08",
            "locator": {
                "repository": "RGANI",
                "fond": "5",
                "opis": "49",
                "delo": "131",
                "pages": "193-194",
            },
            "contributors": [("Austin Jersild", ("obtained", "translated"))],
        },
    ),
    (
        "“Memorandum,” 1996, History and Public Policy Program Digital Archive, BArch, B 136/59748, 403-410. Contributed, transcribed, and translated by Stephan Kieninger.",
        {
            "locator": {"repository": "BArch", "call_number": "B 136/59748", "pages": "403-410"},
            "contributors": [("Stephan Kieninger", ("contributed", "transcribed", "translated"))],
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
        "“Report,” July 11 1981, History and Public Policy Program Digital Archive, MOL, XIX-J-1-j Korea, 4. doboz, 1967. Translated for NKIDP by Balazs Example.",
        {
            "edtf": "1981-07-11",
            "locator": {"repository": "MOL", "box": "4"},
            "contributors": [("Balazs Example", ("translated",))],
        },
    ),
    (
        "“Note,” 1962-1963, History and Public Policy Program Digital Archive, (BStU), MfS, ZAIG 5382, p. 1-19. Translated from German for CWIHP by Bernd Example.",
        {
            "edtf": "1962/1963",
            "locator": {"repository": "(BStU)", "pages": "1-19"},
            "contributors": [("Bernd Example", ("translated",))],
        },
    ),
    (
        "“Note,” c. 1950, History and Public Policy Program Digital Archive, AMSZ, Warsaw, 6/77, 1963: w-96, t-1368. Obtained for CWIHP by Malcolm Example and translated for CWIHP by Margaret Example.",
        {
            "edtf": "1950~",
            "locator": {"repository": "AMSZ", "call_number": "6/77"},
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
        "“Conversation. ,” March 1962 - April 1963, History and Public Policy Program Digital Archive, Central State Archive, Tirana, F. 14/AP, D.24. Translated by Gary Goldberg.Contributed by David Wolff.",
        {
            "title": "Conversation. ",
            "edtf": "1962-03/1963-04",
            "locator": {"repository": "Central State Archive", "fond": "14/AP", "delo": "24"},
            "contributors": [("Gary Goldberg", ("translated",)), ("David Wolff", ("contributed",))],
        },
    ),
    (
        "“Statement,” 1960s, History and Public Policy Program Digital Archive, Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A’0392. Provided to the National Security Archive by Bob Example.",
        {
            "edtf": "196X",
            "locator": {
                "repository": "Diplomatic Archives of the Ministry of Foreign Affairs of Japan",
                "file": "A’0392",
            },
            "contributors": [("Bob Example", ("provided",))],
        },
    ),
    (
        "“Press Release,” October 17, 1958, History and Public Policy Program Digital Archive, National Archives of Ireland, Department of Foreign Affairs/6/440/8/1. translation by Mary Example. Published in CWIHP Bulletin 8-9.",
        {
            "locator": {
                "repository": "National Archives of Ireland",
                "call_number": "Department of Foreign Affairs/6/440/8/1",
            },
            "contributors": [("Mary Example", ("translated",))],
        },
    ),
    # degraded: no quotes, OCR without punctuation, a lone credit, no archive
    (
        "Cable, Mao Zedong to Stalin, December 30, 1948, History and Public Policy Program Digital Archive, APRF: F. 39, Op. 1, D. 31, Ll. 49-52",
        {
            "title": "Cable, Mao Zedong to Stalin",
            "edtf": "1948-12-30",
            "locator": _apr("39", "1", "31", "49-52"),
            "contributors": [],
        },
    ),
    (
        "Cable Mao Zedong to Stalin December 30 1948 History and Public Policy Program Digital Archive APRF F 39 Op 1 D 31 Ll 49-52 Translated by Sergey Radchenko",
        {
            "title": "Cable Mao Zedong to Stalin",
            "date": "December 30 1948",
            "source": "APRF F 39 Op 1 D 31 Ll 49-52",
            "locator": {},
            "contributors": [("Sergey Radchenko", ("translated",))],
        },
    ),
    (
        "Translated by Gary Goldberg",
        {
            "title": None,
            "date": None,
            "archive": None,
            "source": None,
            "locator": None,
            "contributors": [("Gary Goldberg", ("translated",))],
        },
    ),
    (
        "Milovan Djilas. Wartime. Translated by Michael Example (New York: Harcourt, 1977)",
        {
            "title": None,
            "archive": None,
            "source": "Milovan Djilas. Wartime",
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
            "AVPRF fond 0102, opis 6, papka 3, p.16-42",
            {"repository": "AVPRF", "fond": "0102", "opis": "6", "papka": "3", "pages": "16-42"},
        ),
        (
            "APRF, Listy 146-147, Fond and Opis not given",
            {"repository": "APRF", "pages": "146-147"},
        ),
        (
            "RGANI: fond 5, opis 61, delo 30, microfilm, reel 83",
            {"repository": "RGANI", "fond": "5", "opis": "61", "delo": "30"},
        ),
        (
            "TsKhSD, f. 89, Ll. 2-2ob, compiled by A. Example",
            {"repository": "TsKhSD", "fond": "89", "pages": "2-2ob"},
        ),
        (
            "Nehru Memorial Museum and Library, Subimal Dutt Papers",
            {
                "repository": "Nehru Memorial Museum and Library",
                "collection": "Subimal Dutt Papers",
            },
        ),
        (
            "AVPRF, Fond 059a, Opis 1, Papka 2",
            {"repository": "AVPRF", "fond": "059a", "opis": "1", "papka": "2"},
        ),
        ("Matter: 220/Year: 1973/Country: Korea CLASSIFICATION: SECRET", {}),
        ("MOL, XIX-J-1-j Korea, 4. doboz, 5/f, 1967", {"repository": "MOL", "box": "4"}),
        ("APRF F 39 Op 1 D 31 Ll 49-52", {}),
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
