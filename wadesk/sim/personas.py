"""The simulated customers of "Radhaus Berlin": who they are and what they say.

Plain data; what a persona does next is decided in `behaviour.py` with the persona's own
seeded random generator, so a run is repeatable for a given seed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Persona:
    key: str
    name: str
    wa_id: str | None  # None: a username user known only by the business-scoped id
    user_id: str
    language: str
    active_hours: tuple[tuple[int, int], ...]  # local (Berlin) hours [start, end) when chatty
    openers: tuple[str, ...]
    followups: tuple[str, ...]
    answers: tuple[str, ...]
    corrections: tuple[str, ...]  # what an edited message says instead
    photos: tuple[tuple[str, str], ...] = ()  # (sample file, caption)
    documents: tuple[tuple[str, str, str], ...] = ()  # (sample file, filename, caption)
    location: tuple[float, float, str, str] | None = None  # lat, lon, name, address
    username: str | None = None
    reactions: tuple[str, ...] = ("👍", "❤️", "🙏", "😊")


PERSONAS: tuple[Persona, ...] = (
    Persona(
        key="jonas", name="Jonas Müller", wa_id="491701234567", user_id="DE.13491208655302741001",
        language="de", active_hours=((7, 22),),
        openers=(
            "Hallo! Mein Hinterrad eiert seit gestern ziemlich. Könnt ihr euch das anschauen?",
            "Moin, habt ihr diese Woche noch einen Termin für eine Inspektion frei?",
            "Hi, was kostet bei euch ein neuer Schlauch inkl. Einbau?",
        ),
        followups=(
            "Kann ich das Rad morgen früh so gegen 9 vorbeibringen?",
            "Muss ich einen Termin machen oder kann ich einfach vorbeikommen?",
            "Wie lange dauert das ungefähr?",
            "Habt ihr auch Shimano-Kettenblätter da?",
        ),
        answers=("Super, danke!", "Alles klar, bis morgen 👍", "Perfekt, dann komme ich vorbei.",
                 "Okay, passt."),
        corrections=("Kann ich das Rad morgen Nachmittag so gegen 15 Uhr vorbeibringen?",),
        photos=(("hinterrad.jpg", "So sieht das Hinterrad aus"), ("kette.jpg", "Und die Kette ist auch rostig")),
    ),
    Persona(
        key="aylin", name="Aylin Yıldız", wa_id="4915123456789", user_id="DE.13491208655302741002",
        language="de", active_hours=((9, 21),),
        openers=(
            "Guten Tag, der Akku meines E-Bikes hält nur noch 20 km. Ist das ein Garantiefall?",
            "Hallo, ich hätte gern ein Angebot für einen neuen Akku (500 Wh).",
        ),
        followups=(
            "Den Kaufbeleg schicke ich Ihnen gleich mit.",
            "Wäre eine Abholung bei mir zu Hause möglich?",
            "Wie lange dauert eine Garantieabwicklung normalerweise?",
        ),
        answers=("Vielen Dank für die schnelle Antwort!", "Das klingt gut, machen wir so.",
                 "Danke, ich melde mich dann.", "Teşekkürler – äh, danke! 😊"),
        corrections=("Der Akku hält nur noch ungefähr 15 km.",),
        documents=(("kaufbeleg.pdf", "Kaufbeleg_E-Bike.pdf", "Hier der Kaufbeleg"),),
        location=(52.5079, 13.4581, "Zuhause", "Simon-Dach-Straße 12, 10245 Berlin"),
    ),
    Persona(
        key="sophie", name="Sophie Becker", wa_id="491609876543", user_id="DE.13491208655302741003",
        language="de", active_hours=((8, 20),),
        openers=(
            "Hallo, ich habe am Donnerstag einen Termin bei euch. Passt das noch?",
            "Hi! Ist mein Rad schon fertig? Auftrag R-1038.",
        ),
        followups=(
            "Ich komme dann am Donnerstag um 10 Uhr.",
            "Könnt ihr bei der Gelegenheit auch das Licht prüfen?",
            "Zahlen kann ich auch mit Karte, oder?",
        ),
        answers=("Danke euch!", "Top, bis dann!", "Super, freu mich 😊", "Okay, danke für die Info."),
        corrections=("Ich komme dann am Freitag um 10 Uhr.",),
        photos=(("screenshot.png", "Das ist die Bestätigung, die ich bekommen habe"),),
    ),
    Persona(
        key="emma", name="Emma Clarke", wa_id="447700900123", user_id="GB.13491208655302741004",
        language="en", active_hours=((9, 23),),
        openers=(
            "Hi there! Do you rent out bikes for a few days? I'm visiting Berlin next week.",
            "Hello, do you speak English? I have a flat tyre near Ostkreuz.",
        ),
        followups=(
            "How much would a city bike be for three days?",
            "Do I need to leave a deposit or my passport?",
            "Can I pick it up on Saturday morning?",
        ),
        answers=("Brilliant, thank you!", "Lovely, see you then!", "Perfect, cheers 😊",
                 "Great, thanks so much."),
        corrections=("How much would a city bike be for four days?",),
        photos=(("hinterrad.jpg", "This is the tyre"),),
        location=(52.5030, 13.4690, "Ostkreuz", "Ostkreuz, 10245 Berlin"),
    ),
    Persona(
        key="lukas", name="Lukas Schneider", wa_id="491765551234", user_id="DE.13491208655302741005",
        language="de", active_hours=((20, 24), (0, 2)),  # writes when the shop is closed
        openers=(
            "Sorry für die späte Nachricht – mir ist auf dem Heimweg die Kette gerissen. Habt ihr morgen offen?",
            "N'Abend! Kann ich mein Rad morgen früh vor der Arbeit abgeben, so um 7:30?",
        ),
        followups=(
            "Ich schick euch mal eine Sprachnachricht, ist einfacher.",
            "Ich stehe hier übrigens, falls ihr einen Abholservice habt.",
            "Ach, und die Bremsen quietschen auch.",
        ),
        answers=("Danke! Ich komme dann vorbei.", "Mega, danke euch.", "Alles klar 👍",
                 "Passt, bis morgen."),
        corrections=("N'Abend! Kann ich mein Rad morgen früh vor der Arbeit abgeben, so um 8?",),
        photos=(("kette.jpg", "Die Kette 😬"),),
        location=(52.5122, 13.4540, "", "Warschauer Straße 70, 10243 Berlin"),
    ),
    Persona(
        key="kiezradler", name="Kiez Radler", wa_id=None, user_id="DE.13491208655302741918",
        username="kiezradler", language="de", active_hours=((6, 9), (18, 23)),
        openers=(
            "Hey, wann habt ihr samstags offen?",
            "Hi! Macht ihr auch Lastenrad-Reparaturen?",
        ),
        followups=(
            "Und wie sieht es mit Parkplätzen vor dem Laden aus?",
            "Kann man bei euch auch Ersatzteile bestellen?",
        ),
        answers=("Danke!", "Cool, danke für die Antwort.", "👍"),
        corrections=("Hi! Macht ihr auch Reparaturen an Lastenrädern (Bakfiets)?",),
    ),
)

BY_KEY = {p.key: p for p in PERSONAS}
