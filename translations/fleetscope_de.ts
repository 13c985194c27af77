<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BudgetsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Fleetscope cannot open its store</source>
        <translation>Fleetscope kann seinen Datenspeicher nicht öffnen</translation>
    </message>
    <message>
        <source>Fleetscope — Demo data (simulated account)</source>
        <translation>Fleetscope — Demodaten (simuliertes Konto)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Loading the demo account&apos;s last day… %1 %</source>
        <translation>Der letzte Tag des Demokontos wird geladen… %1 %</translation>
    </message>
    <message>
        <source>Demo history incomplete: %1</source>
        <translation>Demoverlauf unvollständig: %1</translation>
    </message>
    <message>
        <source>the pod&apos;s connection is not configured any more</source>
        <translation>die Verbindung des Pods ist nicht mehr eingerichtet</translation>
    </message>
    <message>
        <source>the endpoint&apos;s connection is not configured any more</source>
        <translation>die Verbindung des Endpunkts ist nicht mehr eingerichtet</translation>
    </message>
    <message>
        <source>Guardrail: %1</source>
        <translation>Schutzregel: %1</translation>
    </message>
    <message>
        <source>Guardrails could not be evaluated: %1</source>
        <translation>Die Schutzregeln konnten nicht ausgewertet werden: %1</translation>
    </message>
    <message>
        <source>Workflow %1 not fetched: %2</source>
        <translation>Workflow %1 nicht abgerufen: %2</translation>
    </message>
    <message>
        <source>the offer&apos;s connection is not configured any more</source>
        <translation>die Verbindung des Angebots ist nicht mehr eingerichtet</translation>
    </message>
</context>
<context>
    <name>SnapshotFormat</name>
    <message>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>%1/hr</source>
        <translation>%1/Std.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>-$%1</source>
        <translation>-%1 $</translation>
    </message>
</context>
<context>
    <name>StaleNotices</name>
    <message>
        <source>no error recorded</source>
        <translation>kein Fehler erfasst</translation>
    </message>
    <message>
        <source>%1 “%2” failed at %3 — %4</source>
        <translation>%1 „%2“ um %3 fehlgeschlagen — %4</translation>
    </message>
    <message>
        <source>%1 “%2” failed — %3</source>
        <translation>%1 „%2“ fehlgeschlagen — %3</translation>
    </message>
    <message>
        <source>%1; nothing stored from it yet</source>
        <translation>%1; noch nichts davon gespeichert</translation>
    </message>
    <message>
        <source>%1; showing data from %2</source>
        <translation>%1; angezeigt werden Daten mit Stand %2</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>WorkflowFigures</name>
    <message>
        <source>+%1 %</source>
        <translation>+%1 %</translation>
    </message>
    <message>
        <source>−%1 %</source>
        <translation>−%1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 %3 vs median %4</source>
        <translation>%1: %2 %3 gegenüber dem Median %4</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>No connections. Add one in the Providers page of the window.</source>
        <translation>Keine Verbindungen. Fügen Sie im Fenster auf der Seite „Anbieter“ eine hinzu.</translation>
    </message>
    <message>
        <source>No DCGM GPU readings in %1 (%2 samples).</source>
        <translation>Keine DCGM-GPU-Messwerte in %1 (%2 Messwerte).</translation>
    </message>
    <message>
        <source>  connections list [--json]   list configured provider connections
</source>
        <translation>  connections list [--json]   eingerichtete Anbieterverbindungen auflisten
</translation>
    </message>
    <message>
        <source>  export DATASET --format csv|json [--output FILE] [--since T] [--until T]
                              export stored rows (pods, endpoints, endpoint-health, jobs,
                              billing, gpu-offers)
</source>
        <translation>  export DATENSATZ --format csv|json [--output DATEI] [--since T] [--until T]
                              gespeicherte Zeilen exportieren (pods, endpoints, endpoint-health,
                              jobs, billing, gpu-offers)
</translation>
    </message>
    <message>
        <source>  scrape URL|FILE [--format table|csv|json]
                              one scrape of a /metrics endpoint or file as GPU readings
</source>
        <translation>  scrape URL|DATEI [--format table|csv|json]
                              einmaliges Abrufen eines /metrics-Endpunkts oder einer Datei als GPU-Messwerte
</translation>
    </message>
    <message>
        <source>Usage: fleetscope [--data-dir DIR] [--store PATH] [--demo] [COMMAND ...]

Without a command, opens the Fleetscope window.

Global options:
  --data-dir DIR   where the store, settings and logs live (default: %1)
  --store PATH     the SQLite store file (default: DATA_DIR/fleetscope.sqlite)
  --demo           open the window with a simulated account, clearly labelled
  -h, --help       show this help
  -v, --version    show the version

Commands:
</source>
        <translation>Aufruf: fleetscope [--data-dir VERZ] [--store PFAD] [--demo] [BEFEHL ...]

Ohne Befehl öffnet sich das Fleetscope-Fenster.

Globale Optionen:
  --data-dir VERZ  wo Datenspeicher, Einstellungen und Protokolle liegen (Standard: %1)
  --store PFAD     die SQLite-Datei des Datenspeichers (Standard: DATA_DIR/fleetscope.sqlite)
  --demo           das Fenster mit einem simulierten, deutlich gekennzeichneten Konto öffnen
  -h, --help       diese Hilfe anzeigen
  -v, --version    die Version anzeigen

Befehle:
</translation>
    </message>
    <message>
        <source>
Exit status: 0 on success, 1 on failure (one line on stderr), 2 on a usage error.
</source>
        <translation>
Rückgabewert: 0 bei Erfolg, 1 bei einem Fehler (eine Zeile auf stderr), 2 bei falschem Aufruf.
</translation>
    </message>
    <message>
        <source>  simulate --port N [...]     serve a simulated RunPod account on 127.0.0.1 (see simulate --help)
</source>
        <translation>  simulate --port N [...]     ein simuliertes RunPod-Konto auf 127.0.0.1 bereitstellen (siehe simulate --help)
</translation>
    </message>
    <message>
        <source>  connections add KIND --name NAME [--set key=value]... [--secret-stdin | --secret-env VAR]
                              add a provider connection (tested first; secret to the keychain)
</source>
        <translation>  connections add ART --name NAME [--set schlüssel=wert]... [--secret-stdin | --secret-env VAR]
                              eine Anbieterverbindung hinzufügen (vorher getestet; Geheimnis in den Schlüsselbund)
</translation>
    </message>
    <message>
        <source>  connections test NAME       one real request with a connection&apos;s settings and secret
</source>
        <translation>  connections test NAME       eine echte Anfrage mit den Einstellungen und dem Geheimnis einer Verbindung
</translation>
    </message>
    <message>
        <source>  connections set NAME key=value... | enable NAME | disable NAME
                              change a connection&apos;s settings, or whether it is collected
</source>
        <translation>  connections set NAME schlüssel=wert... | enable NAME | disable NAME
                              Einstellungen einer Verbindung ändern, oder ob sie gesammelt wird
</translation>
    </message>
    <message>
        <source>  connections remove NAME [--keep-data | --delete-data]
                              remove a connection and its keychain entry (history kept)
</source>
        <translation>  connections remove NAME [--keep-data | --delete-data]
                              eine Verbindung und ihren Schlüsselbund-Eintrag entfernen (Verlauf bleibt)
</translation>
    </message>
    <message>
        <source>  alerts rules list|add|remove, alerts list [--open], alerts ack ID, alerts evaluate
                              alert rules, the alerts they raised, and evaluating them now
</source>
        <translation>  alerts rules list|add|remove, alerts list [--open], alerts ack ID, alerts evaluate
                              Alarmregeln, die von ihnen ausgelösten Alarme und das sofortige Auswerten der Regeln
</translation>
    </message>
    <message>
        <source>  collect [--once]            collect every enabled connection until SIGTERM (headless);
                              --once: one cycle of the RunPod account set up by RUNPOD_* variables
</source>
        <translation>  collect [--once]            von allen aktivierten Verbindungen bis SIGTERM sammeln (ohne Fenster);
                              --once: ein Durchlauf für das über RUNPOD_*-Variablen eingerichtete RunPod-Konto
</translation>
    </message>
    <message>
        <source>  gpus [--format table|csv|json]
                              this computer&apos;s NVIDIA GPUs, read once through the driver
</source>
        <translation>  gpus [--format table|csv|json]
                              die NVIDIA-GPUs dieses Computers, einmalig über den Treiber ausgelesen
</translation>
    </message>
    <message>
        <source>  providers list [--json]     provider kinds: built-in and user descriptors (CONFIG_DIR/providers)
</source>
        <translation>  providers list [--json]     Anbieterarten: eingebaute und eigene Deskriptoren (CONFIG_DIR/providers)
</translation>
    </message>
    <message>
        <source>  providers validate FILE     check a provider descriptor before adding it
</source>
        <translation>  providers validate DATEI    einen Anbieter-Deskriptor prüfen, bevor er hinzugefügt wird
</translation>
    </message>
    <message>
        <source>  workflows configs list|add|set|remove ...
                              CI benchmark configurations (repo, workflow, branch, file patterns)
</source>
        <translation>  workflows configs list|add|set|remove ...
                              CI-Benchmark-Konfigurationen (Repository, Workflow, Branch, Dateimuster)
</translation>
    </message>
    <message>
        <source>  workflows import CONFIG PATH... [--run-id ID] [--commit SHA] [--branch B] [--started-at T]
                              import result files or a folder as one run
</source>
        <translation>  workflows import KONFIG PFAD... [--run-id ID] [--commit SHA] [--branch B] [--started-at T]
                              Ergebnisdateien oder einen Ordner als einen Lauf importieren
</translation>
    </message>
    <message>
        <source>  workflows runs [--config C] [--format table|json]
                              stored runs with their status and file counts
</source>
        <translation>  workflows runs [--config C] [--format table|json]
                              gespeicherte Läufe mit ihrem Status und der Anzahl ihrer Dateien
</translation>
    </message>
    <message>
        <source>  workflows regressions CONFIG [--format table|json]
                              the newest run against the runs before it; exit 0 either way
</source>
        <translation>  workflows regressions KONFIG [--format table|json]
                              den neuesten Lauf mit den Läufen davor vergleichen; Rückgabewert in jedem Fall 0
</translation>
    </message>
    <message>
        <source>  budgets list|add|set|remove|status [--format table|json]
                              spend caps per month, day or hour, and spend against them
</source>
        <translation>  budgets list|add|set|remove|status [--format table|json]
                              Ausgabenlimits pro Monat, Tag oder Stunde und die Ausgaben im Vergleich dazu
</translation>
    </message>
    <message>
        <source>  audit list [--since T] [--format table|json]
                              pod actions taken or previewed by guardrails, the window or the CLI
</source>
        <translation>  audit list [--since T] [--format table|json]
                              Pod-Aktionen, die von Schutzregeln, im Fenster oder über die CLI ausgeführt oder als Vorschau gezeigt wurden
</translation>
    </message>
    <message>
        <source>  guardrails show|preview CONNECTION, guardrails set CONNECTION [--enable|--disable]
              [--stop-idle-minutes N] [--idle-util P] [--dry-run|--act]
                              stop idle pods (never terminate); off and dry-run by default
</source>
        <translation>  guardrails show|preview VERBINDUNG, guardrails set VERBINDUNG [--enable|--disable]
              [--stop-idle-minutes N] [--idle-util P] [--dry-run|--act]
                              Pods im Leerlauf anhalten (nie beenden); standardmäßig aus und als Probelauf
</translation>
    </message>
    <message>
        <source>  store copy --from PATH_OR_URL --to PATH_OR_URL [--since T]
                              copy history between stores (SQLite, PostgreSQL), resumable
</source>
        <translation>  store copy --from PFAD_ODER_URL --to PFAD_ODER_URL [--since T]
                              Verlauf zwischen Datenspeichern kopieren (SQLite, PostgreSQL), fortsetzbar
</translation>
    </message>
    <message>
        <source>  workflows fetch CONFIG [--since T] [--until T] [--limit N]
                              collect new completed GitHub Actions runs and their artifacts
</source>
        <translation>  workflows fetch KONFIG [--since T] [--until T] [--limit N]
                              neue abgeschlossene GitHub-Actions-Läufe und ihre Artefakte sammeln
</translation>
    </message>
    <message>
        <source>  workflows backfill CONFIG --since T [--until T] [--dry-run]
                              collect every run of a date range; resumes when run again
