import pytest

from wadesk.desktop.rich_text import find_links, to_html, to_plain


def body(html: str) -> str:
    assert html.startswith('<div style="white-space:pre-wrap">') and html.endswith("</div>")
    return html[len('<div style="white-space:pre-wrap">'):-len("</div>")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*fett*", "<b>fett</b>"),
        ("_kursiv_ und ~weg~", "<i>kursiv</i> und <s>weg</s>"),
        ("*Höhenschlag* – _30 Minuten_.", "<b>Höhenschlag</b> – <i>30 Minuten</i>."),
        ("2*3*4 und snake_case_name", "2*3*4 und snake_case_name"),
        ("* nicht fett *", "* nicht fett *"),
        ("*zwei\nZeilen*", "*zwei\nZeilen*"),
        ("```code *x*```", '<span style="font-family:monospace">code *x*</span>'),
        ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
    ],
)
def test_whatsapp_formatting(text, expected):
    assert body(to_html(text)) == expected


def test_links_are_clickable_and_keep_their_underscores():
    html = body(to_html("Siehe https://radhaus.berlin/a_b_c. Danke", link_colour="#123456"))
    assert html == ('Siehe <a href="https://radhaus.berlin/a_b_c" style="color:#123456; text-decoration:none">'
                    'https://radhaus.berlin/a_b_c</a>. Danke')
    assert find_links("www.radhaus.berlin und https://x.de/?q=1") == ["http://www.radhaus.berlin", "https://x.de/?q=1"]


def test_a_link_cannot_inject_markup():
    html = to_html('https://evil.example/"><script>')
    assert 'href="https://evil.example/"' in html and "<script>" not in html and "&lt;script&gt;" in html


def test_plain_previews_drop_the_markers():
    assert to_plain("*Achtung*  _bitte_\n~lesen~") == "Achtung bitte lesen"
