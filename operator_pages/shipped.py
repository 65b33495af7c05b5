"""The German texts the portal ships for its four pages, written from the code.

They state only what the project knows to be true: what the portal stores,
which cookies it sets and why, and the legal basis of each purpose. Everything
only the operator can say is an ``OperatorDetails`` item, shown as missing until
the Redaktion fills it. ``manage.py load_sources`` creates the pages and their
sections like the other shipped content (with their machine translations from
``locale/content``) and never overwrites what the Redaktion edited.

When the portal starts to set a new cookie, the cookie test
(``tests/operator_pages/test_cookies.py``) fails until a section names it.
"""

PRIVACY_SECTIONS = [
    {
        "purpose": "server_access",
        "heading": "Aufruf der Seiten",
        "body": (
            "Wenn Sie eine Seite aufrufen, sendet Ihr Browser technisch notwendig Daten an den "
            "Server: Ihre IP-Adresse, die aufgerufene Adresse, Datum und Uhrzeit, die bevorzugten "
            "Sprachen Ihres Browsers und seine Kennung (User-Agent).\n\n"
            "Das Portal selbst speichert davon beim Lesen der öffentlichen Seiten nichts in seiner "
            "Datenbank. Es wählt anhand der bevorzugten Sprachen die Sprache der Seite. Nicht "
            "gefundene Seiten und Fehler des Servers schreibt es mit der aufgerufenen Adresse, "
            "aber ohne IP-Adresse in sein Server-Protokoll.\n\n"
            "Öffentliche Seiten werden für alle Besucherinnen und Besucher gleich zwischengespeichert "
            "(ohne Angaben zu Ihrer Person).\n\n"
            "Das Portal bindet keine Inhalte anderer Anbieter ein: keine Schriften, Karten, Videos "
            "oder Skripte von fremden Servern. Es gibt keine Reichweitenmessung, keine Werbung und "
            "kein Tracking."
        ),
        "legal_basis": (
            "Art. 6 Abs. 1 Buchst. e DSGVO (Wahrnehmung einer Aufgabe im öffentlichen Interesse: "
            "Information über die Umsetzung des Integrationskonzepts) in Verbindung mit § 3 "
            "Datenschutzgesetz Nordrhein-Westfalen (DSG NRW)."
        ),
        "cookies": "",
    },
    {
        "purpose": "language",
        "heading": "Gewählte Sprache (Cookie „django_language“)",
        "body": (
            "Das Portal merkt sich die Sprache der zuletzt aufgerufenen Seite im Cookie "
            "„django_language“. Es enthält nur das Kürzel der Sprache (zum Beispiel „de“ oder "
            "„ar“). Ruft man eine Adresse ohne Sprache auf und nennt der Browser keine der Sprachen des "
            "Portals, führt das Portal zur gemerkten Sprache.\n\n"
            "Das Cookie gilt ein Jahr und ist für Skripte auf der Seite nicht lesbar. Sie können "
            "es jederzeit in Ihrem Browser löschen."
        ),
        "legal_basis": (
            "§ 25 Abs. 2 Nr. 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG): "
            "Das Cookie ist erforderlich, um die Seiten in der von Ihnen gewählten Sprache zu "
            "zeigen. Verarbeitung: Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW."
        ),
        "cookies": "django_language",
    },
    {
        "purpose": "staff_login",
        "heading": "Anmeldung der Mitarbeitenden (Cookies „csrftoken“, „sessionid“, „messages“)",
        "body": (
            "Nur Mitarbeitende der Stadt melden sich an, um Inhalte zu pflegen. Bürgerinnen und "
            "Bürger brauchen kein Konto; die öffentlichen Seiten haben keine Formulare, die Daten "
            "speichern.\n\n"
            "„csrftoken“: Schutz der Formulare der Anmeldung und der Verwaltung gegen "
            "untergeschobene Anfragen (Cross-Site Request Forgery). Es wird gesetzt, sobald die "
            "Anmeldeseite aufgerufen wird, und gilt ein Jahr.\n\n"
            "„sessionid“: hält die Anmeldung aufrecht. Es gilt zwei Wochen oder bis zur Abmeldung; "
            "die Sitzung wird in der Datenbank gespeichert.\n\n"
            "„messages“: zeigt nach dem Speichern in der Verwaltung eine Bestätigung an und wird "
            "danach gelöscht.\n\n"
            "Für jedes Konto speichert das Portal Benutzernamen, Name und E-Mail-Adresse, soweit "
            "angegeben, das Passwort nur als Hash, Rollen und Fachbereiche sowie den Zeitpunkt der "
            "letzten Anmeldung.\n\n"
            "Zum Schutz vor dem Erraten von Passwörtern speichert das Portal zu jeder Anmeldung "
            "IP-Adresse, Browserkennung, Benutzernamen und Zeitpunkt, bei Fehlversuchen auch deren "
            "Anzahl. In der Voreinstellung wird die Kombination aus Benutzername und IP-Adresse "
            "nach fünf Fehlversuchen für 15 Minuten gesperrt. Das Server-Protokoll vermerkt "
            "Anmeldungen und Fehlversuche ohne Benutzernamen und IP-Adresse. Fehlversuche werden "
            "bei erfolgreicher Anmeldung gelöscht und sonst beim ersten Anmeldeversuch nach Ablauf "
            "der Sperrfrist; für die Protokolle erfolgreicher Anmeldungen ist im Portal keine "
            "automatische Löschfrist eingestellt."
        ),
        "legal_basis": (
            "Cookies: § 25 Abs. 2 Nr. 2 TDDDG (für die vom Nutzer gewünschte Anmeldung "
            "erforderlich). Verarbeitung: Art. 6 Abs. 1 Buchst. e DSGVO und Art. 32 DSGVO "
            "(Sicherheit der Verarbeitung) in Verbindung mit § 3 DSG NRW; für die Konten der "
            "Beschäftigten Art. 88 DSGVO in Verbindung mit § 18 DSG NRW."
        ),
        "cookies": "csrftoken sessionid messages",
    },
    {
        "purpose": "change_history",
        "heading": "Änderungsprotokoll",
        "body": (
            "Jede Änderung an Inhalten des Portals wird mit dem Konto, das sie vorgenommen hat, und "
            "dem Zeitpunkt protokolliert. Bei Sachständen wird gespeichert, wer sie erfasst hat, "
            "bei Übersetzungen, wer sie geprüft hat. Öffentlich gezeigt werden diese Namen nicht."
        ),
        "legal_basis": (
            "Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW (Nachvollziehbarkeit der "
            "veröffentlichten Angaben) und Art. 5 Abs. 2 DSGVO (Rechenschaftspflicht)."
        ),
        "cookies": "",
    },
    {
        "purpose": "",
        "heading": "Ihre Rechte",
        "body": (
            "Sie haben das Recht auf Auskunft über die zu Ihrer Person gespeicherten Daten "
            "(Art. 15 DSGVO), auf Berichtigung (Art. 16), auf Löschung (Art. 17), auf Einschränkung "
            "der Verarbeitung (Art. 18) und auf Widerspruch gegen die Verarbeitung (Art. 21 "
            "DSGVO).\n\n"
            "Sie können sich bei einer Aufsichtsbehörde für den Datenschutz beschweren "
            "(Art. 77 DSGVO)."
        ),
        "legal_basis": "",
        "cookies": "",
    },
]

