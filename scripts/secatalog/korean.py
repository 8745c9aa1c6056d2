"""Korean particles chosen by the sound a word ends with: 이/가, 은/는, 을/를, 과/와, 으로/로.

Every message and page that puts a particle after a value (a name, a number, a file name)
goes through `josa`, so a reader sees '하늘청소가', '도시락을', 'HACCP는', never '이(가)'.
"""

from __future__ import annotations

import unicodedata

# A particle pair: (after a final consonant, after a vowel). 으로/로 also takes 로 after ㄹ.
PAIRS = {"이": ("이", "가"), "가": ("이", "가"), "은": ("은", "는"), "는": ("은", "는")}
PAIRS |= {"을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와")}
PAIRS |= {"으로": ("으로", "로"), "로": ("으로", "로")}

# How digits and Latin letters are read aloud: 일(1), 삼(3), 엘(L), 엠(M)... end in a consonant.
_DIGIT_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False}
_DIGIT_FINAL |= {"5": False, "6": True, "7": True, "8": True, "9": False}
_DIGIT_RIEUL = set("178")
_LETTER_FINAL = set("lmnr")  # 엘 엠 엔 알
_CLOSING = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『", "》": "《", "〉": "〈"}
_QUOTES = "'\"‘’“”` "


def _last_sound(word: str) -> str:
    """The character whose sound the particle follows: closing quotes skipped, and a bracketed
    note too, as Korean writes it ('사과(沙果)를'); a text that is only a note keeps its inside."""
    text = unicodedata.normalize("NFKC", word).rstrip(_QUOTES + ".,")
    while text and text[-1] in _CLOSING:
        opening = text.rfind(_CLOSING[text[-1]])
        inner = text[opening + 1 : -1] if opening >= 0 else ""
        before = text[:opening].rstrip(_QUOTES) if opening > 0 else ""
        text = (before or inner).rstrip(_QUOTES + ".,")
    return text[-1:] if text else ""


def final_consonant(word: str) -> tuple[bool, bool] | None:
    """(ends in a consonant, that consonant is ㄹ) for the word's last sound; None if unknown."""
    last = _last_sound(word)
    if not last:
        return None
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return final != 0, final == 8
    if last.isdigit() and last.isascii():
        return _DIGIT_FINAL[last], last in _DIGIT_RIEUL
    if last.isascii() and last.isalpha():
        lower = last.lower()
        return lower in _LETTER_FINAL, lower in ("l", "r")
    return None


def josa(word: str, particle: str) -> str:
    """The word followed by the right form of the particle ('이', '은', '을', '과', '으로'
    or their other forms); both forms ('이(가)') only when the word's ending cannot be read."""
    with_final, without = PAIRS[particle]
    sound = final_consonant(word)
    if sound is None:
        return f"{word}{with_final}({without})"
    has_final, rieul = sound
    if with_final == "으로":
        return word + ("으로" if has_final and not rieul else "로")
    return word + (with_final if has_final else without)


def quoted(value: str) -> str:
    """A value as messages show it: in single quotes ('bread.jpg')."""
    return f"'{value}'"


_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


def initial(word: str) -> str:
    """The heading a word is filed under in a 가나다 index: its first consonant (ㄲ under ㄱ, as
    dictionaries do), or '' for a word that does not begin with Hangul."""
    first = word.strip()[:1]
    if not ("가" <= first <= "힣"):
        return ""
    letter = _INITIALS[(ord(first) - ord("가")) // 588]
    return _PLAIN.get(letter, letter)