</source>
        <translation>  workflows backfill KONFIG --since T [--until T] [--dry-run]
                              alle Läufe eines Datumsbereichs sammeln; wird bei erneutem Aufruf fortgesetzt
</translation>
    </message>
    <message>
        <source>  workflows retry CONFIG (RUN_ID | --all-failed)
                              collect failed runs again
</source>
        <translation>  workflows retry KONFIG (LAUF_ID | --all-failed)
                              fehlgeschlagene Läufe erneut sammeln
</translation>
    </message>
    <message>
        <source>  workflows token set|remove [--api-url URL]
                              the GitHub token in the keychain (set reads it from stdin)
</source>
        <translation>  workflows token set|remove [--api-url URL]
                              das GitHub-Token im Schlüsselbund (set liest es von stdin)
</translation>
    </message>
    <message>
        <source>  store password set|remove postgresql://USER@HOST/DB
                              the team database&apos;s password in the keychain (read from the terminal)
</source>
        <translation>  store password set|remove postgresql://BENUTZER@HOST/DB
                              das Passwort der Team-Datenbank im Schlüsselbund (wird vom Terminal gelesen)
</translation>
    </message>
    <message>
        <source>  pods launch CONNECTION --gpu-type T [--count N] [--region R] [--image I] [--name NAME] [--spot] [--yes|--dry-run]
                              launch the cheapest stored offer that fits, recorded in the audit log
</source>
        <translation>  pods launch VERBINDUNG --gpu-type T [--count N] [--region R] [--image I] [--name NAME] [--spot] [--yes|--dry-run]
                              das günstigste passende gespeicherte Angebot starten, im Audit-Protokoll vermerkt
</translation>
    </message>
    <message>
        <source>  pods stop|start|resume|reboot CONNECTION POD_ID, pods terminate CONNECTION POD_ID --yes
                              one lifecycle action where the provider has it, recorded in the audit log
</source>
        <translation>  pods stop|start|resume|reboot VERBINDUNG POD_ID, pods terminate VERBINDUNG POD_ID --yes
                              eine Lebenszyklus-Aktion, wo der Anbieter sie bietet, im Audit-Protokoll vermerkt
</translation>
    </message>
</context>
<context>
    <name>fleetscope</name>
    <message>
        <source>The %1 was rejected; create a key with read access at %2.</source>
        <translation>%1 wurde abgelehnt; erstellen Sie unter %2 einen Schlüssel mit Lesezugriff.</translation>
    </message>
    <message>
        <source>The credentials were rejected; check them with %1.</source>
        <translation>Die Zugangsdaten wurden abgelehnt; prüfen Sie sie bei %1.</translation>
    </message>
    <message>
        <source>%1 is limiting requests right now; test again in a minute.</source>
        <translation>%1 begrenzt gerade die Anfragen; testen Sie in einer Minute erneut.</translation>
    </message>
    <message>
        <source>%1 could not be reached; check the URL, your network and any proxy.</source>
        <translation>%1 ist nicht erreichbar; prüfen Sie die URL, Ihr Netzwerk und einen etwaigen Proxy.</translation>
    </message>
    <message>
        <source>The answer is not what %1 sends; check that the URL points at its API.</source>
        <translation>Die Antwort stammt nicht von %1; prüfen Sie, ob die URL auf dessen API zeigt.</translation>
    </message>
    <message>
        <source>The %1 account has a billing problem; check it in the provider&apos;s console.</source>
        <translation>Das %1-Konto hat ein Abrechnungsproblem; prüfen Sie es in der Konsole des Anbieters.</translation>
    </message>
    <message>
        <source>Check the connection&apos;s settings.</source>
        <translation>Prüfen Sie die Einstellungen der Verbindung.</translation>
    </message>
</context>
<context>
    <name>fleetscope::AboutDialog</name>
    <message>
        <source>About Fleetscope</source>
        <translation>Über Fleetscope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Fleetscope %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Fleetscope %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A desktop dashboard for GPU cloud fleets: spend, pods, serverless endpoints, GPU offers and CI benchmark trends, collected in the background and kept on this computer.&lt;br&gt;&lt;br&gt;Data: %1</source>
        <translation>Ein Desktop-Dashboard für GPU-Cloud-Flotten: Kosten, Pods, Serverless-Endpunkte, GPU-Angebote und CI-Benchmark-Trends, im Hintergrund gesammelt und auf diesem Computer gespeichert.&lt;br&gt;&lt;br&gt;Daten: %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>fleetscope::AlertNotifier</name>
    <message>
        <source>Fleetscope</source>
        <translation>Fleetscope</translation>
    </message>
    <message>
        <source>Fleetscope: %1</source>
        <translation>Fleetscope: %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::AlertRuleDialog</name>
    <message>
        <source>Edit alert rule</source>
        <translation>Alarmregel bearbeiten</translation>
    </message>
    <message>
        <source>Add alert rule</source>
        <translation>Alarmregel hinzufügen</translation>
    </message>
    <message>
        <source>e.g. idle GPUs on prod</source>
        <translation>z. B. GPUs im Leerlauf auf prod</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>Evaluate this rule after each sync</source>
        <translation>Diese Regel nach jeder Synchronisierung auswerten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Problem with the rule</source>
        <translation>Problem mit der Regel</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>A rule named “%1” exists already; edit that one or choose another name.</source>
        <translation>Eine Regel namens „%1“ gibt es bereits; bearbeiten Sie diese oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>empty: every budget</source>
        <translation>leer: alle Budgets</translation>
    </message>
    <message>
        <source>empty: every enabled configuration</source>
        <translation>leer: alle aktiven Konfigurationen</translation>
    </message>
</context>
<context>
    <name>fleetscope::AlertRulesModel</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>fleetscope::AlertsModel</name>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <translation>Bestätigt %1</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>fleetscope::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Offene Alarme</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>Alle Alarme</translation>
    </message>
    <message>
        <source>Which alerts</source>
        <translation>Welche Alarme</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Filter by kind, connection, resource, message…</source>
        <translation>Nach Art, Verbindung, Ressource, Meldung filtern…</translation>
    </message>
    <message>
        <source>Filter alerts</source>
        <translation>Alarme filtern</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Mark the selected open alerts as seen; they stay open until their condition clears</source>
        <translation>Die ausgewählten offenen Alarme als gesehen markieren; sie bleiben offen, bis ihre Bedingung nicht mehr zutrifft</translation>
    </message>
    <message>
        <source>Double-click an alert to open the page of its resource</source>
        <translation>Doppelklick auf einen Alarm öffnet die Seite seiner Ressource</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>A new rule: what to watch, where, and from which threshold</source>
        <translation>Eine neue Regel: was wo ab welchem Schwellenwert überwacht wird</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected rule&apos;s thresholds, connection or severity</source>
        <translation>Schwellenwerte, Verbindung oder Schweregrad der ausgewählten Regel ändern</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Delete the selected rule; its open alerts are resolved</source>
        <translation>Die ausgewählte Regel löschen; ihre offenen Alarme gelten dann als behoben</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>No alert rules yet. A rule tells you when a GPU idles while paid, spend runs over a rate, a connection keeps failing or an offer gets cheaper; rules are evaluated after each sync.</source>
        <translation>Noch keine Alarmregeln. Eine Regel meldet Ihnen, wenn eine bezahlte GPU im Leerlauf ist, die Ausgaben eine Rate überschreiten, eine Verbindung wiederholt fehlschlägt oder ein Angebot günstiger wird; Regeln werden nach jeder Synchronisierung ausgewertet.</translation>
    </message>
    <message>
        <source>Add a rule…</source>
        <translation>Regel hinzufügen…</translation>
    </message>
    <message>
        <source>No alerts — rules are evaluated after each sync, and what they find is listed here.</source>
        <translation>Keine Alarme — Regeln werden nach jeder Synchronisierung ausgewertet, und was sie finden, wird hier aufgeführt.</translation>
    </message>
    <message>
        <source>No alert rules yet — Add… one to be told what to look at.</source>
        <translation>Noch keine Alarmregeln — legen Sie mit „Hinzufügen…“ eine an, damit Sie erfahren, worauf Sie achten sollten.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) acknowledged.</source>
        <translation>
            <numerusform>%n Alarm bestätigt.</numerusform>
            <numerusform>%n Alarme bestätigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule “%1” added; it is evaluated after the next sync.</source>
        <translation>Regel „%1“ hinzugefügt; sie wird nach der nächsten Synchronisierung ausgewertet.</translation>
    </message>
    <message>
        <source>Rule “%1” saved.</source>
        <translation>Regel „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Remove rule “%1”?</source>
        <translation>Regel „%1“ entfernen?</translation>
    </message>
    <message>
        <source>The rule is deleted and its open alerts are resolved; alerts it raised stay listed.</source>
        <translation>Die Regel wird gelöscht und ihre offenen Alarme gelten als behoben; die von ihr ausgelösten Alarme bleiben aufgeführt.</translation>
    </message>
    <message>
        <source>Rule “%1” removed.</source>
        <translation>Regel „%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>fleetscope::BudgetDialog</name>
    <message>
        <source>Edit budget</source>
        <translation>Budget bearbeiten</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Budget hinzufügen</translation>
    </message>
    <message>
        <source>e.g. team GPUs</source>
        <translation>z. B. Team-GPUs</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>Monthly cap</source>
        <translation>Monatslimit</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <source>Burn-rate cap</source>
        <translation>Limit der Verbrauchsrate</translation>
    </message>
    <message>
        <source>Months and days are UTC. Spend is billed where the provider reports it, else estimated from running time × price; give at least one cap.</source>
        <translation>Monate und Tage gelten in UTC. Als Ausgaben zählen die abgerechneten Beträge, sofern der Anbieter sie meldet, sonst eine Schätzung aus Laufzeit × Preis; geben Sie mindestens ein Limit an.</translation>
    </message>
    <message>
        <source>Problem with the budget</source>
        <translation>Problem mit dem Budget</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Geltungsbereich:</translation>
    </message>
    <message>
        <source>&amp;Monthly cap ($):</source>
        <translation>&amp;Monatslimit ($):</translation>
    </message>
    <message>
        <source>&amp;Daily cap ($):</source>
        <translation>&amp;Tageslimit ($):</translation>
    </message>
    <message>
        <source>&amp;Burn-rate cap ($/hr):</source>
        <translation>Limit der &amp;Verbrauchsrate ($/Std.):</translation>
    </message>
    <message>
        <source>“%1” is not a dollar amount.</source>
        <translation>„%1“ ist kein Dollarbetrag.</translation>
    </message>
    <message>
        <source>A budget named “%1” exists already; edit that one or choose another name.</source>
        <translation>Ein Budget namens „%1“ gibt es bereits; bearbeiten Sie dieses oder wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::BudgetsModel</name>
    <message>
        <source>The provider does not report billed spend; the estimate counts instead.</source>
        <translation>Der Anbieter meldet keine abgerechneten Ausgaben; stattdessen zählt die Schätzung.</translation>
    </message>
    <message>
        <source>Estimated minus billed, for the connections that report billed spend</source>
        <translation>Geschätzt minus abgerechnet, für die Verbindungen, die abgerechnete Ausgaben melden</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Monthly cap</source>
        <translation>Monatslimit</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Ausgeschöpft</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation>Verbrauchsrate</translation>
    </message>