PAGES = {
    "impressum": {
        "title": "Impressum",
        "body": (
            "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG).\n\n"
            "Die Inhalte zum Integrationskonzept stammen aus dem Integrationskonzept der Stadt "
            "Aachen „Aachen – das sind wir alle!“ (Vorlage FB 56/0150/WP17, beschlossen vom Rat der "
            "Stadt Aachen am 11. Juli 2018). Die Sachstände der Maßnahmen erfassen Mitarbeitende der "
            "Stadt in diesem Portal."
        ),
        "sections": [],
    },
    "datenschutz": {
        "title": "Datenschutzerklärung",
        "body": (
            "Hier steht, welche Daten dieses Portal verarbeitet, wozu und auf welcher "
            "Rechtsgrundlage, und welche Cookies es setzt. Die Angaben beschreiben, was das Portal "
            "nach seinem Programmcode tut."
        ),
        "sections": PRIVACY_SECTIONS,
    },
    "kontakt": {
        "title": "Kontakt",
        "body": (
            "Fragen und Hinweise zu diesem Portal richten Sie bitte an den Betreiber. Hinweise auf "
            "Barrieren nimmt die Kontaktstelle für Barrierefreiheit entgegen."
        ),
        "sections": [],
    },
    "ueber-das-portal": {
        "title": "Über dieses Portal",
        "body": (
            "Dieses Portal zeigt, wie die Stadt Aachen ihr Integrationskonzept „Aachen – das sind "
            "wir alle!“ umsetzt. Der Rat der Stadt Aachen hat das Konzept am 11. Juli 2018 "
            "beschlossen: 107 Maßnahmen in 9 Handlungsfeldern."
        ),
        "sections": [
            {
                "purpose": "",
                "heading": "Wie Sachstände gemeldet werden",
                "body": (
                    "Mitarbeitende der zuständigen Fachbereiche und die Redaktion erfassen den "
                    "Sachstand einer Maßnahme im Portal. Meldungen der Fachbereiche sind zunächst "
                    "Entwürfe; erst wenn die Redaktion sie veröffentlicht, erscheinen sie auf den "
                    "öffentlichen Seiten.\n\n"
                    "Der angezeigte Sachstand einer Maßnahme ist immer ihre neueste "
                    "veröffentlichte Meldung, mit ihrem Datum („Sachstand vom“). Solange keine "
                    "Meldung veröffentlicht ist, steht dort „kein Sachstand gemeldet“. Jede "
                    "Änderung wird protokolliert."
                ),
                "legal_basis": "",
                "cookies": "",
            },
            {
                "purpose": "",
                "heading": "Sprachen und offene Daten",
                "body": (
                    "Die Inhalte sind auf Deutsch verfasst. Die mitgelieferten Übersetzungen ins "
                    "Englische, Türkische, Arabische und Chinesische sind maschinell erstellt; "
                    "solange niemand sie geprüft hat, sagt jede Seite das und verlinkt den "
                    "deutschen Originaltext. Was noch nicht übersetzt ist, erscheint auf Deutsch "
                    "mit einem Hinweis.\n\n"
                    "Alle veröffentlichten Maßnahmen und Sachstände stehen auch als offene Daten "
                    "(CSV und JSON) und als Feeds zur Verfügung."
                ),
                "legal_basis": "",
                "cookies": "",
            },
        ],
    },
}
