"""Helpers to read public pages the way a visitor does."""

import re


def page(client, url, data=None, **headers) -> str:
    response = client.get(url, data, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def listed_codes(html: str) -> list[str]:
    """Codes of the measures in the result table(s), in order."""
    rows = re.findall(r"<tbody>(.*?)</tbody>", html, flags=re.S)
    return [
        code
        for body in rows
        for code in re.findall(r'<th scope="row"><a href="/[a-z-]+/massnahmen/([^"/]+)/"', body)
    ]