</context>
<context>
    <name>fleetscope::BudgetsPanel</name>
    <message>
        <source>&lt;b&gt;Budgets&lt;/b&gt; — this UTC month</source>
        <translation>&lt;b&gt;Budgets&lt;/b&gt; — dieser Monat (UTC)</translation>
    </message>
    <message>
        <source>Add budget…</source>
        <translation>Budget hinzufügen…</translation>
    </message>
    <message>
        <source>A monthly, daily or burn-rate cap for everything, a provider or a connection</source>
        <translation>Ein Monats-, Tages- oder Verbrauchsratenlimit für alles, einen Anbieter oder eine Verbindung</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>No budgets yet — Add budget… to cap spend per month, day or hour.</source>
        <translation>Noch keine Budgets — legen Sie mit „Budget hinzufügen…“ Limits für die Ausgaben pro Monat, Tag oder Stunde fest.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Budget “%1” added.</source>
        <translation>Budget „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Budget “%1” saved.</source>
        <translation>Budget „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Remove budget “%1”?</source>
        <translation>Budget „%1“ entfernen?</translation>
    </message>
    <message>
        <source>The budget is deleted; what was collected stays.</source>
        <translation>Das Budget wird gelöscht; die gesammelten Daten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Budget “%1” removed.</source>
        <translation>Budget „%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>fleetscope::ChooseProviderPage</name>
    <message>
        <source>Choose a provider</source>
        <translation>Anbieter auswählen</translation>
    </message>
    <message>
        <source>What should Fleetscope watch? Each account you add becomes one connection.</source>
        <translation>Was soll Fleetscope beobachten? Jedes hinzugefügte Konto wird zu einer Verbindung.</translation>
    </message>
    <message>
        <source>Search providers</source>
        <translation>Anbieter suchen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>GPU clouds</source>
        <translation>GPU-Clouds</translation>
    </message>
    <message>
        <source>Serverless</source>
        <translation>Serverless</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>No provider matches “%1” in %2.</source>
        <translation>Kein Anbieter in %2 passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>fleetscope::CollectedDataPage</name>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>GPU Offers</source>
        <translation>GPU-Angebote</translation>
    </message>
    <message>
        <source>No billing data yet — add a RunPod or other provider with billing to see spend per hour, lifetime spend and balance.</source>
        <translation>Noch keine Abrechnungsdaten — fügen Sie RunPod oder einen anderen Anbieter mit Abrechnung hinzu, um Kosten pro Stunde, Gesamtkosten und Guthaben zu sehen.</translation>
    </message>
    <message>
        <source>No serverless endpoints yet — add a RunPod provider to see endpoint health, workers and job queues.</source>
        <translation>Noch keine Serverless-Endpunkte — fügen Sie einen RunPod-Anbieter hinzu, um Zustand, Worker und Job-Warteschlangen der Endpunkte zu sehen.</translation>
    </message>
    <message>
        <source>No pods or instances yet — add a provider such as RunPod, Lambda or Kubernetes to see what is running and what it costs.</source>
        <translation>Noch keine Pods oder Instanzen — fügen Sie einen Anbieter wie RunPod, Lambda oder Kubernetes hinzu, um zu sehen, was läuft und was es kostet.</translation>
    </message>
    <message>
        <source>No GPU offers yet — add a provider that publishes GPU prices, such as RunPod or Lambda, to compare what the same GPU costs where.</source>
        <translation>Noch keine GPU-Angebote — fügen Sie einen Anbieter mit GPU-Preisen wie RunPod oder Lambda hinzu, um zu vergleichen, was dieselbe GPU wo kostet.</translation>
    </message>
    <message>
        <source>No billing data stored yet for %1. Spend appears here after a successful sync.</source>
        <translation>Für %1 sind noch keine Abrechnungsdaten gespeichert. Kosten erscheinen hier nach einer erfolgreichen Synchronisierung.</translation>
    </message>
    <message>
        <source>No endpoint data stored yet for %1. Endpoints appear here after a successful sync.</source>
        <translation>Für %1 sind noch keine Endpunktdaten gespeichert. Endpunkte erscheinen hier nach einer erfolgreichen Synchronisierung.</translation>
    </message>
    <message>
        <source>No pod or instance data stored yet for %1. They appear here after a successful sync.</source>
        <translation>Für %1 sind noch keine Pod- oder Instanzdaten gespeichert. Sie erscheinen hier nach einer erfolgreichen Synchronisierung.</translation>
    </message>
    <message>
        <source>No GPU offers stored yet for %1. Prices appear here after a successful sync.</source>
        <translation>Für %1 sind noch keine GPU-Angebote gespeichert. Preise erscheinen hier nach einer erfolgreichen Synchronisierung.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Add a provider…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
</context>
<context>
    <name>fleetscope::ConnectionsModel</name>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>Letzte erfolgreiche Synchronisierung: %1</translation>
    </message>
    <message>
        <source>No successful sync yet</source>
        <translation>Noch keine erfolgreiche Synchronisierung</translation>
    </message>
    <message>
        <source>Collected by %1</source>
        <translation>Gesammelt von %1</translation>
    </message>
    <message>
        <source>Collected by %1; this window shows what it stores</source>
        <translation>Gesammelt von %1; dieses Fenster zeigt die dort gespeicherten Daten</translation>
    </message>
</context>
<context>
    <name>fleetscope::CostPage</name>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation>Verbrauchsrate</translation>
    </message>
    <message>
        <source>Spend limit</source>
        <translation>Ausgabenlimit</translation>
    </message>
    <message>
        <source>Balance lasts</source>
        <translation>Guthaben reicht</translation>
    </message>
    <message>
        <source>Idle cost</source>
        <translation>Leerlaufkosten</translation>
    </message>
    <message>
        <source>Burn rate $/hr</source>
        <translation>Verbrauchsrate $/Std.</translation>
    </message>
    <message>
        <source>Cost per running pod</source>
        <translation>Kosten je laufendem Pod</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>no billing snapshot yet</source>
        <translation>noch keine Abrechnungsdaten</translation>
    </message>
    <message>
        <source>lifetime spend %1</source>
        <translation>Gesamtausgaben %1</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>at %1, until about %2</source>
        <translation>bei %1, bis etwa %2</translation>
    </message>
    <message>
        <source>nothing is burning now</source>
        <translation>derzeit keine laufenden Kosten</translation>
    </message>
    <message>
        <source>no running pod reports GPU util</source>
        <translation>kein laufender Pod meldet GPU-Auslastung</translation>
    </message>
    <message>
        <source>no pod under %1 GPU util in the last hour</source>
        <translation>kein Pod unter %1 GPU-Auslastung in der letzten Stunde</translation>
    </message>
    <message>
        <source>%1 under %2 GPU util in the last hour</source>
        <translation>%1 unter %2 GPU-Auslastung in der letzten Stunde</translation>
    </message>
    <message>
        <source>No billing snapshots between %1 and %2.</source>
        <translation>Keine Abrechnungsdaten zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>Burn rate ($/hr), all connections</source>
        <translation>Verbrauchsrate ($/Std.), alle Verbindungen</translation>
    </message>
</context>
<context>
    <name>fleetscope::CustomRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>“From” must be earlier than “To”.</source>
        <translation>„Von“ muss vor „Bis“ liegen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::EditConnectionDialog</name>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Es wurde nichts geändert: %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::EndpointTestDialog</name>
    <message>
        <source>In queue</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Test endpoint — %1</source>
        <translation>Endpunkt testen — %1</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>runsync (wait for the result)</source>
        <translation>runsync (auf das Ergebnis warten)</translation>
    </message>
    <message>
        <source>run + status (poll)</source>
        <translation>run + status (abfragen)</translation>
    </message>
    <message>
        <source>&amp;Payload (JSON)</source>
        <translation>&amp;Payload (JSON)</translation>
    </message>
    <message>
        <source>Payload (JSON)</source>
        <translation>Payload (JSON)</translation>
    </message>
    <message>
        <source>Payload error</source>
        <translation>Payload-Fehler</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>&amp;Job abbrechen</translation>
    </message>
    <message>
        <source>Asks RunPod to cancel the job once it has an id</source>
        <translation>Bittet RunPod, den Job abzubrechen, sobald er eine ID hat</translation>
    </message>
    <message>
        <source>Job running</source>
        <translation>Job läuft</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Job status</source>
        <translation>Job-Status</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Delay %1 · Execution %2 · Round trip %3</source>
        <translation>Verzögerung %1 · Ausführung %2 · Umlaufzeit %3</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The job&apos;s output appears here.</source>
        <translation>Hier erscheint die Ausgabe des Jobs.</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>Ungültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The payload must be a JSON object with an &quot;input&quot; field, like %1</source>
        <translation>Die Payload muss ein JSON-Objekt mit einem &quot;input&quot;-Feld sein, etwa %1</translation>
    </message>
    <message>
        <source>Waiting for the result (runsync)…</source>
        <translation>Warten auf das Ergebnis (runsync)…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>Delay and execution as RunPod reports them; the round trip is measured here, from sending the job to this answer, over %n request(s).</source>
        <translation>
            <numerusform>Verzögerung und Ausführung wie von RunPod gemeldet; die Umlaufzeit wird hier gemessen, vom Senden des Jobs bis zu dieser Antwort, über %n Anfrage.</numerusform>
            <numerusform>Verzögerung und Ausführung wie von RunPod gemeldet; die Umlaufzeit wird hier gemessen, vom Senden des Jobs bis zu dieser Antwort, über %n Anfragen.</numerusform>
        </translation>
    </message>
    <message>
        <source>(the job failed without an error message)</source>
        <translation>(der Job ist ohne Fehlermeldung fehlgeschlagen)</translation>
    </message>
    <message>
        <source>cancel requested…</source>
        <translation>Abbruch angefordert…</translation>
    </message>
    <message>
        <source>cancel failed: %1</source>
        <translation>Abbruch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::EndpointsModel</name>
    <message>
        <source>unhealthy workers</source>
        <translation>fehlerhafte Worker</translation>
    </message>
    <message>
        <source>queue growing, no worker running</source>
        <translation>Warteschlange wächst, kein Worker läuft</translation>
    </message>
    <message>
        <source>failure rate %1</source>
        <translation>Fehlerquote %1</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Workers min – max</source>
        <translation>Worker min – max</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Initializing</source>
        <translation>Startend</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>fleetscope::EndpointsPage</name>
    <message>
        <source>Serverless endpoints</source>
        <translation>Serverless-Endpunkte</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>Ausgewählter Endpunkt</translation>
    </message>
    <message>
        <source>Jobs in queue</source>
        <translation>Jobs in der Warteschlange</translation>
    </message>
    <message>
        <source>Running workers</source>
        <translation>Laufende Worker</translation>
    </message>
    <message>
        <source>Select an endpoint to see its queue and workers over time.</source>
        <translation>Wählen Sie einen Endpunkt, um Warteschlange und Worker im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No health readings for “%1” between %2 and %3.</source>
        <translation>Keine Zustandsdaten für „%1“ zwischen %2 und %3.</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangenlänge</translation>
    </message>
    <message>
        <source>Test…</source>
        <translation>Testen…</translation>
    </message>
    <message>
        <source>Test the selected endpoint</source>
        <translation>Den ausgewählten Endpunkt testen</translation>
    </message>
    <message>
        <source>Testing needs the collection engine, which this window runs without.</source>
        <translation>Zum Testen wird die Sammel-Engine benötigt, die in diesem Fenster nicht läuft.</translation>
    </message>
    <message>
        <source>Select an endpoint to test it.</source>
        <translation>Wählen Sie einen Endpunkt, um ihn zu testen.</translation>
    </message>
    <message>
        <source>Send a job to the selected endpoint and see its result and timings.</source>
        <translation>Einen Job an den ausgewählten Endpunkt senden und Ergebnis und Zeiten ansehen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::FigureCard</name>
    <message>
        <source>%1 detail</source>
        <translation>%1 Details</translation>
    </message>
</context>
<context>
    <name>fleetscope::FleetConnectionsModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>The last sync failed; no error recorded.</source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen; kein Fehler erfasst.</translation>
    </message>
    <message>
        <source>Last synced %1; it syncs every %2. Figures are from then.</source>
        <translation>Zuletzt synchronisiert: %1; synchronisiert wird alle %2. Die Zahlen haben diesen Stand.</translation>
    </message>
    <message>
        <source>Disabled: not collected, and left out of the fleet totals.</source>
        <translation>Deaktiviert: wird nicht gesammelt und nicht in die Summen der Flotte eingerechnet.</translation>
    </message>
    <message numerus="yes">
        <source>Mean over %n GPU(s)</source>
        <translation>
            <numerusform>Durchschnitt über %n GPU</numerusform>
            <numerusform>Durchschnitt über %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Cost/hr</source>
        <translation>Kosten/Std.</translation>
    </message>
    <message>
        <source>GPU util</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
