"""A synthetic OParl 1.1 system on a real local HTTP server, for the sync tests.

The objects follow the schema of OParl 1.1 (OParl/spec: schema/System.json,
Body.json, Organization.json, Meeting.json, AgendaItem.json, Paper.json,
Consultation.json) and its paging (``data``, ``pagination``, ``links.next``;
``modified_since`` filters and then includes deleted objects). Every paper,
meeting and committee here is invented for the tests; none is shipped.

What ALLRIS is known to do is switched on per instance: a single object where
the schema says array, "N/A" in a date field, raw control characters inside a
JSON string, an intermittent HTTP 500, a list page that stays broken.
"""

import copy
import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 2
T0 = "2024-03-01T10:00:00+01:00"


def committee(n: int, name: str) -> dict:
    return {"type": SCHEMA + "Organization", "name": name, "shortName": f"A{n}"}


class OParlWorld:
    """The data the server serves; tests change it between runs."""

    def __init__(self, base: str):
        self.base = base
        b = base
        self.organizations = {
            f"{b}/organization/1": committee(1, "Testausschuss für Integration"),
            f"{b}/organization/2": committee(2, "Testrat"),
            f"{b}/organization/3": committee(3, "Testausschuss für Soziales"),
        }
        self.meetings = {
            f"{b}/meeting/1": self.meeting(1, "2. Sitzung des Testausschusses", "2030-06-16", 1),
            f"{b}/meeting/2": self.meeting(2, "5. Sitzung des Testrats", "2030-07-11", 2),
            f"{b}/meeting/3": self.meeting(3, "Sitzung Soziales", "2030-06-24", 3),
        }
        self.papers = {
            f"{b}/paper/1": self.paper(
                1,
                "FB 56/0150/WP17",
                "Synthetische Vorlage Eins",
                "2030-06-01",
                [(1, 1, 1, "Vorberatung", False), (2, 2, 2, "Entscheidung", True)],
            ),
            f"{b}/paper/2": self.paper(
                2,
                "FB 56/0065/WP18",
                "Synthetische Vorlage Zwei",
                "2030-06-02",
                [(3, 3, 3, "Anhörung", False)],
            ),
            f"{b}/paper/3": self.paper(
                3, "TEST/0003", "Vorlage\tmit\u0007Steuerzeichen", "N/A", []
            ),
            f"{b}/paper/4": self.paper(
                4, "TEST/0004", "Vorlage mit einzelner Anlage", "2030-06-04", []
            ),
            f"{b}/paper/5": self.paper(5, "TEST/0005", "Vorlage Fünf", "2030-06-05", []),
            f"{b}/paper/6": {"type": SCHEMA + "Paper", "deleted": True, "modified": T0},
        }
        # Quirk: auxiliaryFile as a single object, not an array.
        self.papers[f"{b}/paper/4"]["auxiliaryFile"] = {
            "id": f"{b}/file/4",
            "type": SCHEMA + "File",
            "accessUrl": f"{b}/file/4/download",
        }
        self.papers[f"{b}/paper/4"]["consultation"] = self.consultation(
            4, 4, 1, 1, "Kenntnisnahme", False
        )
        # Quirks on a list page: an intermittent HTTP 500 (once), or a page that stays broken.
        self.fail_once: set[str] = {"/body/1/paper?page=2"}
        self.broken: set[str] = set()
        # Schema-conforming servers embed agenda items in meetings; off: only retrievable by id.
        self.embed_agenda_items = True
        self.requests: list[str] = []

    def meeting(self, n: int, name: str, day: str, organization: int) -> dict:
        b = self.base
        return {
            "type": SCHEMA + "Meeting",
            "name": name,
            "start": f"{day}T17:00:00+02:00",
            "organization": [f"{b}/organization/{organization}"],
            "web": f"{b}/web/meeting/{n}",
            "agendaItem": [
                {
                    "id": f"{b}/agendaitem/{n}",
                    "type": SCHEMA + "AgendaItem",
                    "meeting": f"{b}/meeting/{n}",
                    "number": f"{n}.1",
                    "order": 1,
                    "name": "Synthetischer Tagesordnungspunkt",
                    "result": "ungeändert beschlossen" if n == 2 else "zur Kenntnis genommen",
                    "modified": T0,
                }
            ],
        }

    def consultation(self, n, paper, meeting, organization, role, authoritative) -> dict:
        b = self.base
        return {
            "id": f"{b}/consultation/{n}",
            "type": SCHEMA + "Consultation",
            "paper": f"{b}/paper/{paper}",
            "meeting": f"{b}/meeting/{meeting}",
            "agendaItem": f"{b}/agendaitem/{meeting}",
            "organization": [f"{b}/organization/{organization}"],
            "role": role,
            "authoritative": authoritative,
            "modified": T0,
        }

    def paper(self, n, reference, name, date, consultations) -> dict:
        b = self.base
        return {
            "type": SCHEMA + "Paper",
            "body": f"{b}/body/1",
            "name": name,
            "reference": reference,
            "date": date,
            "paperType": "Beschlussvorlage",
            "web": f"{b}/web/paper/{n}",
            "mainFile": {
                "id": f"{b}/file/{n}00",
                "type": SCHEMA + "File",
                "accessUrl": f"{b}/file/{n}00/download",
            },
            "consultation": [
                self.consultation(c, n, m, o, r, a) for c, m, o, r, a in consultations
            ],
            "created": T0,
            "modified": T0,
        }

    def touch(self, collection: dict, oparl_id: str, **changes) -> None:
        """Change an object as the council system would: new values, new ``modified``."""
        collection[oparl_id].update(
            changes, modified=datetime.datetime.now(datetime.UTC).isoformat()
        )

    # Serving ----------------------------------------------------------------

    def objects(self, collection: dict) -> list[dict]:
        result = []
        for oparl_id, item in collection.items():
            item = copy.deepcopy(item)
            item["id"] = oparl_id
            item.setdefault("modified", T0)
            result.append(item)
        return result

    def single(self, oparl_id: str) -> dict | None:
        for collection in (self.organizations, self.meetings, self.papers):
            if oparl_id in collection:
                return next(o for o in self.objects(collection) if o["id"] == oparl_id)
        for meeting in self.meetings.values():
            for item in meeting.get("agendaItem", []):
                if item["id"] == oparl_id:
                    return item
        return None

    def page(self, path: str, collection: dict, query: dict) -> dict:
        items = self.objects(collection)
        if not self.embed_agenda_items:
            for item in items:
                item.pop("agendaItem", None)
        since = query.get("modified_since", [None])[0]
        params = ""
        if since:
            cut = datetime.datetime.fromisoformat(since)
            items = [i for i in items if datetime.datetime.fromisoformat(i["modified"]) >= cut]
            params = f"&modified_since={quote(since)}"
        number = int(query.get("page", ["1"])[0])
        pages = max(1, -(-len(items) // PAGE_SIZE))
        links = {"first": f"{self.base}{path}?page=1{params}"}
        if number < pages:
            links["next"] = f"{self.base}{path}?page={number + 1}{params}"
        return {
            "data": items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
            "pagination": {
                "totalElements": len(items),
                "elementsPerPage": PAGE_SIZE,
                "currentPage": number,
                "totalPages": pages,
            },
            "links": links,
        }

    def respond(self, target: str) -> tuple[int, str]:
        self.requests.append(target)
        split = urlsplit(target)
        path, query = split.path, parse_qs(split.query)
        key = path + ("?page=" + query["page"][0] if "page" in query else "")
        if key in self.fail_once:
            self.fail_once.discard(key)
            return 500, "Internal Server Error"
        if key in self.broken:
            return 500, "Internal Server Error"
        b = self.base
        if path == "/system":
            data = {
                "id": f"{b}/system",
                "type": SCHEMA + "System",
                "oparlVersion": SCHEMA,
                "name": "Synthetisches Testsystem",
                "body": f"{b}/bodies",
            }
        elif path == "/bodies":
            data = {
                "data": [
                    {
                        "id": f"{b}/body/1",
                        "type": SCHEMA + "Body",
                        "system": f"{b}/system",
                        "name": "Teststadt",
                        "organization": f"{b}/body/1/organization",
                        "person": f"{b}/body/1/person",
                        "meeting": f"{b}/body/1/meeting",
                        "paper": f"{b}/body/1/paper",
                        "legislativeTerm": [],
                    }
                ],
                "pagination": {
                    "totalElements": 1,
                    "elementsPerPage": 1,
                    "currentPage": 1,
                    "totalPages": 1,
                },
                "links": {},
            }
        elif path == "/body/1/organization":
            data = self.page(path, self.organizations, query)
        elif path == "/body/1/meeting":
            data = self.page(path, self.meetings, query)
        elif path == "/body/1/paper":
            data = self.page(path, self.papers, query)
        elif self.single(f"{b}{path}") is not None:
            data = self.single(f"{b}{path}")  # every object is retrievable under its id
        else:
            return 404, "{}"
        text = json.dumps(data, ensure_ascii=False)
        # Quirk: raw control characters inside JSON strings, as ALLRIS sends them.
        text = text.replace("\\t", "\t").replace("\\u0007", "\u0007")
        return 200, text


class OParlServer:
    """``with OParlServer() as server:`` serves ``server.world`` at ``server.system_url``."""

    def __enter__(self):
        world_holder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = world_holder.world.respond(self.path)
                payload = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        host, port = self.httpd.server_address
        self.base = f"http://{host}:{port}"
        self.world = OParlWorld(self.base)
        self.system_url = f"{self.base}/system"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