</context>
<context>
    <name>fleetscope::GitHubFetchBar</name>
    <message>
        <source>Fetch now</source>
        <translation>Jetzt abrufen</translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation>Nacherfassen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Collect the configuration&apos;s new completed GitHub Actions runs and their artifacts</source>
        <translation>Neue abgeschlossene GitHub-Actions-Läufe der Konfiguration samt Artefakten sammeln</translation>
    </message>
    <message>
        <source>Collect every completed run of a date range; runs already stored are skipped</source>
        <translation>Alle abgeschlossenen Läufe eines Datumsbereichs sammeln; bereits gespeicherte Läufe werden übersprungen</translation>
    </message>
    <message>
        <source>GitHub fetch status</source>
        <translation>Status des GitHub-Abrufs</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v von %m Läufen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Listing runs of %1/%2…</source>
        <translation>Läufe von %1/%2 werden aufgelistet…</translation>
    </message>
    <message>
        <source>Backfill %1</source>
        <translation>%1 nacherfassen</translation>
    </message>
    <message>
        <source>Count runs</source>
        <translation>Läufe zählen</translation>
    </message>
    <message>
        <source>Runs created from</source>
        <translation>Läufe erstellt ab</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Counting runs…</source>
        <translation>Läufe werden gezählt…</translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n completed run(s) in the range</source>
        <translation>
            <numerusform>%n abgeschlossener Lauf im Zeitraum</numerusform>
            <numerusform>%n abgeschlossene Läufe im Zeitraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed run(s) in the range, about %1 API calls. Runs already stored are skipped. Backfill now?</source>
        <translation>
            <numerusform>%n abgeschlossener Lauf im Zeitraum, etwa %1 API-Aufrufe. Bereits gespeicherte Läufe werden übersprungen. Jetzt nacherfassen?</numerusform>
            <numerusform>%n abgeschlossene Läufe im Zeitraum, etwa %1 API-Aufrufe. Bereits gespeicherte Läufe werden übersprungen. Jetzt nacherfassen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Backfilling…</source>
        <translation>Wird nacherfasst…</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n failed run(s)…</source>
        <translation>
            <numerusform>%n fehlgeschlagener Lauf wird wiederholt…</numerusform>
            <numerusform>%n fehlgeschlagene Läufe werden wiederholt…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GitHubFetchJob</name>
    <message>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new run(s): %1 completed, %2 failed, %3 skipped</source>
        <translation>
            <numerusform>%n neuer Lauf: %1 abgeschlossen, %2 fehlgeschlagen, %3 übersprungen</numerusform>
            <numerusform>%n neue Läufe: %1 abgeschlossen, %2 fehlgeschlagen, %3 übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) retried: %1 failed again</source>
        <translation>
            <numerusform>%n Lauf wiederholt: %1 erneut fehlgeschlagen</numerusform>
            <numerusform>%n Läufe wiederholt: %1 erneut fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GpuTypesModel</name>
    <message>
        <source>Unknown GPU</source>
        <translation>Unbekannte GPU</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n Instanz</numerusform>
            <numerusform>%n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>no current offer</source>
        <translation>kein aktuelles Angebot</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Moving these %n GPU(s) to the cheapest offer would save this much per hour</source>
        <translation>
            <numerusform>Ein Wechsel dieser %n GPU zum günstigsten Angebot würde pro Stunde so viel sparen</numerusform>
            <numerusform>Ein Wechsel dieser %n GPUs zum günstigsten Angebot würde pro Stunde so viel sparen</numerusform>
        </translation>
    </message>
    <message>
        <source>Per GPU-hour: the lowest current offer for %1 from any provider, among those not marked unavailable</source>
        <translation>Pro GPU-Stunde: das günstigste aktuelle Angebot für %1 über alle Anbieter, ohne als nicht verfügbar markierte Angebote</translation>
    </message>
    <message numerus="yes">
        <source>Per GPU-hour: %1 for %n instance(s)</source>
        <translation>
            <numerusform>Pro GPU-Stunde: %1 für %n Instanz</numerusform>
            <numerusform>Pro GPU-Stunde: %1 für %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU type</source>
        <translation>GPU-Typ</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation>Bestpreis</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Cheapest at</source>
        <translation>Bestpreis bei</translation>
    </message>
</context>
<context>
    <name>fleetscope::GuardrailDialog</name>
    <message>
        <source>Guardrails — %1</source>
        <translation>Schutzregeln — %1</translation>
    </message>
    <message>
        <source>Let Fleetscope stop pods?</source>
        <translation>Fleetscope Pods anhalten lassen?</translation>
    </message>
    <message>
        <source>&amp;Stop idle pods</source>
        <translation>Pods im Leerlauf &amp;anhalten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Dry run: only record what would be stopped</source>
        <translation>&amp;Probelauf: nur erfassen, was angehalten würde</translation>
    </message>
    <message>
        <source>&amp;Act: stop the pods (never terminate)</source>
        <translation>&amp;Handeln: die Pods anhalten (nie beenden)</translation>
    </message>
    <message>
        <source>Idle for at least</source>
        <translation>Im Leerlauf seit mindestens</translation>
    </message>
    <message>
        <source>GPU util under</source>
        <translation>GPU-Auslastung unter</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>What these thresholds would stop now; nothing is changed</source>
        <translation>Was diese Schwellenwerte jetzt anhalten würden; es wird nichts geändert</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Looking at the stored snapshots…</source>
        <translation>Die gespeicherten Momentaufnahmen werden geprüft…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) would be stopped now:</source>
        <translation>
            <numerusform>%n Pod würde jetzt angehalten:</numerusform>
            <numerusform>%n Pods würden jetzt angehalten:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fleetscope will STOP pods of %1 by these rules, after each sync, without asking again. Pods are stopped, never terminated: their volumes are kept, and every stop is in the audit log and on the Timeline.</source>
        <translation>Fleetscope wird Pods von %1 nach diesen Regeln nach jeder Synchronisierung ANHALTEN, ohne erneut zu fragen. Pods werden angehalten, nie beendet; ihre Volumes bleiben erhalten, und jedes Anhalten steht im Audit-Protokoll und auf der Zeitachse.</translation>
    </message>
    <message>
        <source>Stop pods whose GPUs sit idle while you pay for them, or every pod once a budget&apos;s daily cap is spent. Off unless enabled; a dry run only records what it would stop.</source>
        <translation>Pods anhalten, deren GPUs im Leerlauf sind, während Sie dafür bezahlen, oder alle Pods, sobald das Tageslimit eines Budgets ausgeschöpft ist. Aus, solange nicht aktiviert; ein Probelauf erfasst nur, was angehalten würde.</translation>
    </message>
    <message>
        <source>Stop &amp;all running pods when a budget covering %1 has spent its daily cap</source>
        <translation>A&amp;lle laufenden Pods anhalten, wenn ein Budget für %1 sein Tageslimit ausgeschöpft hat</translation>
    </message>
    <message>
        <source>Nothing to stop now: no pod has been idle under %1 % for %2 min, and no budget covering this connection has spent its daily cap.</source>
        <translation>Derzeit nichts anzuhalten: Kein Pod war %2 Min. lang unter %1 % im Leerlauf, und kein Budget für diese Verbindung hat sein Tageslimit ausgeschöpft.</translation>
    </message>
</context>
<context>
    <name>fleetscope::LaunchDialog</name>
    <message>
        <source>Launch %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 bei %2 (%3)</translation>
    </message>
    <message>
        <source>, plan %1</source>
        <translation>, Tarif %1</translation>
    </message>
    <message>
        <source>, region %1</source>
        <translation>, Region %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>The provider&apos;s default</source>
        <translation>Standard des Anbieters</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SSH key name</source>
        <translation>Name des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>An SSH key&apos;s name in the account (Lambda requires one)</source>
        <translation>Name eines SSH-Schlüssels im Konto (bei Lambda erforderlich)</translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation>Anzahl der GPUs</translation>
    </message>
    <message>
        <source>This plan comes with a fixed number of GPUs; pick another offer for more.</source>
        <translation>Dieser Tarif hat eine feste Anzahl an GPUs; wählen Sie für mehr ein anderes Angebot.</translation>
    </message>
    <message>
        <source>Spot (interruptible) at %1 per GPU</source>
        <translation>Spot (unterbrechbar) zu %1 pro GPU</translation>
    </message>
    <message>
        <source>Spot (interruptible) at %1</source>
        <translation>Spot (unterbrechbar) zu %1</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>SSH key:</source>
        <translation>SSH-Schlüssel:</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>GPUs:</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Price: %1 (about $%2 a day) while it runs; billed by the provider until you stop or terminate it.</source>
        <translation>Preis: %1 (etwa $%2 pro Tag) während der Laufzeit; der Anbieter rechnet ab, bis Sie die Instanz anhalten oder beenden.</translation>
    </message>
    <message>
        <source>Price: unknown — the offer has none stored.</source>
        <translation>Preis: unbekannt — für das Angebot ist keiner gespeichert.</translation>
    </message>
    <message>
        <source>I understand this starts a paid instance at %1</source>
        <translation>Mir ist bewusst, dass dies eine kostenpflichtige Instanz zu %1 startet</translation>
    </message>
    <message>
        <source>an unknown price</source>
        <translation>einem unbekannten Preis</translation>
    </message>
</context>
<context>
    <name>fleetscope::LocalSocketReply</name>
    <message>
        <source>connection closed without an answer</source>
        <translation>Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>connection closed before the response was complete</source>
        <translation>Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>no socket at %1</source>
        <translation>kein Socket unter %1</translation>
    </message>
    <message>
        <source>connection refused by %1</source>
        <translation>Verbindung von %1 abgelehnt</translation>
    </message>
    <message>
        <source>permission denied on %1 (for Docker: is this user in the docker group?)</source>
        <translation>Zugriff auf %1 verweigert (bei Docker: Gehört dieser Benutzer zur Gruppe „docker“?)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>not an HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>malformed header line</source>
        <translation>fehlerhafte Header-Zeile</translation>
    </message>
    <message>
        <source>malformed Content-Length</source>
        <translation>fehlerhafte Content-Length</translation>
    </message>
    <message>
        <source>malformed chunk size</source>
        <translation>fehlerhafte Chunk-Größe</translation>
    </message>
</context>
<context>
    <name>fleetscope::MainWindow</name>
    <message>
        <source>Fleetscope</source>
        <translation>Fleetscope</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Fleetscope</source>
        <translation>Ü&amp;ber Fleetscope</translation>
    </message>
    <message>
        <source>Could not read the connections: %1</source>
        <translation>Die Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s) not yet acknowledged</source>
        <translation>
            <numerusform>%n offener Alarm, noch nicht bestätigt</numerusform>
            <numerusform>%n offene Alarme, noch nicht bestätigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert rules could not be evaluated: %1</source>
        <translation>Die Alarmregeln konnten nicht ausgewertet werden: %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::MetricQueryBar</name>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>One point per run, or per hour, day or week (UTC; weeks start on Monday).</source>
        <translation>Ein Punkt pro Lauf oder pro Stunde, Tag oder Woche (UTC; Wochen beginnen am Montag).</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>How the values in one point (a run&apos;s repetitions, or every run of the interval) become one.</source>
        <translation>Wie die Werte eines Punkts (die Wiederholungen eines Laufs oder alle Läufe des Intervalls) zu einem Wert zusammengefasst werden.</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>One line per value of the checked dimensions; none checked: the average and range of every series.</source>
        <translation>Eine Linie pro Wert der aktivierten Dimensionen; ist keine aktiviert: Durchschnitt und Spanne jeder Reihe.</translation>
    </message>
    <message>
        <source>per run</source>
        <translation>pro Lauf</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>median (p50)</source>
        <translation>Median (p50)</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Group by: none</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>Group by: %1</source>
        <translation>Gruppieren nach: %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::OffersModel</name>
    <message>
        <source>Secure</source>
        <translation>Secure</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Cheapest listed offer for %1</source>
        <translation>Günstigstes gelistetes Angebot für %1</translation>
    </message>
    <message>
        <source>GPU type</source>
        <translation>GPU-Typ</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Price/hr</source>
        <translation>Preis/Std.</translation>
    </message>
    <message>
        <source>Spot price/hr</source>
        <translation>Spot-Preis/Std.</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Erfasst</translation>
    </message>
</context>
<context>
    <name>fleetscope::OffersPage</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Filter by GPU name…</source>
        <translation>Nach GPU-Name filtern…</translation>
    </message>
    <message>
        <source>Filter GPU offers by GPU name</source>
        <translation>GPU-Angebote nach GPU-Name filtern</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Secure cloud</source>
        <translation>Secure Cloud</translation>
    </message>
    <message>
        <source>Community cloud</source>
        <translation>Community Cloud</translation>
    </message>
    <message>
        <source>GPU offers</source>
        <translation>GPU-Angebote</translation>
    </message>
    <message>
        <source>Selected offer</source>
        <translation>Ausgewähltes Angebot</translation>
    </message>
    <message>
        <source>Price $/hr</source>
        <translation>Preis $/Std.</translation>
    </message>
    <message>
        <source>Select an offer to see its price over time.</source>
        <translation>Wählen Sie ein Angebot, um seinen Preis im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 — the cheapest listed</source>
        <translation>%1 · %2 · %3 — das günstigste gelistete</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No %1 price recorded for %2 between %3 and %4.</source>
        <translation>Kein %1-Preis für %2 zwischen %3 und %4 erfasst.</translation>
    </message>
    <message>
        <source>%1 — %2, $/hr</source>
        <translation>%1 — %2, $/Std.</translation>
    </message>
    <message>
        <source>Launch…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Launch the selected offer</source>
        <translation>Das ausgewählte Angebot starten</translation>
    </message>
    <message>
        <source>Launch result</source>
        <translation>Ergebnis des Starts</translation>
    </message>
    <message>
        <source>Select an offer to launch it.</source>
        <translation>Wählen Sie ein Angebot, um es zu starten.</translation>
    </message>
    <message>
        <source>The connection this offer came from is not configured any more.</source>
        <translation>Die Verbindung, von der dieses Angebot stammt, ist nicht mehr eingerichtet.</translation>
    </message>
    <message>
        <source>%1 reports no capacity for this offer right now.</source>
        <translation>%1 meldet für dieses Angebot gerade keine Kapazität.</translation>
    </message>
    <message>
        <source>Launch an instance of this offer; the price is shown before anything starts.</source>
        <translation>Eine Instanz dieses Angebots starten; der Preis wird angezeigt, bevor etwas startet.</translation>
    </message>
    <message>
        <source>Launching %1 on %2…</source>
        <translation>%1 wird bei %2 gestartet…</translation>
    </message>
    <message>
        <source>Launched %1 on %2 (%3). The Pods page lists it after the sync that follows.</source>
        <translation>%1 bei %2 gestartet (%3). Die Instanz erscheint nach der nächsten Synchronisierung auf der Seite „Pods“.</translation>
    </message>
    <message>
        <source>Launch of %1 on %2 failed — %3</source>
        <translation>Start von %1 bei %2 fehlgeschlagen — %3</translation>
    </message>
</context>
<context>
    <name>fleetscope::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>No providers yet — add a provider to start collecting spend, pods, endpoints and GPU metrics.</source>
        <translation>Noch keine Anbieter — fügen Sie einen Anbieter hinzu, um Kosten, Pods, Endpunkte und GPU-Metriken zu sammeln.</translation>
    </message>
    <message>
        <source>Add a provider…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>Running instances</source>
        <translation>Laufende Instanzen</translation>
    </message>
    <message>
        <source>GPUs running</source>
        <translation>Laufende GPUs</translation>
    </message>
    <message>
        <source>Burn rate</source>
        <translation>Verbrauchsrate</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>GPU util</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <source>Idle cost</source>
        <translation>Leerlaufkosten</translation>
    </message>
    <message>
        <source>GPUs by type</source>
        <translation>GPUs nach Typ</translation>
    </message>
    <message>
        <source>double-click one to open its pods, or its settings when it fails</source>
        <translation>Doppelklick öffnet die Pods einer Verbindung oder, wenn sie fehlschlägt, ihre Einstellungen</translation>
    </message>
    <message>
        <source>prices per GPU-hour, next to the cheapest current offer</source>
        <translation>Preise pro GPU-Stunde neben dem günstigsten aktuellen Angebot</translation>
    </message>
    <message numerus="yes">
        <source>of %1 listed, across %n connection(s)</source>
        <translation>
            <numerusform>von %1 gelisteten, in %n Verbindung</numerusform>
            <numerusform>von %1 gelisteten, in %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>no connection reports instances</source>
        <translation>keine Verbindung meldet Instanzen</translation>
    </message>
    <message numerus="yes">
        <source>%n disabled connection(s) not counted</source>
        <translation>
            <numerusform>%n deaktivierte Verbindung nicht mitgezählt</numerusform>
            <numerusform>%n deaktivierte Verbindungen nicht mitgezählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU type(s)</source>
        <translation>
            <numerusform>%n GPU-Typ</numerusform>
            <numerusform>%n GPU-Typen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running instance(s) report no GPU count</source>
        <translation>
            <numerusform>%n laufende Instanz meldet keine GPU-Anzahl</numerusform>
            <numerusform>%n laufende Instanzen melden keine GPU-Anzahl</numerusform>
        </translation>
    </message>
    <message>
        <source>no running instance reports its GPUs</source>
        <translation>keine laufende Instanz meldet ihre GPUs</translation>
    </message>
    <message numerus="yes">
        <source>%n DCGM GPU(s) report metrics</source>
        <translation>
            <numerusform>%n DCGM-GPU meldet Metriken</numerusform>
            <numerusform>%n DCGM-GPUs melden Metriken</numerusform>
        </translation>
    </message>
    <message>
        <source>running instances&apos; prices</source>
        <translation>Preise der laufenden Instanzen</translation>
    </message>
    <message>
        <source>no running instance reports a price</source>
        <translation>keine laufende Instanz meldet einen Preis</translation>
    </message>
    <message numerus="yes">
        <source>%n running without a price</source>
        <translation>
            <numerusform>%n laufende Instanz ohne Preis</numerusform>
            <numerusform>%n laufende Instanzen ohne Preis</numerusform>
        </translation>
    </message>
    <message>
        <source>billing reports %1</source>
        <translation>laut Abrechnung %1</translation>
    </message>
    <message numerus="yes">
        <source>reported by %1 of %n connection(s)</source>
        <translation>
            <numerusform>gemeldet von %1 der %n Verbindung</numerusform>
            <numerusform>gemeldet von %1 der %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>no provider reports a balance</source>
        <translation>kein Anbieter meldet ein Guthaben</translation>
    </message>
    <message numerus="yes">
        <source>mean over %n GPU(s), now</source>
        <translation>
            <numerusform>Durchschnitt über %n GPU, aktuell</numerusform>
            <numerusform>Durchschnitt über %n GPUs, aktuell</numerusform>
        </translation>
    </message>
    <message>
        <source>no running instance or DCGM GPU reports util</source>
        <translation>weder laufende Instanzen noch DCGM-GPUs melden Auslastung</translation>
    </message>
    <message>
        <source>no running instance reports GPU util and a price</source>
        <translation>keine laufende Instanz meldet GPU-Auslastung und Preis</translation>
    </message>
    <message>
        <source>nothing under %1 GPU util in the last hour</source>
        <translation>nichts unter %1 GPU-Auslastung in der letzten Stunde</translation>
    </message>
    <message>
        <source>%1 under %2 GPU util in the last hour</source>
        <translation>%1 unter %2 GPU-Auslastung in der letzten Stunde</translation>
    </message>
    <message>
        <source>No running instance reports a GPU. GPUs appear here by type, next to the cheapest offer for each, once a cloud connection lists running instances.</source>
        <translation>Keine laufende Instanz meldet eine GPU. GPUs erscheinen hier nach Typ, jeweils neben dem günstigsten Angebot, sobald eine Cloud-Verbindung laufende Instanzen auflistet.</translation>
    </message>
    <message>
        <source>Burn rate $/hr</source>
        <translation>Verbrauchsrate $/Std.</translation>
    </message>
    <message>
        <source>Fleet burn rate ($/hr), all connections</source>
        <translation>Verbrauchsrate der Flotte ($/Std.), alle Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>Fleet GPU util (%), mean and range over %n DCGM GPU(s)</source>
        <translation>
            <numerusform>GPU-Auslastung der Flotte (%), Durchschnitt und Spanne über %n DCGM-GPU</numerusform>
            <numerusform>GPU-Auslastung der Flotte (%), Durchschnitt und Spanne über %n DCGM-GPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU util %</source>
        <translation>GPU-Auslastung %</translation>
    </message>
    <message>
        <source>Fleet GPU util (%), running instances</source>
        <translation>GPU-Auslastung der Flotte (%), laufende Instanzen</translation>
    </message>
    <message>
        <source>No running instances or GPU metrics stored between %1 and %2.</source>
        <translation>Zwischen %1 und %2 sind keine laufenden Instanzen oder GPU-Metriken gespeichert.</translation>
    </message>
</context>
<context>
    <name>fleetscope::Page</name>
    <message>
        <source>Page title</source>
        <translation>Seitentitel</translation>
    </message>
    <message>
        <source>Read-only: your PostgreSQL role can only read this store, so changes cannot be saved from here. Ask for a role that may write, or make the change where one is used.</source>
        <translation>Schreibgeschützt: Ihre PostgreSQL-Rolle darf diesen Datenspeicher nur lesen, daher können Änderungen hier nicht gespeichert werden. Fordern Sie eine Rolle mit Schreibrecht an, oder nehmen Sie die Änderung dort vor, wo eine solche verwendet wird.</translation>
    </message>
</context>
<context>
    <name>fleetscope::PageState</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>Empty state</source>
        <translation>Leerer Zustand</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Could not load this view (%1)</source>
        <translation>Diese Ansicht konnte nicht geladen werden (%1)</translation>
    </message>
</context>
<context>
    <name>fleetscope::PodsModel</name>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>GPU util</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <source>Cost/hr</source>
        <translation>Kosten/Std.</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>fleetscope::PodsPage</name>
    <message>
        <source>Filter by name, GPU, status, region…</source>
        <translation>Nach Name, GPU, Status, Region filtern…</translation>
    </message>
    <message>
        <source>Filter pods</source>
        <translation>Pods filtern</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Selected pod</source>
        <translation>Ausgewählter Pod</translation>
    </message>
    <message>
        <source>GPU util %</source>
        <translation>GPU-Auslastung %</translation>
    </message>
    <message>
        <source>Select a pod to see its GPU utilisation over time.</source>
        <translation>Wählen Sie einen Pod, um seine GPU-Auslastung im Zeitverlauf zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>No GPU utilisation recorded for “%1” between %2 and %3. A pod that is not running reports none.</source>
        <translation>Für „%1“ ist zwischen %2 und %3 keine GPU-Auslastung erfasst. Ein Pod, der nicht läuft, meldet keine.</translation>
    </message>
    <message>
        <source>GPU utilisation — %1</source>
        <translation>GPU-Auslastung — %1</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>Anhalten…</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Fortsetzen…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <source>Result of the last pod action</source>
        <translation>Ergebnis der letzten Pod-Aktion</translation>
    </message>
    <message>
        <source>Stop pod</source>
        <translation>Pod anhalten</translation>
    </message>
    <message>
        <source>Stop “%1” (%2, %3)? Its volume is kept and still billed for storage.</source>
        <translation>„%1“ (%2, %3) anhalten? Sein Volume bleibt erhalten und wird weiter als Speicher berechnet.</translation>
    </message>
    <message>
        <source>Terminate pod</source>
        <translation>Pod beenden</translation>
    </message>
    <message>
        <source>Terminating “%1” (%2) deletes the pod and everything on it. Type its name to confirm.</source>
        <translation>Beenden löscht „%1“ (%2) mit allem, was darauf liegt. Geben Sie zur Bestätigung seinen Namen ein.</translation>
    </message>
    <message>
        <source>%1: sending %2…</source>
        <translation>%1: %2 wird gesendet…</translation>
    </message>
    <message>
        <source>%1: %2 accepted, now %3</source>
        <translation>%1: %2 angenommen, jetzt %3</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>%1: %2 failed — %3</source>
        <translation>%1: %2 fehlgeschlagen — %3</translation>
    </message>
    <message>
        <source>Reboot…</source>
        <translation>Neu starten…</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>%1 “%2” (%3)? It costs about %4 while it runs.</source>
        <translation>%1: „%2“ (%3)? Solange der Pod läuft, kostet er etwa %4.</translation>
    </message>
    <message>
        <source>Reboot pod</source>
        <translation>Pod neu starten</translation>
    </message>
    <message>
        <source>Reboot “%1” (%2)? Whatever runs on it now is interrupted.</source>
        <translation>„%1“ (%2) neu starten? Was gerade darauf läuft, wird unterbrochen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::ProviderForm</name>
    <message>
        <source>e.g. %1-prod</source>
        <translation>z. B. %1-prod</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Keep it in the system keychain</source>
        <translation>Im Schlüsselbund des Systems aufbewahren</translation>
    </message>
    <message>
        <source>Read it from an environment variable</source>
        <translation>Aus einer Umgebungsvariable lesen</translation>
    </message>
    <message>
        <source>Where the secret is kept</source>
        <translation>Wo das Geheimnis aufbewahrt wird</translation>
    </message>
    <message>
        <source>%1 &amp;kept:</source>
        <translation>&amp;Ablage für %1:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored %1</source>
        <translation>Leer lassen, um das gespeicherte Geheimnis (%1) zu behalten</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the %1</source>
        <translation>%1 anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <translation>&amp;%1:</translation>
    </message>
    <message>
        <source>e.g. RUNPOD_API_KEY</source>
        <translation>z. B. RUNPOD_API_KEY</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variable:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Variable: letters, digits and _ only, not starting with a digit</source>
        <translation>Variable: nur Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend</translation>
    </message>
    <message>
        <source>Name: give the connection a name, e.g. %1-prod</source>
        <translation>Name: Geben Sie der Verbindung einen Namen, z. B. %1-prod</translation>
    </message>
    <message>
        <source>Name: a connection named “%1” exists already</source>
        <translation>Name: Eine Verbindung namens „%1“ gibt es bereits</translation>
    </message>
    <message>
        <source>%1: required</source>
        <translation>%1: erforderlich</translation>
    </message>
</context>
<context>
    <name>fleetscope::ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Provider connections</source>
        <translation>Anbieterverbindungen</translation>
    </message>
    <message>
        <source>No providers yet. Each provider account you add is listed here with its cadence, last sync and last error.</source>
        <translation>Noch keine Anbieter. Jedes hinzugefügte Anbieterkonto wird hier mit Intervall, letzter Synchronisierung und letztem Fehler aufgeführt.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a provider account with the setup wizard</source>
        <translation>Ein Anbieterkonto mit dem Einrichtungsassistenten hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected connection&apos;s settings or secret</source>
        <translation>Einstellungen oder Geheimnis der ausgewählten Verbindung ändern</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>One real request with the selected connection</source>
        <translation>Eine echte Anfrage mit der ausgewählten Verbindung</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Collect from the selected connection now</source>
        <translation>Jetzt von der ausgewählten Verbindung sammeln</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop or resume collecting from the selected connection</source>
        <translation>Sammeln von der ausgewählten Verbindung anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected connection and its keychain entry</source>
        <translation>Die ausgewählte Verbindung und ihren Schlüsselbund-Eintrag entfernen</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>Add a provider…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Connection added; its first sync starts shortly.</source>
        <translation>Verbindung hinzugefügt; die erste Synchronisierung beginnt in Kürze.</translation>
    </message>
    <message>
        <source>“%1” saved.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
    <message>
        <source>“%1”: test passed — %2</source>
        <translation>„%1“: Test bestanden — %2</translation>
    </message>
    <message>
        <source>“%1”: test failed — %2</source>
        <translation>„%1“: Test fehlgeschlagen — %2</translation>
    </message>
    <message>
        <source>Syncing “%1” now.</source>
        <translation>„%1“ wird jetzt synchronisiert.</translation>
    </message>
    <message>
        <source>Nothing changed: %1</source>
        <translation>Nichts geändert: %1</translation>
    </message>
    <message>
        <source>“%1” enabled; it syncs again on its cadence.</source>
        <translation>„%1“ aktiviert; die Verbindung synchronisiert wieder in ihrem Intervall.</translation>
    </message>
    <message>
        <source>“%1” disabled; nothing is collected from it until you enable it.</source>
        <translation>„%1“ deaktiviert; bis Sie die Verbindung wieder aktivieren, wird von ihr nichts gesammelt.</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>Fleetscope stops collecting from “%1” and deletes its secret from the keychain. What it collected stays in charts and exports unless you tick the box.</source>
        <translation>Fleetscope sammelt nicht mehr von „%1“ und löscht das zugehörige Geheimnis aus dem Schlüsselbund. Die gesammelten Daten bleiben in Diagrammen und Exporten erhalten, sofern Sie das Kästchen nicht ankreuzen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Also delete the data it collected</source>
        <translation>Auch die gesammelten Daten löschen</translation>
    </message>
    <message>
        <source>“%1” removed with its data.</source>
        <translation>„%1“ samt Daten entfernt.</translation>
    </message>
    <message>
        <source>“%1” removed; its history stays.</source>
        <translation>„%1“ entfernt; der Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;Guardrails…</source>
        <translation>Schutz&amp;regeln…</translation>
    </message>
    <message>
        <source>Stop the selected connection&apos;s idle pods: a dry run first, acting only when you opt in</source>
        <translation>Pods der ausgewählten Verbindung im Leerlauf anhalten: zunächst als Probelauf, echte Aktionen nur nach Ihrer ausdrücklichen Zustimmung</translation>
    </message>
    <message>
        <source>Not for this connection: Fleetscope can stop pods of RunPod connections only</source>
        <translation>Nicht für diese Verbindung: Fleetscope kann nur Pods von RunPod-Verbindungen anhalten</translation>
    </message>
    <message>
        <source>Guardrails of this connection are off.</source>
        <translation>Die Schutzregeln dieser Verbindung sind ausgeschaltet.</translation>
    </message>
    <message>
        <source>Guardrails on as a dry run: the pods they would stop are recorded in the audit log, not stopped.</source>
        <translation>Schutzregeln als Probelauf aktiv: Die Pods, die sie anhalten würden, werden im Audit-Protokoll erfasst, aber nicht angehalten.</translation>
    </message>
    <message>
        <source>Guardrails act: pods of this connection they catch are stopped after each sync.</source>
        <translation>Schutzregeln handeln: Pods dieser Verbindung, auf die sie zutreffen, werden nach jeder Synchronisierung angehalten.</translation>
    </message>
</context>
<context>
    <name>fleetscope::RunComparisonDialog</name>
    <message>
        <source>Compare runs of %1</source>
        <translation>Läufe von %1 vergleichen</translation>
    </message>
    <message>
        <source>A: %1
B: %2
%3 series: %4 better and %5 worse in B; %6 only in A, %7 only in B.</source>
        <translation>A: %1
B: %2
%3 Reihen: %4 besser und %5 schlechter in B; %6 nur in A, %7 nur in B.</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>Laufvergleich</translation>
    </message>
</context>
<context>
    <name>fleetscope::SchemaFieldsModel</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Besser</translation>
    </message>
</context>
<context>
    <name>fleetscope::SchemaReviewDialog</name>
    <message>
        <source>Review schema for %1</source>
        <translation>Schema für %1 prüfen</translation>
    </message>
    <message>
        <source>Proposed (%1) from %2. Check each field: dimensions group results, metrics are the measured numbers. Confirm stores it as the configuration&apos;s next schema version; later imports and fetches read JSON files no built-in recognizer knows with it.</source>
        <translation>Vorgeschlagen (%1) aus %2. Prüfen Sie jedes Feld: Dimensionen gruppieren Ergebnisse, Metriken sind die gemessenen Zahlen. „Bestätigen“ speichert es als nächste Schemaversion der Konfiguration; spätere Importe und Abrufe lesen damit JSON-Dateien, die keine eingebaute Erkennung kennt.</translation>
    </message>
    <message>
        <source>Schema fields</source>
        <translation>Schemafelder</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <source>new_metric</source>
        <translation>neue_metrik</translation>
    </message>
    <message>
        <source>Sample file</source>
        <translation>Beispieldatei</translation>
    </message>
    <message>
        <source>Extracted rows</source>
        <translation>Ausgelesene Zeilen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) extracted from the sample.</source>
        <translation>
            <numerusform>%n Zeile aus dem Beispiel ausgelesen.</numerusform>
            <numerusform>%n Zeilen aus dem Beispiel ausgelesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::SettingsPage</name>
    <message>
        <source>%1 settings</source>
        <translation>Einstellungen für %1</translation>
    </message>
    <message>
        <source>The %1 is kept in the system keychain, or read from an environment variable you name; it is never written to a file.</source>
        <translation>%1 wird im Schlüsselbund des Systems aufbewahrt oder aus einer von Ihnen benannten Umgebungsvariable gelesen und nie in eine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>fleetscope::SetupWizard</name>
    <message>
        <source>Add a provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
</context>
<context>
    <name>fleetscope::StaleBanner</name>
    <message>
        <source>Stale data warning</source>
        <translation>Warnung: veraltete Daten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fleetscope::SummaryPage</name>
    <message>
        <source>Cadence and summary</source>
        <translation>Intervall und Zusammenfassung</translation>
    </message>
    <message>
        <source>Finish saves the connection and starts collecting.</source>
        <translation>„Fertigstellen“ speichert die Verbindung und beginnt mit dem Sammeln.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Save error</source>
        <translation>Fehler beim Speichern</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchronisieren &amp;alle:</translation>
    </message>
    <message>
        <source>Set by the intervals on the settings page (%1).</source>
        <translation>Durch die Intervalle auf der Einstellungsseite festgelegt (%1).</translation>
    </message>
    <message>
        <source>How often Fleetscope asks %1.</source>
        <translation>Wie oft Fleetscope %1 abfragt.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>read from $%1 at use</source>
        <translation>bei Verwendung aus $%1 gelesen</translation>
    </message>
    <message>
        <source>to the system keychain (masked)</source>
        <translation>in den Schlüsselbund des Systems (maskiert)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Es wurde nichts gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::SyncStatusBar</name>
    <message>
        <source>%1: disabled</source>
        <translation>%1: deaktiviert</translation>
    </message>
    <message>
        <source>%1: never synced</source>
        <translation>%1: nie synchronisiert</translation>
    </message>
    <message>
        <source>%1: synced %2</source>
        <translation>%1: synchronisiert %2</translation>
    </message>
    <message>
        <source>%1: %2 %3 — %4</source>
        <translation>%1: %2 %3 — %4</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>, last sync %1</source>
        <translation>, letzte Synchronisierung %1</translation>
    </message>
    <message>
        <source>Connection sync status</source>
        <translation>Synchronisierungsstatus der Verbindungen</translation>
    </message>
    <message>
        <source>No providers configured</source>
        <translation>Keine Anbieter eingerichtet</translation>
    </message>
    <message>
        <source>Add a provider to start collecting.</source>
        <translation>Fügen Sie einen Anbieter hinzu, um mit dem Sammeln zu beginnen.</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>, last successful sync %1</source>
        <translation>, letzte erfolgreiche Synchronisierung %1</translation>
    </message>
</context>
<context>
    <name>fleetscope::TableView</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Tabelle als CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: this table has nothing to export</source>
        <translation>%1: Diese Tabelle enthält nichts zum Exportieren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::TestPage</name>
    <message>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>One real request with these settings, made before anything is saved.</source>
        <translation>Eine echte Anfrage mit diesen Einstellungen, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>&amp;Erneut testen</translation>
    </message>
    <message>
        <source>Save without a passing test (Fleetscope keeps trying on its cadence)</source>
        <translation>Ohne bestandenen Test speichern (Fleetscope versucht es im Intervall weiter)</translation>
    </message>
    <message>
        <source>Testing %1 “%2”…</source>
        <translation>%1 „%2“ wird getestet…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Test passed in %1.</source>
        <translation>Test in %1 bestanden.</translation>
    </message>
    <message>
        <source>Test failed after %1.</source>
        <translation>Test nach %1 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::TimeRangePicker</name>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigener…</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
</context>
<context>
    <name>fleetscope::TimeSeriesChart</name>
    <message>
        <source>Time series chart</source>
        <translation>Zeitreihendiagramm</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Bucket under the pointer</source>
        <translation>Intervall unter dem Mauszeiger</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Min – max</source>
        <translation>Min – Max</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>%1  –  min %2 · avg %3 · max %4 · last %5</source>
        <translation>%1  –  Min %2 · Ø %3 · Max %4 · zuletzt %5</translation>
    </message>
    <message>
        <source>No samples between %1 and %2.</source>
        <translation>Keine Messwerte zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>Point at the chart to read a bucket&apos;s min, average, max and last value.</source>
        <translation>Zeigen Sie auf das Diagramm, um Minimum, Durchschnitt, Maximum und letzten Wert eines Intervalls abzulesen.</translation>
    </message>
    <message>
        <source>Exported from Fleetscope</source>
        <translation>Aus Fleetscope exportiert</translation>
    </message>
    <message>
        <source>%1: could not render the chart as SVG</source>
        <translation>%1: Das Diagramm konnte nicht als SVG erzeugt werden</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>diagramm</translation>
    </message>
    <message>
        <source>Export chart as SVG</source>
        <translation>Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1  –  %2: %3</source>
        <translation>%1  –  %2: %3</translation>
    </message>
    <message>
        <source>Point at the chart to read a value.</source>
        <translation>Zeigen Sie auf das Diagramm, um einen Wert abzulesen.</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>  ·  %1</source>
        <translation>  ·  %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1  –  %2</source>
        <translation>%1  –  %2</translation>
    </message>
</context>
<context>
    <name>fleetscope::TimelineModel</name>
    <message>
        <source>Pod started</source>
        <translation>Pod gestartet</translation>
    </message>
    <message>
        <source>Pod stopped</source>
        <translation>Pod angehalten</translation>
    </message>
    <message>
        <source>Pod terminated</source>
        <translation>Pod beendet</translation>
    </message>
    <message>
        <source>Alert opened</source>
        <translation>Alarm ausgelöst</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Alarm bestätigt</translation>
    </message>
    <message>
        <source>Alert resolved</source>
        <translation>Alarm behoben</translation>
    </message>
    <message>
        <source>Connection failing</source>
        <translation>Verbindung schlägt fehl</translation>
    </message>
    <message>
        <source>Price changed</source>
        <translation>Preis geändert</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>fleetscope::TimelinePage</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Art des Ereignisses</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Double-click an event to open the page of its resource</source>
        <translation>Doppelklick auf ein Ereignis öffnet die Seite seiner Ressource</translation>
    </message>
    <message>
        <source>No events yet. Add a provider: its pods starting and stopping, alerts, failures, price changes and actions by guardrails or people appear here.</source>
        <translation>Noch keine Ereignisse. Fügen Sie einen Anbieter hinzu: Starten und Anhalten seiner Pods, Alarme, Fehler, Preisänderungen sowie Aktionen von Schutzregeln oder Personen erscheinen hier.</translation>
    </message>
    <message>
        <source>Add a provider…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>No events in this range (%1). Pods starting and stopping, alerts, connection failures, price changes and actions by guardrails or people appear here; pick a longer range to look further back.</source>
        <translation>Keine Ereignisse in diesem Zeitraum (%1). Starten und Anhalten von Pods, Alarme, Verbindungsfehler, Preisänderungen sowie Aktionen von Schutzregeln oder Personen erscheinen hier; wählen Sie einen längeren Zeitraum, um weiter zurückzublicken.</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowComparisonModel</name>
    <message>
        <source>Better</source>
        <translation>Besser</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Schlechter</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Changed (not judged)</source>
        <translation>Geändert (nicht bewertet)</translation>
    </message>
    <message>
        <source>Only in A</source>
        <translation>Nur in A</translation>
    </message>
    <message>
        <source>Only in B</source>
        <translation>Nur in B</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Niedriger</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>Höher</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>B is</source>
        <translation>B ist</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowConfigDialog</name>
    <message>
        <source>Edit workflow configuration</source>
        <translation>Workflow-Konfiguration bearbeiten</translation>
    </message>
    <message>
        <source>Add workflow configuration</source>
        <translation>Workflow-Konfiguration hinzufügen</translation>
    </message>
    <message>
        <source>e.g. llm-serving</source>
        <translation>z. B. llm-serving</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Configurations are stored by name; add a new one to use another name.</source>
        <translation>Konfigurationen werden unter ihrem Namen gespeichert; für einen anderen Namen fügen Sie eine neue hinzu.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>owner/repo or https://github.com/owner/repo</source>
        <translation>owner/repo oder https://github.com/owner/repo</translation>
    </message>
    <message>
        <source>GitHub repository</source>
        <translation>GitHub-Repository</translation>
    </message>
    <message>
        <source>every workflow; e.g. benchmark.yml</source>
        <translation>alle Workflows; z. B. benchmark.yml</translation>
    </message>
    <message>
        <source>Workflow file</source>
        <translation>Workflow-Datei</translation>
    </message>
    <message>
        <source>every branch; e.g. main</source>
        <translation>alle Branches; z. B. main</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>One glob per line, e.g. bench/**/*.json
None: every .json, .csv, .md and .xml file</source>
        <translation>Ein Glob-Muster pro Zeile, z. B. bench/**/*.json
Leer: alle .json-, .csv-, .md- und .xml-Dateien</translation>
    </message>
    <message>
        <source>File patterns</source>
        <translation>Dateimuster</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Max file size</source>
        <translation>Max. Dateigröße</translation>
    </message>
    <message>
        <source>Larger result files are skipped with a reason, not read.</source>
        <translation>Größere Ergebnisdateien werden nicht gelesen, sondern mit Begründung übersprungen.</translation>
    </message>
    <message>
        <source>Collect runs for this configuration</source>
        <translation>Läufe für diese Konfiguration sammeln</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>AutoscalingRunnerSet namespace</source>
        <translation>Namespace des AutoscalingRunnerSet</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>AutoscalingRunnerSet name</source>
        <translation>Name des AutoscalingRunnerSet</translation>
    </message>
    <message>
        <source>Runner cluster</source>
        <translation>Runner-Cluster</translation>
    </message>
    <message>
        <source>The Kubernetes connection whose EphemeralRunners tell which runs the runner set ran</source>
        <translation>Die Kubernetes-Verbindung, deren EphemeralRunners zeigen, welche Läufe das Runner-Set ausgeführt hat</translation>
    </message>
    <message>
        <source>No runner cluster</source>
        <translation>Kein Runner-Cluster</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Cost per result</source>
        <translation>Kosten pro Ergebnis</translation>
    </message>
    <message>
        <source>Not priced</source>
        <translation>Ohne Preis</translation>
    </message>
    <message>
        <source>By a connection&apos;s running instances</source>
        <translation>Nach den laufenden Instanzen einer Verbindung</translation>
    </message>
    <message>
        <source>By a GPU type&apos;s cheapest offer</source>
        <translation>Nach dem günstigsten Angebot eines GPU-Typs</translation>
    </message>
    <message>
        <source>Cost connection</source>
        <translation>Verbindung für die Kosten</translation>
    </message>
    <message>
        <source>GPU type</source>
        <translation>GPU-Typ</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation>Anzahl der GPUs</translation>
    </message>
    <message>
        <source>Problem with the configuration</source>
        <translation>Problem mit der Konfiguration</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>GitHub &amp;repository:</source>
        <translation>GitHub-&amp;Repository:</translation>
    </message>
    <message>
        <source>&amp;Workflow file:</source>
        <translation>&amp;Workflow-Datei:</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>Branc&amp;h:</translation>
    </message>
    <message>
        <source>File &amp;patterns:</source>
        <translation>&amp;Dateimuster:</translation>
    </message>
    <message>
        <source>&amp;Max file size:</source>
        <translation>&amp;Max. Dateigröße:</translation>
    </message>
    <message>
        <source>AutoscalingRunnerSet:</source>
        <translation>AutoscalingRunnerSet:</translation>
    </message>
    <message>
        <source>&amp;Cost per result:</source>
        <translation>&amp;Kosten pro Ergebnis:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>GPU type:</source>
        <translation>GPU-Typ:</translation>
    </message>
    <message>
        <source>Name: a configuration named “%1” exists already; edit that one or choose another name.</source>
        <translation>Name: Eine Konfiguration namens „%1“ gibt es bereits; bearbeiten Sie diese oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cost connection: no connection is stored; add a provider first, or price by a GPU type.</source>
        <translation>Verbindung für die Kosten: Es ist keine Verbindung gespeichert; fügen Sie zuerst einen Anbieter hinzu oder bestimmen Sie den Preis über einen GPU-Typ.</translation>
    </message>
    <message>
        <source>Runner cluster: choose the Kubernetes connection the runner set runs in.</source>
        <translation>Runner-Cluster: Wählen Sie die Kubernetes-Verbindung, in der das Runner-Set läuft.</translation>
    </message>
    <message>
        <source>Runner cluster: no Kubernetes connection is stored; add one to bind a runner set.</source>
        <translation>Runner-Cluster: Es ist keine Kubernetes-Verbindung gespeichert; fügen Sie eine hinzu, um ein Runner-Set zuzuordnen.</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowRunsModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Wird gesammelt</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Wird ausgelesen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Realtime</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation>Nacherfassung</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Files read</source>
        <translation>Gelesene Dateien</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowSummaryModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The point before is 0: no relative change.</source>
        <translation>Der Punkt davor ist 0: keine relative Änderung.</translation>
    </message>
    <message>
        <source>A single point: nothing before it to compare with.</source>
        <translation>Ein einzelner Punkt: nichts davor, womit er sich vergleichen ließe.</translation>
    </message>
    <message numerus="yes">
        <source>The median of the %n point(s) before the latest.</source>
        <translation>
            <numerusform>Der Median von %n Punkt vor dem neuesten.</numerusform>
            <numerusform>Der Median von %n Punkten vor dem neuesten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neuester Wert</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger Wert</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Median of last %1</source>
        <translation>Median der letzten %1</translation>
    </message>
    <message>
        <source>Vs median</source>
        <translation>Ggü. Median</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Latest at</source>
        <translation>Stand</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowVerdictsModel</name>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Too little history</source>
        <translation>Zu wenig Verlauf</translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Niedriger</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>Höher</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No earlier runs to compare with.</source>
        <translation>Keine früheren Läufe zum Vergleichen.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neuester Wert</translation>
    </message>
    <message>
        <source>Baseline median</source>
        <translation>Median der Basis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Besser</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>%1 per $/hr</source>
        <translation>%1 pro $/Std.</translation>
    </message>
    <message>
        <source>%1 %2 per $/hr</source>
        <translation>%1 %2 pro $/Std.</translation>
    </message>
    <message>
        <source>$%1 per result</source>
        <translation>%1 $ pro Ergebnis</translation>
    </message>
    <message>
        <source>The median %1 of the newest %2 runs (to %3)</source>
        <translation>Der Median %1 der neuesten %2 Läufe (bis %3)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 against the median %2 of the %3 run(s) before; changes within %4 are not flagged.</source>
        <translation>%1 gegenüber dem Median %2 der vorherigen Läufe (%3); Änderungen innerhalb von %4 werden nicht markiert.</translation>
    </message>
    <message>
        <source>%1 z = %2 from their mean %3 (σ %4).</source>
        <translation>%1 z = %2 gegenüber ihrem Mittelwert %3 (σ %4).</translation>
    </message>
    <message>
        <source>%1 Mann-Whitney U = %2, one-sided p = %3.</source>
        <translation>%1 Mann-Whitney U = %2, einseitiges p = %3.</translation>
    </message>
    <message>
        <source>No price for the newest run: link the configuration to a GPU type or connection (fleetscope workflows configs set NAME --cost-gpu-type T) and keep offers or snapshots from that time.</source>
        <translation>Kein Preis für den neuesten Lauf: Verknüpfen Sie die Konfiguration mit einem GPU-Typ oder einer Verbindung (fleetscope workflows configs set NAME --cost-gpu-type T) und bewahren Sie Angebote oder Momentaufnahmen aus dieser Zeit auf.</translation>
    </message>
    <message>
        <source>The newest run at $%1/hr (%2 observed %3).</source>
        <translation>Der neueste Lauf zu %1 $/Std. (%2, Stand %3).</translation>
    </message>
    <message>
        <source>the cheapest offer</source>
        <translation>das günstigste Angebot</translation>
    </message>
    <message>
        <source>its connection&apos;s running instances</source>
        <translation>die laufenden Instanzen seiner Verbindung</translation>
    </message>
    <message>
        <source>Newest %1 (median)</source>
        <translation>Neueste %1 (Median)</translation>
    </message>
    <message>
        <source>Per dollar</source>
        <translation>Pro Dollar</translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowsPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Workflow configuration</source>
        <translation>Workflow-Konfiguration</translation>
    </message>
    <message>
        <source>Configuration details</source>
        <translation>Details der Konfiguration</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Show unchanged and unjudged series</source>
        <translation>Unveränderte und nicht bewertete Reihen anzeigen</translation>
    </message>
    <message>
        <source>Regression verdicts</source>
        <translation>Regressionsbewertungen</translation>
    </message>
    <message>
        <source>Select a series to see its trend above.</source>
        <translation>Wählen Sie eine Reihe, um oben ihren Trend zu sehen.</translation>
    </message>
    <message>
        <source>Regressions</source>
        <translation>Regressionen</translation>
    </message>
    <message>
        <source>Filter runs by id, branch, commit, status or error…</source>
        <translation>Läufe nach ID, Branch, Commit, Status oder Fehler filtern…</translation>
    </message>
    <message>
        <source>Filter workflow runs</source>
        <translation>Workflow-Läufe filtern</translation>
    </message>
    <message>
        <source>Workflow runs</source>
        <translation>Workflow-Läufe</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>branch %1</source>
        <translation>Branch %1</translation>
    </message>
    <message>
        <source>every result file</source>
        <translation>jede Ergebnisdatei</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) stored</source>
        <translation>
            <numerusform>%n Lauf gespeichert</numerusform>
            <numerusform>%n Läufe gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Regressions (%1)</source>
        <translation>Regressionen (%1)</translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation>Läufe (%1)</translation>
    </message>
    <message>
        <source>No runs stored for “%1” yet. Import benchmark result files as a run with “fleetscope workflows import %1 PATH…”.</source>
        <translation>Für „%1“ sind noch keine Läufe gespeichert. Importieren Sie Benchmark-Ergebnisdateien als Lauf mit „fleetscope workflows import %1 PFAD…“.</translation>
    </message>
    <message>
        <source>Dimension %1</source>
        <translation>Dimension %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>The runs of “%1” hold no metric values. The Runs tab says why each file was not read.</source>
        <translation>Die Läufe von „%1“ enthalten keine Metrikwerte. Der Reiter „Läufe“ zeigt, warum einzelne Dateien nicht gelesen wurden.</translation>
    </message>
    <message>
        <source>%1=%2</source>
        <translation>%1=%2</translation>
    </message>
    <message>
        <source>No run of “%1” between %2 and %3; the newest is from %4. Choose a longer time range to see its trend.</source>
        <translation>Kein Lauf von „%1“ zwischen %2 und %3; der neueste ist vom %4. Wählen Sie einen längeren Zeitraum, um den Trend zu sehen.</translation>
    </message>
    <message>
        <source>No run of “%1” matches this dimension filter.</source>
        <translation>Kein Lauf von „%1“ passt zu diesem Dimensionsfilter.</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Run %1 (%2)</source>
        <translation>Lauf %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>Schema…</source>
        <translation>Schema…</translation>
    </message>
    <message>
        <source>Propose a metric schema for result files no built-in recognizer knows</source>
        <translation>Ein Metrikschema für Ergebnisdateien vorschlagen, die keine eingebaute Erkennung kennt</translation>
    </message>
    <message>
        <source>Sample result file</source>
        <translation>Beispiel-Ergebnisdatei</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Propose from file…</source>
        <translation>Aus Datei vorschlagen…</translation>
    </message>
    <message>
        <source>Propose with AI from file…</source>
        <translation>Mit KI aus Datei vorschlagen…</translation>
    </message>
    <message>
        <source>Set the endpoint with: fleetscope workflows schema ai set</source>
        <translation>Legen Sie den Endpunkt fest mit: fleetscope workflows schema ai set</translation>
    </message>
    <message>
        <source>Schema confirmed for “%1”; later imports and fetches use it. Re-import or fetch files again to re-extract runs stored before.</source>
        <translation>Schema für „%1“ bestätigt; spätere Importe und Abrufe verwenden es. Importieren Sie Dateien erneut oder rufen Sie sie erneut ab, um bereits gespeicherte Läufe neu auszulesen.</translation>
    </message>
    <message>
        <source>Regression method</source>
        <translation>Regressionsmethode</translation>
    </message>
    <message>
        <source>Median and MAD</source>
        <translation>Median und MAD</translation>
    </message>
    <message>
        <source>Percent change</source>
        <translation>Prozentuale Änderung</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z-Wert</translation>
    </message>
    <message>
        <source>Mann-Whitney (last 5 runs)</source>
        <translation>Mann-Whitney (letzte 5 Läufe)</translation>
    </message>
    <message>
        <source>How the newest run is judged against the 30 runs before it; whatever the method, changes under 10 % are not flagged.
Median and MAD: beyond 3 scaled MADs. Percent change: the 10 % alone. Z-score: beyond 3 standard deviations from the mean.
Mann-Whitney: the newest 5 runs by a rank test, p &lt; 0.01.</source>
        <translation>Wie der neueste Lauf gegenüber den 30 Läufen davor bewertet wird; unabhängig von der Methode werden Änderungen unter 10 % nicht markiert.
Median und MAD: mehr als 3 skalierte MADs. Prozentuale Änderung: allein die 10 %. Z-Wert: mehr als 3 Standardabweichungen vom Mittelwert.
Mann-Whitney: die neuesten 5 Läufe per Rangtest, p &lt; 0,01.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Select two runs (Ctrl+click) to see every metric of both side by side.</source>
        <translation>Wählen Sie zwei Läufe (Strg+Klick), um alle Metriken beider nebeneinander zu sehen.</translation>
    </message>
    <message>
        <source>Asks %1 (%2)</source>
        <translation>Fragt %1 (%2)</translation>
    </message>
    <message>
        <source>Add a workflow configuration first.</source>
        <translation>Fügen Sie zuerst eine Workflow-Konfiguration hinzu.</translation>
    </message>
    <message>
        <source>Asking %1 for a schema…</source>
        <translation>%1 wird nach einem Schema gefragt…</translation>
    </message>
    <message>
        <source>Proposing a schema…</source>
        <translation>Schema wird vorgeschlagen…</translation>
    </message>
    <message>
        <source>priced by its connection&apos;s instances</source>
        <translation>Preis aus den Instanzen seiner Verbindung</translation>
    </message>
    <message>
        <source>priced as %1 × %2</source>
        <translation>Preis als %1 × %2</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a workflow configuration: a GitHub repository, its filters and result file patterns</source>
        <translation>Eine Workflow-Konfiguration hinzufügen: ein GitHub-Repository, seine Filter und Muster für Ergebnisdateien</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the chosen configuration</source>
        <translation>Die ausgewählte Konfiguration bearbeiten</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Remove the chosen configuration with its runs and their metrics</source>
        <translation>Die ausgewählte Konfiguration samt ihren Läufen und deren Metriken entfernen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Collect failed runs from GitHub again</source>
        <translation>Fehlgeschlagene Läufe erneut von GitHub sammeln</translation>
    </message>
    <message>
        <source>Selected failed runs</source>
        <translation>Ausgewählte fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <source>All failed runs</source>
        <translation>Alle fehlgeschlagenen Läufe</translation>
    </message>
    <message>
        <source>Export metrics…</source>
        <translation>Metriken exportieren…</translation>
    </message>
    <message>
        <source>Every metric value of the configuration as CSV, one row per value (as fleetscope export workflow-metrics)</source>
        <translation>Alle Metrikwerte der Konfiguration als CSV, eine Zeile pro Wert (wie fleetscope export workflow-metrics)</translation>
    </message>
    <message>
        <source>Series summary</source>
        <translation>Übersicht der Reihen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>No workflow configurations yet.

Add one here, or from the command line:
fleetscope workflows configs add NAME --repo OWNER/REPO

then fetch its runs, or import result files as a run:
fleetscope workflows import NAME PATH…</source>
        <translation>Noch keine Workflow-Konfigurationen.

Fügen Sie hier eine hinzu oder über die Befehlszeile:
fleetscope workflows configs add NAME --repo BESITZER/REPO

Rufen Sie dann ihre Läufe ab oder importieren Sie Ergebnisdateien als Lauf:
fleetscope workflows import NAME PFAD…</translation>
    </message>
    <message>
        <source>Add a configuration…</source>
        <translation>Konfiguration hinzufügen…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1 %2, %3 — %4</source>
        <translation>%1 %2, %3 — %4</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2, average and range of %n series — %3</source>
        <translation>
            <numerusform>%1 %2, Durchschnitt und Spanne von %n Reihe — %3</numerusform>
            <numerusform>%1 %2, Durchschnitt und Spanne von %n Reihen — %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2, average and range of %n series with %3 — %4</source>
        <translation>
            <numerusform>%1 %2, Durchschnitt und Spanne von %n Reihe mit %3 — %4</numerusform>
            <numerusform>%1 %2, Durchschnitt und Spanne von %n Reihen mit %3 — %4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (regressions are marked per run)</source>
        <translation>%1 (Regressionen werden pro Lauf markiert)</translation>
    </message>
    <message>
        <source>%1 %2 by %3 — %4</source>
        <translation>%1 %2 nach %3 — %4</translation>
    </message>
    <message>
        <source>%1 %2 by %3, %4 — %5</source>
        <translation>%1 %2 nach %3, %4 — %5</translation>
    </message>
    <message>
        <source>Each series&apos; latest point (%1 %2) against the point before it and against the median of up to %3 points before it.</source>
        <translation>Der neueste Punkt jeder Reihe (%1 %2) im Vergleich zum Punkt davor und zum Median von bis zu %3 Punkten davor.</translation>
    </message>
    <message>
        <source>Summary (%1)</source>
        <translation>Übersicht (%1)</translation>
    </message>
    <message>
        <source>Export metrics of %1</source>
        <translation>Metriken von %1 exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Selected failed runs (%1)</source>
        <translation>Ausgewählte fehlgeschlagene Läufe (%1)</translation>
    </message>
    <message>
        <source>All failed runs (%1)</source>
        <translation>Alle fehlgeschlagenen Läufe (%1)</translation>
    </message>
    <message>
        <source>None of the selected runs failed.</source>
        <translation>Keiner der ausgewählten Läufe ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No run of “%1” failed.</source>
        <translation>Kein Lauf von „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Run %1 was imported from files, not fetched from GitHub; import its files again instead.</source>
        <translation>Lauf %1 wurde aus Dateien importiert, nicht von GitHub abgerufen; importieren Sie stattdessen seine Dateien erneut.</translation>
    </message>
    <message>
        <source>A GitHub fetch is running; retry when it has ended.</source>
        <translation>Ein GitHub-Abruf läuft; versuchen Sie es erneut, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>Exporting the metrics of “%1”…</source>
        <translation>Metriken von „%1“ werden exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n metric value(s) of “%1” to %2</source>
        <translation>
            <numerusform>%n Metrikwert von „%1“ nach %2 exportiert</numerusform>
            <numerusform>%n Metrikwerte von „%1“ nach %2 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Configuration “%1” added for %2/%3. Fetch its runs from GitHub, or import result files with “fleetscope workflows import %1 PATH…”.</source>
        <translation>Konfiguration „%1“ für %2/%3 hinzugefügt. Rufen Sie ihre Läufe von GitHub ab oder importieren Sie Ergebnisdateien mit „fleetscope workflows import %1 PFAD…“.</translation>
    </message>
    <message>
        <source>Configuration “%1” saved.</source>
        <translation>Konfiguration „%1“ gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>its %n run(s) and their %1 metric value(s)</source>
        <translation>
            <numerusform>ihrem %n Lauf und dessen %1 Metrikwert(en)</numerusform>
            <numerusform>ihren %n Läufen und deren %1 Metrikwert(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>its runs and their metric values</source>
        <translation>ihren Läufen und deren Metrikwerten</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>The configuration “%1” is removed with %2. This cannot be undone.</source>
        <translation>Die Konfiguration „%1“ wird mit %2 entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Configuration “%1” removed with %2.</source>
        <translation>Konfiguration „%1“ mit %2 entfernt.</translation>
    </message>
    <message>
        <source>Not added: a configuration named “%1” was added meanwhile; edit that one or choose another name.</source>
        <translation>Nicht hinzugefügt: Eine Konfiguration „%1“ wurde inzwischen angelegt; bearbeiten Sie diese oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Newest runs of %n series: %1 regressed, %2 improved, %3 with too little history to judge.</source>
        <translation>
            <numerusform>Neueste Läufe von %n Reihe: %1 verschlechtert, %2 verbessert, %3 mit zu wenig Verlauf für eine Bewertung.</numerusform>
            <numerusform>Neueste Läufe von %n Reihen: %1 verschlechtert, %2 verbessert, %3 mit zu wenig Verlauf für eine Bewertung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>setupwizard</name>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>alle %n s</numerusform>
            <numerusform>alle %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
