<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Annotations</name>
    <message>
        <source>Incident: %1 (resolved)</source>
        <translation>Störung: %1 (behoben)</translation>
    </message>
    <message>
        <source>Incident: %1 (open)</source>
        <translation>Störung: %1 (offen)</translation>
    </message>
</context>
<context>
    <name>BlastRadius</name>
    <message>
        <source>no failure selected</source>
        <translation>kein Ausfall ausgewählt</translation>
    </message>
    <message>
        <source>single service</source>
        <translation>einzelner Dienst</translation>
    </message>
    <message>
        <source>single dependency</source>
        <translation>einzelne Abhängigkeit</translation>
    </message>
    <message>
        <source>single region</source>
        <translation>einzelne Region</translation>
    </message>
    <message>
        <source>multi-region</source>
        <translation>mehrere Regionen</translation>
    </message>
    <message>
        <source>Blast radius: nothing breaches its baseline</source>
        <translation>Blast Radius: nichts verlässt seine Baseline</translation>
    </message>
    <message numerus="yes">
        <source>Blast radius: %1, %2, %n affected</source>
        <translation>
            <numerusform>Blast Radius: %1, %2, %n betroffen</numerusform>
            <numerusform>Blast Radius: %1, %2, %n betroffen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlastRadiusPanel</name>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Open the workspace database FILE.</source>
        <translation>Die Arbeitsbereich-Datenbank DATEI öffnen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Start on the embedded demo: a temporary workspace and simulated shop.</source>
        <translation>Mit der eingebauten Demo starten: ein temporärer Arbeitsbereich und ein simulierter Shop.</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>Farbschema: light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>SCHEMA</translation>
    </message>
    <message>
        <source>Full screen for a war-room wall display.</source>
        <translation>Vollbild für eine Wandanzeige im Lagezentrum.</translation>
    </message>
    <message>
        <source>Render the main window to FILE.png after loading, then exit.</source>
        <translation>Das Hauptfenster nach dem Laden als DATEI.png speichern und anschließend beenden.</translation>
    </message>
    <message>
        <source>With --screenshot: wait MS milliseconds before capturing.</source>
        <translation>Mit --screenshot: vor der Aufnahme MS Millisekunden warten.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Print version information and exit.</source>
        <translation>Versionsinformationen ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Watchfloor, an incident-command dashboard.</source>
        <translation>Watchfloor, ein Dashboard für die Einsatzleitung bei Störungen.</translation>
    </message>
    <message>
        <source>Dashboards, traces, logs or incident files to open.</source>
        <translation>Zu öffnende Dashboards, Traces, Logs oder Störungsdateien.</translation>
    </message>
    <message>
        <source>Unknown theme &apos;%1&apos;: use light or dark.</source>
        <translation>Unbekanntes Farbschema „%1“: Verwenden Sie light oder dark.</translation>
    </message>
    <message>
        <source>--after only makes sense with --screenshot.</source>
        <translation>--after ist nur zusammen mit --screenshot sinnvoll.</translation>
    </message>
    <message>
        <source>--after takes milliseconds from 0 to 600000, not &apos;%1&apos;.</source>
        <translation>--after erwartet Millisekunden von 0 bis 600000, nicht „%1“.</translation>
    </message>
    <message>
        <source>--screenshot writes PNG: give a file ending in .png.</source>
        <translation>--screenshot schreibt PNG: Geben Sie eine Datei mit der Endung .png an.</translation>
    </message>
    <message>
        <source>--demo uses a temporary workspace; it cannot be combined with --workspace.</source>
        <translation>--demo verwendet einen temporären Arbeitsbereich und kann nicht mit --workspace kombiniert werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language code such as de or en_GB.</source>
        <translation>„%1“ ist kein Sprachcode wie de oder en_GB.</translation>
    </message>
    <message>
        <source>With --demo: the simulated incident starts after SECONDS (default 60).</source>
        <translation>Mit --demo: Der simulierte Vorfall beginnt nach SEKUNDEN (Standard 60).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>--demo-failure-after only makes sense with --demo.</source>
        <translation>--demo-failure-after ist nur mit --demo sinnvoll.</translation>
    </message>
    <message>
        <source>--demo-failure-after takes seconds from 0 to 86400, not &apos;%1&apos;.</source>
        <translation>--demo-failure-after erwartet Sekunden von 0 bis 86400, nicht „%1“.</translation>
    </message>
    <message>
        <source>Without a window: run the runbook FILE against the workspace&apos;s open incident (needs --workspace), printing each timeline event once it is saved. Stops before any step that needs a person.</source>
        <translation>Ohne Fenster: das Runbook DATEI für den offenen Incident des Arbeitsbereich ausführen (erfordert --workspace) und jeden Zeitleisten-Eintrag ausgeben, sobald er gespeichert ist. Hält vor jedem Schritt an, der eine Person erfordert.</translation>
    </message>
    <message>
        <source>With --run-runbook: a parameter value (repeatable).</source>
        <translation>Mit --run-runbook: ein Parameterwert (wiederholbar).</translation>
    </message>
    <message>
        <source>NAME=VALUE</source>
        <translation>NAME=WERT</translation>
    </message>
    <message>
        <source>With --run-runbook: the incident&apos;s number (default: the newest open one).</source>
        <translation>Mit --run-runbook: die Nummer des Incidents (Standard: der neueste offene).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>With --run-runbook: run it N times in a row (recurring checks, soak tests).</source>
        <translation>Mit --run-runbook: N-mal hintereinander ausführen (wiederkehrende Prüfungen, Dauertests).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--param, --incident and --repeat only make sense with --run-runbook.</source>
        <translation>--param, --incident und --repeat sind nur mit --run-runbook sinnvoll.</translation>
    </message>
    <message>
        <source>--run-runbook needs --workspace and runs without a window (no --demo, --screenshot or --kiosk).</source>
        <translation>--run-runbook erfordert --workspace und läuft ohne Fenster (kein --demo, --screenshot oder --kiosk).</translation>
    </message>
    <message>
        <source>--param takes NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--param erwartet NAME=WERT, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--incident takes an incident number, not &apos;%1&apos;.</source>
        <translation>--incident erwartet eine Incident-Nummer, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--repeat takes a count from 1 to 1000, not &apos;%1&apos;.</source>
        <translation>--repeat erwartet eine Anzahl von 1 bis 1000, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Query the Prometheus at URL for dashboards, for this run only (it is not added to the workspace).</source>
        <translation>Für Dashboards den Prometheus unter URL abfragen, nur für diesen Lauf (er wird nicht zum Arbeitsbereich hinzugefügt).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>--prometheus takes an http or https URL, not &apos;%1&apos;.</source>
        <translation>--prometheus erwartet eine http- oder https-URL, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--prometheus: a password in the URL would show in process lists; leave it out.</source>
        <translation>--prometheus: Ein Passwort in der URL wäre in Prozesslisten sichtbar; lassen Sie es weg.</translation>
    </message>
    <message>
        <source>Show the dashboard tab whose title starts with TITLE first (e.g. &quot;Service graph&quot;).</source>
        <translation>Zuerst den Dashboard-Tab zeigen, dessen Titel mit TITEL beginnt (z. B. &quot;Service-Graph&quot;).</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
</context>
<context>
    <name>DashboardEdit</name>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>Größe von „%1“ ändern</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Change layout</source>
        <translation>Layout ändern</translation>
    </message>
</context>
<context>
    <name>DashboardFormat</name>
    <message>
        <source>The file is not a Grafana, Perses or Watchfloor dashboard (it has no panels, rows, Perses spec or Watchfloor version).</source>
        <translation>Die Datei ist kein Grafana-, Perses- oder Watchfloor-Dashboard (sie hat keine Panels, Zeilen, Perses-Spezifikation oder Watchfloor-Version).</translation>
    </message>
    <message>
        <source>The file is %1 MB; dashboards larger than %2 MB are not opened.</source>
        <translation>Die Datei ist %1 MB groß; Dashboards über %2 MB werden nicht geöffnet.</translation>
    </message>
    <message>
        <source>The file nests objects more than %1 levels deep; no dashboard does that.</source>
        <translation>Die Datei verschachtelt Objekte tiefer als %1 Ebenen; das tut kein Dashboard.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>Die Datei ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The file holds a JSON %1, not a dashboard object.</source>
        <translation>Die Datei enthält JSON vom Typ %1, kein Dashboard-Objekt.</translation>
    </message>
    <message>
        <source>The YAML file does not hold a mapping.</source>
        <translation>Die YAML-Datei enthält kein Mapping.</translation>
    </message>
    <message>
        <source>The YAML file expands to more than %1 values; no dashboard does that.</source>
        <translation>Die YAML-Datei expandiert zu mehr als %1 Werten; das tut kein Dashboard.</translation>
    </message>
    <message>
        <source>The file is neither valid JSON nor valid YAML (%1).</source>
        <translation>Die Datei ist weder gültiges JSON noch gültiges YAML (%1).</translation>
    </message>
</context>
<context>
    <name>DashboardPresenter</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>DashboardStore</name>
    <message>
        <source>The dashboard id is longer than %1 characters.</source>
        <translation>Die Dashboard-ID ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The saved dashboard “%1” cannot be read: %2</source>
        <translation>Das gespeicherte Dashboard „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>There is no saved dashboard “%1”.</source>
        <translation>Es gibt kein gespeichertes Dashboard „%1“.</translation>
    </message>
</context>
<context>
    <name>DataSourceStore</name>
    <message>
        <source>A data source named “%1” already exists.</source>
        <translation>Eine Datenquelle namens „%1“ ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>The data source needs a name.</source>
        <translation>Die Datenquelle benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The name “%1…” is too long: at most %2 characters.</source>
        <translation>Der Name „%1…“ ist zu lang: höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>“%1” is not a known kind of data source; use one of: %2.</source>
        <translation>„%1“ ist keine bekannte Art von Datenquelle; verwenden Sie eine der folgenden: %2.</translation>
    </message>
    <message>
        <source>The address of “%1” is not a valid URL.</source>
        <translation>Die Adresse von „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The address of “%1” must start with http:// or https://.</source>
        <translation>Die Adresse von „%1“ muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The address of “%1” has no host name.</source>
        <translation>Die Adresse von „%1“ enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The address of “%1” contains a password. Remove it from the URL and enter it as the data source&apos;s credentials, which are kept in the system keychain.</source>
        <translation>Die Adresse von „%1“ enthält ein Passwort. Entfernen Sie es aus der URL und geben Sie es als Zugangsdaten der Datenquelle ein; diese werden im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The data source “%1” no longer exists.</source>
        <translation>Die Datenquelle „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>There is no data source with id %1.</source>
        <translation>Es gibt keine Datenquelle mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>DeclaredCatalog</name>
    <message>
        <source>%1: expected a list</source>
        <translation>%1: Liste erwartet</translation>
    </message>
    <message>
        <source>%1: more than %2 entries, the rest ignored</source>
        <translation>%1: mehr als %2 Einträge, der Rest wurde ignoriert</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <source>%1: not a mapping, skipped</source>
        <translation>%1: kein Mapping, übersprungen</translation>
    </message>
    <message>
        <source>more than %1 entities, the rest ignored</source>
        <translation>mehr als %1 Entitäten, der Rest wurde ignoriert</translation>
    </message>
    <message>
        <source>%1: no valid metadata.name, skipped</source>
        <translation>%1: kein gültiges metadata.name, übersprungen</translation>
    </message>
    <message>
        <source>%1 consumes API %2, which no component provides</source>
        <translation>%1 nutzt die API %2, die keine Komponente bereitstellt</translation>
    </message>
    <message>
        <source>`services` must be a list</source>
        <translation>`services` muss eine Liste sein</translation>
    </message>
    <message>
        <source>more than %1 services, the rest ignored</source>
        <translation>mehr als %1 Dienste, der Rest wurde ignoriert</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>%1: no valid name, skipped</source>
        <translation>%1: kein gültiger Name, übersprungen</translation>
    </message>
    <message>
        <source>The catalog is %1 bytes; at most %2 are read.</source>
        <translation>Der Katalog ist %1 Bytes groß; höchstens %2 werden gelesen.</translation>
    </message>
    <message>
        <source>The catalog nests deeper than %1 levels.</source>
        <translation>Der Katalog ist tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>The catalog has %1 documents; at most %2 are read.</source>
        <translation>Der Katalog hat %1 Dokumente; höchstens %2 werden gelesen.</translation>
    </message>
    <message>
        <source>Not valid YAML: line %1, column %2: %3</source>
        <translation>Kein gültiges YAML: Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Neither a Backstage catalog (apiVersion: backstage.io/...) nor a Watchfloor catalog (a `services` list).</source>
        <translation>Weder ein Backstage-Katalog (apiVersion: backstage.io/...) noch ein Watchfloor-Katalog (eine `services`-Liste).</translation>
    </message>
    <message>
        <source>Unexpected catalog structure: %1</source>
        <translation>Unerwartete Katalogstruktur: %1</translation>
    </message>
</context>
<context>
    <name>DemoNotice</name>
    <message>
        <source>Demo mode: a temporary workspace, deleted when Watchfloor quits. Starting the simulated shop…</source>
        <translation>Demo-Modus: ein temporärer Arbeitsbereich, der beim Beenden von Watchfloor gelöscht wird. Der simulierte Shop startet…</translation>
    </message>
</context>
<context>
    <name>DemoShopProcess</name>
    <message>
        <source>could not be started: %1</source>
        <translation>konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Log line</source>
        <translation>Logzeile</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Graph selection</source>
        <translation>Diagrammauswahl</translation>
    </message>
    <message>
        <source>Evidence needs a title.</source>
        <translation>Ein Beweis braucht einen Titel.</translation>
    </message>
    <message>
        <source>The picture of “%1” is not a PNG image.</source>
        <translation>Das Bild von „%1“ ist kein PNG-Bild.</translation>
    </message>
    <message>
        <source>“%1” is %2 MiB; at most %3 MiB can be pinned. Pin a smaller selection or a smaller picture.</source>
        <translation>„%1“ ist %2 MiB groß; höchstens %3 MiB können angeheftet werden. Heften Sie eine kleinere Auswahl oder ein kleineres Bild an.</translation>
    </message>
    <message>
        <source>Evidence %1 (“%2”) was changed after it was pinned.</source>
        <translation>Beweis %1 („%2“) wurde nach dem Anheften verändert.</translation>
    </message>
    <message>
        <source>Evidence %1 was removed after it was pinned.</source>
        <translation>Beweis %1 wurde nach dem Anheften entfernt.</translation>
    </message>
    <message>
        <source>Log line from %1: %2</source>
        <translation>Logzeile von %1: %2</translation>
    </message>
    <message>
        <source>unknown service</source>
        <translation>unbekannter Dienst</translation>
    </message>
    <message numerus="yes">
        <source>Trace %1 %2 (%3 ms, %n error(s))</source>
        <translation>
            <numerusform>Trace %1 %2 (%3 ms, %n Fehler)</numerusform>
            <numerusform>Trace %1 %2 (%3 ms, %n Fehler)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileClassifier</name>
    <message>
        <source>Cannot open %1: the file does not exist.</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot open %1: it is a folder, not a file.</source>
        <translation>%1 kann nicht geöffnet werden: Es handelt sich um einen Ordner, nicht um eine Datei.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: it is an SQLite database, but not a Watchfloor workspace.</source>
        <translation>%1 kann nicht geöffnet werden: Es handelt sich um eine SQLite-Datenbank, aber nicht um einen Watchfloor-Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot open %1: the file is empty.</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Cannot open %1: Watchfloor does not recognise this type of file. It opens Watchfloor workspaces, incident files, dashboards (Grafana, Perses or Watchfloor JSON), trace files (Jaeger or OTLP JSON) and log files (plain text with timestamps or levels, JSON lines, gzip).</source>
        <translation>%1 kann nicht geöffnet werden: Watchfloor erkennt diesen Dateityp nicht. Es öffnet Watchfloor-Arbeitsbereiche, Störungsdateien, Dashboards (Grafana-, Perses- oder Watchfloor-JSON), Trace-Dateien (Jaeger- oder OTLP-JSON) und Log-Dateien (Text mit Zeitstempeln oder Stufen, JSON-Zeilen, gzip).</translation>
    </message>
</context>
<context>
    <name>GrafanaImport</name>
    <message>
        <source>The dashboard has more than %1 panels; the rest are not imported.</source>
        <translation>Das Dashboard hat mehr als %1 Panels; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>A panel entry is not an object.</source>
        <translation>Ein Panel-Eintrag ist kein Objekt.</translation>
    </message>
    <message>
        <source>Repeating rows are not supported; the row is shown once.</source>
        <translation>Wiederholte Zeilen werden nicht unterstützt; die Zeile wird einmal angezeigt.</translation>
    </message>
    <message>
        <source>Listed inside an expanded row, where Grafana does not show it either.</source>
        <translation>In einer aufgeklappten Zeile aufgeführt, wo Grafana es auch nicht anzeigt.</translation>
    </message>
    <message>
        <source>Variables of type “%1” are not supported; references to it stay as they are.</source>
        <translation>Variablen vom Typ „%1“ werden nicht unterstützt; Verweise darauf bleiben unverändert.</translation>
    </message>
    <message>
        <source>The variable name is not valid.</source>
        <translation>Der Variablenname ist ungültig.</translation>
    </message>
    <message>
        <source>Too many variables; the rest are not imported.</source>
        <translation>Zu viele Variablen; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>The variable queries a %1 data source; it is kept but Watchfloor resolves it against Prometheus.</source>
        <translation>Die Variable fragt eine %1-Datenquelle ab; sie bleibt erhalten, aber Watchfloor löst sie gegen Prometheus auf.</translation>
    </message>
    <message>
        <source>Dashboard links are not supported.</source>
        <translation>Dashboard-Links werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Imported Grafana dashboard</source>
        <translation>Importiertes Grafana-Dashboard</translation>
    </message>
    <message>
        <source>This draw style is not supported; lines are drawn.</source>
        <translation>Dieser Zeichenstil wird nicht unterstützt; es werden Linien gezeichnet.</translation>
    </message>
    <message>
        <source>Symmetric log scales are not supported; a linear scale is used.</source>
        <translation>Symmetrische logarithmische Skalen werden nicht unterstützt; es wird eine lineare Skala verwendet.</translation>
    </message>
    <message>
        <source>Value mappings are not supported.</source>
        <translation>Wertzuordnungen werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Data links are not supported.</source>
        <translation>Daten-Links werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Per-series overrides are not supported; every series uses the panel defaults.</source>
        <translation>Überschreibungen pro Serie werden nicht unterstützt; jede Serie verwendet die Standardwerte des Panels.</translation>
    </message>
    <message>
        <source>Only min, max, mean and last are shown in legends.</source>
        <translation>In Legenden werden nur Minimum, Maximum, Mittelwert und letzter Wert angezeigt.</translation>
    </message>
    <message>
        <source>The panel has too many targets; the rest are not imported.</source>
        <translation>Das Panel hat zu viele Targets; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>The target queries a %1 data source; only Prometheus targets are imported.</source>
        <translation>Das Target fragt eine %1-Datenquelle ab; nur Prometheus-Targets werden importiert.</translation>
    </message>
    <message>
        <source>The target has no PromQL expression.</source>
        <translation>Das Target hat keinen PromQL-Ausdruck.</translation>
    </message>
    <message>
        <source>The heatmap format of this target is ignored outside heatmap panels.</source>
        <translation>Das Heatmap-Format dieses Targets wird außerhalb von Heatmap-Panels ignoriert.</translation>
    </message>
    <message>
        <source>Transformations are not supported.</source>
        <translation>Transformationen werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Panel links are not supported.</source>
        <translation>Panel-Links werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Repeating panels are not supported; the panel is shown once.</source>
        <translation>Wiederholte Panels werden nicht unterstützt; das Panel wird einmal angezeigt.</translation>
    </message>
    <message>
        <source>Legacy panel alerts are not imported; use Prometheus alerting rules.</source>
        <translation>Alte Panel-Alarme werden nicht importiert; verwenden Sie Prometheus-Alerting-Regeln.</translation>
    </message>
    <message>
        <source>Per-panel time overrides are not supported; the dashboard time range is used.</source>
        <translation>Zeitüberschreibungen pro Panel werden nicht unterstützt; der Zeitbereich des Dashboards wird verwendet.</translation>
    </message>
    <message>
        <source>Per-series overrides are not supported.</source>
        <translation>Überschreibungen pro Serie werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>The panel&apos;s definition is stored in the Grafana instance, not in this file; export the dashboard with &quot;Export for sharing externally&quot; to include it.</source>
        <translation>Die Definition des Panels ist in der Grafana-Instanz gespeichert, nicht in dieser Datei; exportieren Sie das Dashboard mit &quot;Export for sharing externally&quot;, um sie einzuschließen.</translation>
    </message>
    <message>
        <source>Watchfloor has no panel of this type; a placeholder keeps its place on the grid.</source>
        <translation>Watchfloor hat kein Panel dieses Typs; ein Platzhalter hält seinen Platz im Raster frei.</translation>
    </message>
    <message>
        <source>Thresholds of the old singlestat panel are not imported.</source>
        <translation>Schwellenwerte des alten Singlestat-Panels werden nicht importiert.</translation>
    </message>
    <message>
        <source>HTML text panels are shown as plain text, never as HTML.</source>
        <translation>HTML-Text-Panels werden als reiner Text angezeigt, nie als HTML.</translation>
    </message>
    <message>
        <source>Annotations from %1 are not supported; only Prometheus annotation queries are imported.</source>
        <translation>Annotationen aus %1 werden nicht unterstützt; nur Prometheus-Annotationsabfragen werden importiert.</translation>
    </message>
    <message>
        <source>The annotation has no PromQL query.</source>
        <translation>Die Annotation hat keine PromQL-Abfrage.</translation>
    </message>
    <message>
        <source>&quot;Series value as timestamp&quot; is not supported; the annotation marks the steps where the value is non-zero.</source>
        <translation>&quot;Series value as timestamp&quot; wird nicht unterstützt; die Annotation markiert die Schritte, in denen der Wert ungleich null ist.</translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <source>Graphviz could not start.</source>
        <translation>Graphviz konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Graphviz dot failed to lay out the graph.</source>
        <translation>Graphviz dot konnte das Layout des Graphen nicht berechnen.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>%1 import: %2 panels imported, %3 not imported, %4 notes.</source>
        <translation>%1-Import: %2 Panels importiert, %3 nicht importiert, %4 Hinweise.</translation>
    </message>
    <message>
        <source>Dashboard: %1: %2</source>
        <translation>Dashboard: %1: %2</translation>
    </message>
    <message>
        <source>Panel “%1”: %2: %3</source>
        <translation>Panel „%1“: %2: %3</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <source>Investigating</source>
        <translation>In Untersuchung</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Ursache erkannt</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Eingedämmt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>SEV%1</source>
        <translation>SEV%1</translation>
    </message>
    <message>
        <source>The incident needs a title.</source>
        <translation>Der Vorfall braucht einen Titel.</translation>
    </message>
    <message>
        <source>The title is too long: at most 200 characters.</source>
        <translation>Der Titel ist zu lang: höchstens 200 Zeichen.</translation>
    </message>
    <message>
        <source>The severity must be SEV1 to SEV4.</source>
        <translation>Der Schweregrad muss SEV1 bis SEV4 sein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid service name.</source>
        <translation>„%1“ ist kein gültiger Dienstname.</translation>
    </message>
</context>
<context>
    <name>IncidentFile</name>
    <message>
        <source>The incident file failed its check: %1</source>
        <translation>Die Vorfallsdatei hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <source>its events differ from the workspace&apos;s.</source>
        <translation>ihre Einträge weichen von denen des Arbeitsbereichs ab.</translation>
    </message>
    <message>
        <source>its last event differs.</source>
        <translation>ihr letzter Eintrag weicht ab.</translation>
    </message>
    <message>
        <source>“%1” is the open workspace; choose another file name.</source>
        <translation>„%1“ ist der geöffnete Arbeitsbereich; wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Could not write “%1”.</source>
        <translation>„%1“ konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>a panel snapshot is missing.</source>
        <translation>ein Panel-Snapshot fehlt.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the system keychain gave no reason</source>
        <translation>der System-Schlüsselbund hat keinen Grund angegeben</translation>
    </message>
</context>
<context>
    <name>LocalPromQL</name>
    <message>
        <source>The local store answers aggregations only: wrap the selector in sum by (labels) (...).</source>
        <translation>Der lokale Speicher beantwortet nur Aggregationen: Schließen Sie den Selektor in sum by (labels) (...) ein.</translation>
    </message>
    <message>
        <source>expected sum(...) or histogram_quantile(...)</source>
        <translation>sum(...) oder histogram_quantile(...) erwartet</translation>
    </message>
    <message>
        <source>%1() is not supported by the local store; supported: sum, rate, histogram_quantile.</source>
        <translation>%1() wird vom lokalen Speicher nicht unterstützt; unterstützt: sum, rate, histogram_quantile.</translation>
    </message>
    <message>
        <source>sum without (...) is not supported by the local store; use sum by (...).</source>
        <translation>sum without (...) wird vom lokalen Speicher nicht unterstützt; verwenden Sie sum by (...).</translation>
    </message>
    <message>
        <source>expected a label name</source>
        <translation>Label-Name erwartet</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; or &quot;)&quot;</source>
        <translation>&quot;,&quot; oder &quot;)&quot; erwartet</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; or &quot;}&quot;</source>
        <translation>&quot;,&quot; oder &quot;}&quot; erwartet</translation>
    </message>
    <message>
        <source>expected a metric name</source>
        <translation>Metrikname erwartet</translation>
    </message>
    <message>
        <source>expected a duration unit (ms, s, m, h, d, w)</source>
        <translation>Zeiteinheit erwartet (ms, s, m, h, d, w)</translation>
    </message>
    <message>
        <source>expected a duration such as 5m</source>
        <translation>Dauer wie 5m erwartet</translation>
    </message>
    <message>
        <source>expected a number between 0 and 1</source>
        <translation>Zahl zwischen 0 und 1 erwartet</translation>
    </message>
    <message>
        <source>the local store needs histogram_quantile(q, sum by (le, ...) (rate(metric_bucket[range])))</source>
        <translation>der lokale Speicher erfordert histogram_quantile(q, sum by (le, ...) (rate(metric_bucket[range])))</translation>
    </message>
    <message>
        <source>expected a metric name before _bucket</source>
        <translation>Metrikname vor _bucket erwartet</translation>
    </message>
    <message>
        <source>expected a quoted string</source>
        <translation>Zeichenkette in Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>nicht abgeschlossene Zeichenkette in Anführungszeichen</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;</source>
        <translation>&quot;%1&quot; erwartet</translation>
    </message>
    <message>
        <source>the local store cannot evaluate what follows here (operators, offsets)</source>
        <translation>der lokale Speicher kann nicht auswerten, was hier folgt (Operatoren, Offsets)</translation>
    </message>
    <message>
        <source>1:%1: parse error: %2</source>
        <translation>1:%1: Syntaxfehler: %2</translation>
    </message>
    <message>
        <source>Not supported by the local metrics store at column %1: %2</source>
        <translation>Vom lokalen Metrikspeicher nicht unterstützt, Spalte %1: %2</translation>
    </message>
    <message>
        <source>the local store matches the metric name with = only</source>
        <translation>der lokale Speicher vergleicht den Metriknamen nur mit =</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>ungültiger regulärer Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>LocalSeriesMetricsSource</name>
    <message>
        <source>The local store computes rate() over each step (%1 s), not over the [%2 s] range in the query.</source>
        <translation>Der lokale Speicher berechnet rate() über jeden Schritt (%1 s), nicht über den Bereich [%2 s] in der Abfrage.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No local metrics store is open.</source>
        <translation>Kein lokaler Metrikspeicher geöffnet.</translation>
    </message>
    <message>
        <source>The step must be longer than zero.</source>
        <translation>Die Schrittweite muss größer als null sein.</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>Der Zeitbereich endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>Local OTLP metrics answer a PromQL subset: sum by (labels) (metric{label=&quot;value&quot;}), sum by (labels) (rate(metric[range])) and histogram_quantile(q, sum by (le, labels) (rate(metric_bucket[range]))). Only = matchers; rates are computed per step.</source>
        <translation>Lokale OTLP-Metriken beantworten eine PromQL-Teilmenge: sum by (labels) (metric{label=&quot;value&quot;}), sum by (labels) (rate(metric[range])) und histogram_quantile(q, sum by (le, labels) (rate(metric_bucket[range]))). Nur =-Matcher; Raten werden pro Schritt berechnet.</translation>
    </message>
</context>
<context>
    <name>LogFile</name>
    <message>
        <source> … [line truncated, %1 bytes]</source>
        <translation> … [Zeile gekürzt, %1 Bytes]</translation>
    </message>
</context>
<context>
    <name>LogFileView</name>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>LogHighlighter</name>
    <message>
        <source>Invalid regular expression at %1: %2</source>
        <translation>Ungültiger regulärer Ausdruck bei %1: %2</translation>
    </message>
</context>
<context>
    <name>LogListModel</name>
    <message>
        <source>Trace: %1</source>
        <translation>Trace: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>LokiResponse</name>
    <message>
        <source> … [line truncated, %1 bytes]</source>
        <translation> … [Zeile gekürzt, %1 Bytes]</translation>
    </message>
</context>
<context>
    <name>LokiTail</name>
    <message>
        <source>the WebSocket did not open in time</source>
        <translation>der WebSocket wurde nicht rechtzeitig geöffnet</translation>
    </message>
    <message>
        <source>the server closed the WebSocket</source>
        <translation>der Server hat den WebSocket geschlossen</translation>
    </message>
    <message>
        <source>the server closed the WebSocket: %1</source>
        <translation>der Server hat den WebSocket geschlossen: %1</translation>
    </message>
</context>
<context>
    <name>LokiTailFrame</name>
    <message>
        <source>Out of memory reading a Loki tail message</source>
        <translation>Nicht genügend Speicher beim Lesen einer Loki-Tail-Nachricht</translation>
    </message>
    <message>
        <source>A Loki tail message is nested too deeply</source>
        <translation>Eine Loki-Tail-Nachricht ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>A Loki tail message is not valid JSON (%1)</source>
        <translation>Eine Loki-Tail-Nachricht ist kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>A Loki tail message is not a JSON object</source>
        <translation>Eine Loki-Tail-Nachricht ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>A Loki tail message has no &quot;streams&quot; list</source>
        <translation>Eine Loki-Tail-Nachricht hat keine &quot;streams&quot;-Liste</translation>
    </message>
    <message>
        <source>A Loki tail stream has no valid &quot;stream&quot; labels</source>
        <translation>Ein Loki-Tail-Stream hat keine gültigen &quot;stream&quot;-Labels</translation>
    </message>
    <message>
        <source>A Loki tail stream has no &quot;values&quot; list</source>
        <translation>Ein Loki-Tail-Stream hat keine &quot;values&quot;-Liste</translation>
    </message>
    <message>
        <source>A Loki tail entry is not [&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;]</source>
        <translation>Ein Loki-Tail-Eintrag ist nicht [&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;]</translation>
    </message>
    <message>
        <source>A Loki tail entry has an invalid timestamp</source>
        <translation>Ein Loki-Tail-Eintrag hat einen ungültigen Zeitstempel</translation>
    </message>
</context>
<context>
    <name>MetricEdges</name>
    <message>
        <source>%1 query: %2</source>
        <translation>%1-Abfrage: %2</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>more than %1 edges: the rest are left out</source>
        <translation>mehr als %1 Kanten: Der Rest wird ausgelassen</translation>
    </message>
    <message>
        <source>error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>Latenz</translation>
    </message>
    <message numerus="yes">
        <source>%n series without source and destination labels skipped</source>
        <translation>
            <numerusform>%n Serie ohne Quell- und Ziel-Labels übersprungen</numerusform>
            <numerusform>%n Serien ohne Quell- und Ziel-Labels übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series repeat a source/destination pair: aggregate the query by those labels</source>
        <translation>
            <numerusform>%n Serie wiederholt ein Quelle/Ziel-Paar: Aggregieren Sie die Abfrage nach diesen Labels</numerusform>
            <numerusform>%n Serien wiederholen ein Quelle/Ziel-Paar: Aggregieren Sie die Abfrage nach diesen Labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OtlpDecoder</name>
    <message>
        <source>the body is not valid JSON (%1)</source>
        <translation>der Inhalt ist kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>the body is not a valid protobuf message (%1)</source>
        <translation>der Inhalt ist keine gültige Protobuf-Nachricht (%1)</translation>
    </message>
    <message>
        <source>the body is empty</source>
        <translation>der Inhalt ist leer</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet: %1, erhalten: %2</translation>
    </message>
    <message>
        <source>expected %1 hex characters, got %2</source>
        <translation>%1 Hexadezimalzeichen erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>contains a character that is not a hex digit</source>
        <translation>enthält ein Zeichen, das keine Hexadezimalziffer ist</translation>
    </message>
    <message>
        <source>an id of all zeros is invalid</source>
        <translation>eine ID aus lauter Nullen ist ungültig</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>Pflichtfeld fehlt</translation>
    </message>
    <message>
        <source>number out of range: %1</source>
        <translation>Zahl außerhalb des Wertebereichs: %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>Ganzzahl erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>unknown enum value %1</source>
        <translation>unbekannter Aufzählungswert %1</translation>
    </message>
    <message>
        <source>invalid base64</source>
        <translation>ungültiges Base64</translation>
    </message>
    <message>
        <source>values nested deeper than %1 levels</source>
        <translation>Werte tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels</source>
        <translation>JSON tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>more than %1 items in one request; the rest were rejected</source>
        <translation>mehr als %1 Einträge in einer Anfrage; der Rest wurde abgelehnt</translation>
    </message>
    <message>
        <source>more than %1 values</source>
        <translation>mehr als %1 Werte</translation>
    </message>
    <message>
        <source>expected %1 bucket counts, got %2</source>
        <translation>%1 Bucket-Zähler erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>more than one data field (gauge, sum, histogram, ...)</source>
        <translation>mehr als ein Datenfeld (gauge, sum, histogram, …)</translation>
    </message>
    <message>
        <source>end time is before start time</source>
        <translation>Endzeit liegt vor der Startzeit</translation>
    </message>
    <message>
        <source>expected %1 bytes, got %2</source>
        <translation>%1 Bytes erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>%1 more errors</source>
        <translation>%1 weitere Fehler</translation>
    </message>
</context>
<context>
    <name>OtlpReceiver</name>
    <message>
        <source>The OTLP receiver has no address to listen on.</source>
        <translation>Der OTLP-Empfänger hat keine Adresse, auf der er lauschen kann.</translation>
    </message>
    <message>
        <source>Refusing to listen on %1: it is reachable from other machines. Allow non-loopback addresses and set a bearer token to do this.</source>
        <translation>Lauschen auf %1 abgelehnt: Die Adresse ist von anderen Rechnern erreichbar. Erlauben Sie Nicht-Loopback-Adressen und setzen Sie ein Bearer-Token, um das zu tun.</translation>
    </message>
    <message>
        <source>Listening on %1 needs a bearer token: without one, anyone who can reach this machine could send telemetry into the incident.</source>
        <translation>Lauschen auf %1 erfordert ein Bearer-Token: Ohne eines könnte jeder, der diesen Rechner erreicht, Telemetrie in den Vorfall senden.</translation>
    </message>
    <message>
        <source>The bearer token may only contain letters, digits and - . _ ~ + / =.</source>
        <translation>Das Bearer-Token darf nur Buchstaben, Ziffern und - . _ ~ + / = enthalten.</translation>
    </message>
    <message>
        <source>The OTLP receiver limits must be positive.</source>
        <translation>Die Grenzwerte des OTLP-Empfängers müssen positiv sein.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
    <message>
        <source>%1: requests accepted</source>
        <translation>%1: angenommene Anfragen</translation>
    </message>
    <message>
        <source>%1: items accepted</source>
        <translation>%1: angenommene Einträge</translation>
    </message>
    <message>
        <source>%1: items rejected</source>
        <translation>%1: abgelehnte Einträge</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>Empfangene Bytes</translation>
    </message>
    <message>
        <source>Bytes after decompression</source>
        <translation>Bytes nach Dekomprimierung</translation>
    </message>
    <message>
        <source>Connections accepted</source>
        <translation>Angenommene Verbindungen</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Offene Verbindungen</translation>
    </message>
    <message>
        <source>Requests being decoded</source>
        <translation>Anfragen in Dekodierung</translation>
    </message>
    <message>
        <source>Requests waiting</source>
        <translation>Wartende Anfragen</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>(other services)</source>
        <translation>(andere Dienste)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Dienst: %1</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Too large</source>
        <translation>Zu groß</translation>
    </message>
    <message>
        <source>Unsupported media type</source>
        <translation>Nicht unterstützter Medientyp</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
    <message>
        <source>Overloaded</source>
        <translation>Überlastet</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Unknown path or method</source>
        <translation>Unbekannter Pfad oder Methode</translation>
    </message>
    <message>
        <source>Decoder unavailable</source>
        <translation>Decoder nicht verfügbar</translation>
    </message>
    <message>
        <source>the local store is catching up; retry shortly</source>
        <translation>der lokale Speicher holt auf; bitte gleich erneut versuchen</translation>
    </message>
</context>
<context>
    <name>PersesImport</name>
    <message>
        <source>The panel has too many queries; the rest are not imported.</source>
        <translation>Das Panel hat zu viele Abfragen; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>Queries of kind “%1” are not supported; only Prometheus queries are imported.</source>
        <translation>Abfragen der Art „%1“ werden nicht unterstützt; nur Prometheus-Abfragen werden importiert.</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>Die Abfrage ist leer.</translation>
    </message>
    <message>
        <source>Only min, max, mean and last are shown in legends.</source>
        <translation>In Legenden werden nur Minimum, Maximum, Mittelwert und letzter Wert angezeigt.</translation>
    </message>
    <message>
        <source>Per-query colours and styles are not supported.</source>
        <translation>Farben und Stile pro Abfrage werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>The value shown is the last one, not this calculation.</source>
        <translation>Angezeigt wird der letzte Wert, nicht diese Berechnung.</translation>
    </message>
    <message>
        <source>Value mappings are not supported.</source>
        <translation>Wertzuordnungen werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Per-column settings are not supported.</source>
        <translation>Einstellungen pro Spalte werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Watchfloor has no panel of this type; a placeholder keeps its place on the grid.</source>
        <translation>Watchfloor hat kein Panel dieses Typs; ein Platzhalter hält seinen Platz im Raster frei.</translation>
    </message>
    <message>
        <source>Panel links are not supported.</source>
        <translation>Panel-Links werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>The variable name is not valid.</source>
        <translation>Der Variablenname ist ungültig.</translation>
    </message>
    <message>
        <source>Too many variables; the rest are not imported.</source>
        <translation>Zu viele Variablen; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>Variables of kind “%1” are not supported.</source>
        <translation>Variablen der Art „%1“ werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Only the first series matcher is used to find the values.</source>
        <translation>Nur der erste Serien-Matcher wird verwendet, um die Werte zu finden.</translation>
    </message>
    <message>
        <source>Variables from “%1” are not supported.</source>
        <translation>Variablen aus „%1“ werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>The dashboard has more than %1 panels; the rest are not imported.</source>
        <translation>Das Dashboard hat mehr als %1 Panels; der Rest wird nicht importiert.</translation>
    </message>
    <message>
        <source>Only Grid layouts are supported.</source>
        <translation>Nur Grid-Layouts werden unterstützt.</translation>
    </message>
    <message>
        <source>The item refers to no panel of this dashboard.</source>
        <translation>Das Element verweist auf kein Panel dieses Dashboards.</translation>
    </message>
    <message>
        <source>The panel is placed more than once; it is shown once.</source>
        <translation>Das Panel ist mehrfach platziert; es wird einmal angezeigt.</translation>
    </message>
    <message>
        <source>No layout places this panel; it was added at the bottom.</source>
        <translation>Kein Layout platziert dieses Panel; es wurde unten angefügt.</translation>
    </message>
    <message>
        <source>Imported Perses dashboard</source>
        <translation>Importiertes Perses-Dashboard</translation>
    </message>
</context>
<context>
    <name>Postmortem</name>
    <message>
        <source>%1 (at its worst %2)</source>
        <translation>%1 (in der Spitze %2)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Declared (UTC)</source>
        <translation>Ausgerufen (UTC)</translation>
    </message>
    <message>
        <source>Resolved (UTC)</source>
        <translation>Behoben (UTC)</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>nicht behoben</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 so far (still open when this was exported)</source>
        <translation>bisher %1 (beim Export noch offen)</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkungen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Who was affected and how: users, requests, revenue, data. Numbers where you have them.</source>
        <translation>Wer war wie betroffen: Nutzer, Anfragen, Umsatz, Daten. Zahlen, soweit vorhanden.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>All times are UTC, in the order things happened. Taken from the incident&apos;s timeline as it was recorded during the response.</source>
        <translation>Alle Zeiten in UTC, in der Reihenfolge des Geschehens. Übernommen aus der Zeitleiste des Vorfalls, wie sie während des Einsatzes festgehalten wurde.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>… (cut here; the incident file holds all of it)</source>
        <translation>… (hier gekürzt; die Vorfallsdatei enthält alles)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweise</translation>
    </message>
    <message>
        <source>No evidence was pinned during this incident.</source>
        <translation>Während dieses Vorfalls wurden keine Beweise angeheftet.</translation>
    </message>
    <message>
        <source>Pinned during the response: what was seen, as it was seen.</source>
        <translation>Während des Einsatzes angeheftet: was zu sehen war, so wie es zu sehen war.</translation>
    </message>
    <message>
        <source>E%1: %2</source>
        <translation>E%1: %2</translation>
    </message>
    <message>
        <source>Captured (UTC)</source>
        <translation>Erfasst (UTC)</translation>
    </message>
    <message>
        <source>Pinned by</source>
        <translation>Angeheftet von</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Postmortem: %1</source>
        <translation>Postmortem: %1</translation>
    </message>
    <message>
        <source>A blameless postmortem: it asks how the system and the response behaved and what made the failure possible, never who is to blame. Generated by Watchfloor on %1 UTC from the incident&apos;s timeline; the sections in italics are for the team to fill in.</source>
        <translation>Ein Postmortem ohne Schuldzuweisung: Es fragt, wie sich das System und der Einsatz verhalten haben und was den Ausfall möglich gemacht hat, niemals, wer schuld ist. Von Watchfloor am %1 UTC aus der Zeitleiste des Vorfalls erstellt; die kursiven Abschnitte füllt das Team aus.</translation>
    </message>
    <message>
        <source>Integrity: the timeline (%1 events) and the pinned evidence (%2) match their hash chain.</source>
        <translation>Integrität: Die Zeitleiste (%1 Einträge) und die angehefteten Beweise (%2) stimmen mit ihrer Hash-Kette überein.</translation>
    </message>
    <message>
        <source>Integrity warning: this record was changed outside Watchfloor.
%1</source>
        <translation>Integritätswarnung: Diese Aufzeichnung wurde außerhalb von Watchfloor verändert.
%1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>One paragraph: what broke, for whom, for how long, and what ended it.</source>
        <translation>Ein Absatz: Was ist ausgefallen, für wen, wie lange, und was hat es beendet?</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>No roles were assigned.</source>
        <translation>Es wurden keine Rollen vergeben.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>The story of the incident in order: the trigger, how it was noticed, what was tried, what worked.</source>
        <translation>Der Verlauf des Vorfalls der Reihe nach: der Auslöser, wie er bemerkt wurde, was versucht wurde, was funktioniert hat.</translation>
    </message>
    <message>
        <source>Contributing factors</source>
        <translation>Beitragende Faktoren</translation>
    </message>
    <message>
        <source>The conditions in systems and processes that made this possible or made it worse. Ask “how”, not “who”.</source>
        <translation>Die Bedingungen in Systemen und Prozessen, die dies ermöglicht oder verschlimmert haben. Fragen Sie „wie“, nicht „wer“.</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>Was gut lief</translation>
    </message>
    <message>
        <source>Detection, tools, decisions and people&apos;s work that limited the impact.</source>
        <translation>Erkennung, Werkzeuge, Entscheidungen und die Arbeit von Menschen, die die Auswirkungen begrenzt haben.</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Each item with one owner and a due date; prefer fixes that remove a class of failure.</source>
        <translation>Jede Maßnahme mit genau einer verantwortlichen Person und einem Fälligkeitsdatum; bevorzugen Sie Korrekturen, die eine ganze Klasse von Fehlern beseitigen.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2.</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation>Der Ordner „%1“ konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not lay out the PDF for “%1”.</source>
        <translation>Das Layout des PDF für „%1“ konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>“%1” does not end in .md, .html or .pdf, so the format is unclear.</source>
        <translation>„%1“ endet nicht auf .md, .html oder .pdf, daher ist das Format unklar.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>%1 before</source>
        <translation>%1 früher</translation>
    </message>
    <message>
        <source>%1 after</source>
        <translation>%1 später</translation>
    </message>
    <message>
        <source>Impact started (estimated, UTC)</source>
        <translation>Beginn der Auswirkung (geschätzt, UTC)</translation>
    </message>
    <message>
        <source>%1: “%2” %3 left its baseline (%4 → %5)</source>
        <translation>%1: „%2“ %3 hat die Baseline verlassen (%4 → %5)</translation>
    </message>
    <message>
        <source>not estimated: no panel data was kept with the incident</source>
        <translation>nicht geschätzt: Mit dem Incident wurden keine Panel-Daten gespeichert</translation>
    </message>
    <message>
        <source>not estimated: no series left its baseline before the declaration, or there was too little data before it</source>
        <translation>nicht geschätzt: Keine Serie hat vor dem Ausrufen ihre Baseline verlassen, oder davor gab es zu wenige Daten</translation>
    </message>
    <message>
        <source>First alert (UTC)</source>
        <translation>Erster Alarm (UTC)</translation>
    </message>
    <message>
        <source>no alert is on the timeline</source>
        <translation>kein Alarm in der Zeitleiste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation>Zeit bis zur Erkennung</translation>
    </message>
    <message>
        <source>first alert %1 impact started</source>
        <translation>erster Alarm %1 als der Beginn der Auswirkung</translation>
    </message>
    <message>
        <source>Time to declare</source>
        <translation>Zeit bis zum Ausrufen</translation>
    </message>
    <message>
        <source>declared %1 impact started</source>
        <translation>ausgerufen %1 als der Beginn der Auswirkung</translation>
    </message>
    <message>
        <source>Fired (UTC)</source>
        <translation>Ausgelöst (UTC)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Relative to impact start</source>
        <translation>Relativ zum Beginn der Auswirkung</translation>
    </message>
    <message>
        <source>No panel data was kept with this incident.</source>
        <translation>Mit diesem Incident wurden keine Panel-Daten gespeichert.</translation>
    </message>
    <message>
        <source>The panels&apos; data from %1 min before the declaration on; dashed lines mark the timeline&apos;s moments.</source>
        <translation>Die Daten der Panels ab %1 min vor dem Ausrufen; gestrichelte Linien markieren die Zeitpunkte der Zeitleiste.</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>How was it noticed? Would an alert or a check have caught it sooner, and what would it have looked at?</source>
        <translation>Wie wurde es bemerkt? Hätte ein Alarm oder eine Prüfung es früher erkannt, und was hätte dafür beobachtet werden müssen?</translation>
    </message>
    <message>
        <source>Dashboards during the incident</source>
        <translation>Dashboards während des Incidents</translation>
    </message>
    <message>
        <source>The template is longer than %1 characters.</source>
        <translation>Die Vorlage ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>line %1: a heading needs #, ## or ### and a title.</source>
        <translation>Zeile %1: Eine Überschrift braucht #, ## oder ### und einen Titel.</translation>
    </message>
    <message>
        <source>line %1: there is no section {{%2}}; use one of %3.</source>
        <translation>Zeile %1: Es gibt keinen Abschnitt {{%2}}; verwenden Sie einen von %3.</translation>
    </message>
    <message>
        <source>line %1: a {{section}} must stand on a line of its own.</source>
        <translation>Zeile %1: Ein {{section}} muss allein in einer Zeile stehen.</translation>
    </message>
    <message>
        <source>The template has more than %1 parts.</source>
        <translation>Die Vorlage hat mehr als %1 Teile.</translation>
    </message>
</context>
<context>
    <name>PromApiDecoder</name>
    <message>
        <source>invalid JSON (%1)</source>
        <translation>ungültiges JSON (%1)</translation>
    </message>
    <message>
        <source>The server&apos;s answer is JSON but not the Prometheus API (no &quot;status&quot;).</source>
        <translation>Die Antwort des Servers ist JSON, aber nicht die Prometheus-API (kein &quot;status&quot;).</translation>
    </message>
    <message>
        <source>&quot;status&quot; is neither &quot;success&quot; nor &quot;error&quot;</source>
        <translation>&quot;status&quot; ist weder &quot;success&quot; noch &quot;error&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or of the wrong type</source>
        <translation>&quot;%1&quot; fehlt oder hat den falschen Typ</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 entries are shown.</source>
        <translation>Nur die ersten %1 von %2 Einträgen werden angezeigt.</translation>
    </message>
</context>
<context>
    <name>PromResponseDecoder</name>
    <message>
        <source>invalid JSON (%1)</source>
        <translation>ungültiges JSON (%1)</translation>
    </message>
    <message>
        <source>a timestamp is not a number</source>
        <translation>ein Zeitstempel ist keine Zahl</translation>
    </message>
    <message>
        <source>a timestamp is out of range</source>
        <translation>ein Zeitstempel liegt außerhalb des Wertebereichs</translation>
    </message>
    <message>
        <source>a sample value is neither a string nor a number</source>
        <translation>ein Sample-Wert ist weder eine Zeichenkette noch eine Zahl</translation>
    </message>
    <message>
        <source>a sample value is not a number: &quot;%1&quot;</source>
        <translation>ein Sample-Wert ist keine Zahl: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a sample is not a [time, value] pair</source>
        <translation>ein Sample ist kein [time, value]-Paar</translation>
    </message>
    <message>
        <source>a sample has more than two elements</source>
        <translation>ein Sample hat mehr als zwei Elemente</translation>
    </message>
    <message>
        <source>the samples of a series are not in time order</source>
        <translation>die Samples einer Serie sind nicht zeitlich geordnet</translation>
    </message>
    <message>
        <source>The answer holds more than %1 samples; narrow the query or the time range, or choose a larger step.</source>
        <translation>Die Antwort enthält mehr als %1 Samples; grenzen Sie die Abfrage oder den Zeitbereich ein oder wählen Sie eine größere Schrittweite.</translation>
    </message>
    <message>
        <source>&quot;metric&quot; is not an object</source>
        <translation>&quot;metric&quot; ist kein Objekt</translation>
    </message>
    <message>
        <source>a label value is not a string</source>
        <translation>ein Label-Wert ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>A series has more than %1 bytes of labels.</source>
        <translation>Eine Serie hat mehr als %1 Bytes an Labels.</translation>
    </message>
    <message>
        <source>&quot;histograms&quot; is not an array</source>
        <translation>&quot;histograms&quot; ist kein Array</translation>
    </message>
    <message>
        <source>a result element is not an object</source>
        <translation>ein Ergebniselement ist kein Objekt</translation>
    </message>
    <message>
        <source>a series has &quot;metric&quot; twice</source>
        <translation>eine Serie hat &quot;metric&quot; doppelt</translation>
    </message>
    <message>
        <source>a series has its samples twice</source>
        <translation>eine Serie hat ihre Samples doppelt</translation>
    </message>
    <message>
        <source>&quot;values&quot; is not an array</source>
        <translation>&quot;values&quot; ist kein Array</translation>
    </message>
    <message>
        <source>a series has no &quot;metric&quot;</source>
        <translation>eine Serie hat kein &quot;metric&quot;</translation>
    </message>
    <message>
        <source>a series has no samples</source>
        <translation>eine Serie hat keine Samples</translation>
    </message>
    <message>
        <source>&quot;result&quot; appears twice</source>
        <translation>&quot;result&quot; kommt doppelt vor</translation>
    </message>
    <message>
        <source>&quot;result&quot; is not an array</source>
        <translation>&quot;result&quot; ist kein Array</translation>
    </message>
    <message>
        <source>a scalar or string result is not [time, &quot;text&quot;]</source>
        <translation>ein Skalar- oder String-Ergebnis ist nicht [time, &quot;text&quot;]</translation>
    </message>
    <message>
        <source>&quot;result&quot; mixes series with other values</source>
        <translation>&quot;result&quot; mischt Serien mit anderen Werten</translation>
    </message>
    <message>
        <source>&quot;data&quot; is not an object</source>
        <translation>&quot;data&quot; ist kein Objekt</translation>
    </message>
    <message>
        <source>&quot;resultType&quot; is not a string</source>
        <translation>&quot;resultType&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an array</source>
        <translation>&quot;%1&quot; ist kein Array</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds something else than text</source>
        <translation>&quot;%1&quot; enthält etwas anderes als Text</translation>
    </message>
    <message>
        <source>&quot;status&quot; is neither &quot;success&quot; nor &quot;error&quot;</source>
        <translation>&quot;status&quot; ist weder &quot;success&quot; noch &quot;error&quot;</translation>
    </message>
    <message>
        <source>&quot;data&quot; lacks &quot;resultType&quot; or &quot;result&quot;</source>
        <translation>in &quot;data&quot; fehlt &quot;resultType&quot; oder &quot;result&quot;</translation>
    </message>
    <message>
        <source>a %1 result holds a scalar</source>
        <translation>ein %1-Ergebnis enthält einen Skalar</translation>
    </message>
    <message>
        <source>a vector element holds a range of samples</source>
        <translation>ein Vektorelement enthält einen Bereich von Samples</translation>
    </message>
    <message>
        <source>a scalar result is not [time, &quot;value&quot;]</source>
        <translation>ein Skalar-Ergebnis ist nicht [time, &quot;value&quot;]</translation>
    </message>
    <message>
        <source>the scalar is not a number</source>
        <translation>der Skalar ist keine Zahl</translation>
    </message>
    <message>
        <source>a string result is not [time, &quot;text&quot;]</source>
        <translation>ein String-Ergebnis ist nicht [time, &quot;text&quot;]</translation>
    </message>
    <message>
        <source>unknown resultType &quot;%1&quot;</source>
        <translation>unbekannter resultType &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 series are shown; narrow the query.</source>
        <translation>Nur die ersten %1 von %2 Serien werden angezeigt; grenzen Sie die Abfrage ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n native histogram sample(s) were not shown: native histograms are not supported yet; query them with histogram_quantile() or histogram_count().</source>
        <translation>
            <numerusform>%n natives Histogramm-Sample wurde nicht angezeigt: Native Histogramme werden noch nicht unterstützt; fragen Sie sie mit histogram_quantile() oder histogram_count() ab.</numerusform>
            <numerusform>%n native Histogramm-Samples wurden nicht angezeigt: Native Histogramme werden noch nicht unterstützt; fragen Sie sie mit histogram_quantile() oder histogram_count() ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>invalid JSON (incomplete, or content after its end)</source>
        <translation>ungültiges JSON (unvollständig oder Inhalt nach dem Ende)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a string</source>
        <translation>&quot;%1&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>The server&apos;s answer is JSON but not the Prometheus API (no &quot;status&quot;).</source>
        <translation>Die Antwort des Servers ist JSON, aber nicht die Prometheus-API (kein &quot;status&quot;).</translation>
    </message>
    <message>
        <source>&quot;data&quot; is missing</source>
        <translation>&quot;data&quot; fehlt</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The network is shut down.</source>
        <translation>Das Netzwerk ist heruntergefahren.</translation>
    </message>
    <message>
        <source>The data source has no valid URL: &quot;%1&quot;.</source>
        <translation>Die Datenquelle hat keine gültige URL: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>Die Abfrage ist leer.</translation>
    </message>
    <message>
        <source>The step must be longer than zero.</source>
        <translation>Die Schrittweite muss größer als null sein.</translation>
    </message>
    <message>
        <source>The time range ends before it starts.</source>
        <translation>Der Zeitbereich endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>no target reports a scrape interval</source>
        <translation>kein Target meldet ein Scrape-Intervall</translation>
    </message>
    <message>
        <source>the configuration has no readable global.scrape_interval</source>
        <translation>die Konfiguration hat kein lesbares global.scrape_interval</translation>
    </message>
</context>
<context>
    <name>PrometheusErrors</name>
    <message>
        <source>no error text</source>
        <translation>kein Fehlertext</translation>
    </message>
    <message>
        <source>The query was rejected: %1</source>
        <translation>Die Abfrage wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>The query failed on the server: %1</source>
        <translation>Die Abfrage ist auf dem Server fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server gave up on the query (timeout): %1</source>
        <translation>Der Server hat die Abfrage abgebrochen (Zeitüberschreitung): %1</translation>
    </message>
    <message>
        <source>The server is unavailable (overloaded or starting): %1</source>
        <translation>Der Server ist nicht verfügbar (überlastet oder startet gerade): %1</translation>
    </message>
    <message>
        <source>The server reported an error (%1): %2</source>
        <translation>Der Server hat einen Fehler gemeldet (%1): %2</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid (HTTP 400).</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt (HTTP 400).</translation>
    </message>
    <message>
        <source>The server refused access (HTTP %1): check the user, password or token.</source>
        <translation>Der Server hat den Zugriff verweigert (HTTP %1): Prüfen Sie Benutzer, Passwort oder Token.</translation>
    </message>
    <message>
        <source>The server has no such API (HTTP 404): check the data source URL.</source>
        <translation>Der Server hat keine solche API (HTTP 404): Prüfen Sie die URL der Datenquelle.</translation>
    </message>
    <message>
        <source>The query could not be executed (HTTP 422).</source>
        <translation>Die Abfrage konnte nicht ausgeführt werden (HTTP 422).</translation>
    </message>
    <message>
        <source>The server is unavailable (HTTP 503): it may be overloaded or starting.</source>
        <translation>Der Server ist nicht verfügbar (HTTP 503): Er ist möglicherweise überlastet oder startet gerade.</translation>
    </message>
    <message>
        <source>A gateway timed out waiting for the server (HTTP 504).</source>
        <translation>Ein Gateway hat beim Warten auf den Server das Zeitlimit überschritten (HTTP 504).</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>The server answered with a web page, not the Prometheus API (a proxy or login page?): %1</source>
        <translation>Der Server hat mit einer Webseite geantwortet, nicht mit der Prometheus-API (ein Proxy oder eine Anmeldeseite?): %1</translation>
    </message>
    <message>
        <source>The server answered with an empty body, not the Prometheus API.</source>
        <translation>Der Server hat mit einem leeren Inhalt geantwortet, nicht mit der Prometheus-API.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the Prometheus API&apos;s JSON: %1</source>
        <translation>Die Antwort des Servers ist nicht das JSON der Prometheus-API: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer does not follow the Prometheus API: %1</source>
        <translation>Die Antwort des Servers entspricht nicht der Prometheus-API: %1</translation>
    </message>
</context>
<context>
    <name>PrometheusMetricsSource</name>
    <message>
        <source>The data source was removed.</source>
        <translation>Die Datenquelle wurde entfernt.</translation>
    </message>
    <message>
        <source>PromQL, evaluated by the server.</source>
        <translation>PromQL, vom Server ausgewertet.</translation>
    </message>
</context>
<context>
    <name>Runbook</name>
    <message>
        <source>program %1 was not found on the PATH</source>
        <translation>Programm %1 wurde im PATH nicht gefunden</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;.&quot; or &quot;..&quot; in a URL</source>
        <translation>%1 darf in einer URL nicht „.“ oder „..“ sein</translation>
    </message>
    <message>
        <source>the URL is not valid with these values</source>
        <translation>mit diesen Werten ist die URL ungültig</translation>
    </message>
    <message>
        <source>header %1 would contain a line break or control character</source>
        <translation>Header %1 würde einen Zeilenumbruch oder ein Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>[output truncated: %1 more bytes not kept]</source>
        <translation>[Ausgabe gekürzt: %1 weitere Bytes nicht behalten]</translation>
    </message>
    <message>
        <source>the check did not answer within %1 ms</source>
        <translation>die Prüfung hat nicht innerhalb von %1 ms geantwortet</translation>
    </message>
    <message>
        <source>this check needs a Prometheus connection, which is not configured</source>
        <translation>diese Prüfung braucht eine Prometheus-Verbindung, die nicht konfiguriert ist</translation>
    </message>
    <message>
        <source>the local signal store is not available</source>
        <translation>der lokale Signalspeicher ist nicht verfügbar</translation>
    </message>
    <message>
        <source>value %1, condition %2: %3</source>
        <translation>Wert %1, Bedingung %2: %3</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>does not hold</source>
        <translation>nicht erfüllt</translation>
    </message>
    <message>
        <source>the condition %1 does not hold (value %2)</source>
        <translation>die Bedingung %1 ist nicht erfüllt (Wert %2)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cancelled; the process was killed</source>
        <translation>abgebrochen; der Prozess wurde zwangsweise beendet</translation>
    </message>
    <message>
        <source>timed out after %1 ms; the process was killed</source>
        <translation>Zeitüberschreitung nach %1 ms; der Prozess wurde zwangsweise beendet</translation>
    </message>
    <message>
        <source>the process crashed</source>
        <translation>der Prozess ist abgestürzt</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>der Server antwortete mit %1</translation>
    </message>
    <message>
        <source>no data for %1 in the last %2 s</source>
        <translation>keine Daten für %1 in den letzten %2 s</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters</source>
        <translation>%1: länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>%1: contains a control character (such as a line break)</source>
        <translation>%1: enthält ein Steuerzeichen (etwa einen Zeilenumbruch)</translation>
    </message>
    <message>
        <source>%1: does not match the pattern %2</source>
        <translation>%1: entspricht nicht dem Muster %2</translation>
    </message>
    <message>
        <source>%1: expected a whole number</source>
        <translation>%1: Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3</source>
        <translation>%1: muss zwischen %2 und %3 liegen</translation>
    </message>
    <message>
        <source>%1: expected one of %2</source>
        <translation>%1: einer dieser Werte erwartet: %2</translation>
    </message>
    <message>
        <source>%1: a service name is lower-case letters, digits and - (not at either end)</source>
        <translation>%1: ein Dienstname besteht aus Kleinbuchstaben, Ziffern und - (nicht am Anfang oder Ende)</translation>
    </message>
    <message>
        <source>%1: not a parameter of this runbook</source>
        <translation>%1: kein Parameter dieses Runbooks</translation>
    </message>
    <message>
        <source>%1: a value is required</source>
        <translation>%1: ein Wert ist erforderlich</translation>
    </message>
    <message>
        <source>the file is larger than 1 MiB</source>
        <translation>die Datei ist größer als 1 MiB</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>expected key: value pairs</source>
        <translation>Paare der Form key: value erwartet</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>expected a single value</source>
        <translation>einzelner Wert erwartet</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected a list of single values</source>
        <translation>Liste einzelner Werte erwartet</translation>
    </message>
    <message>
        <source>expected a single value for %1</source>
        <translation>einzelner Wert für %1 erwartet</translation>
    </message>
    <message>
        <source>expected a duration such as 500ms, 30s, 5m or 1h</source>
        <translation>Dauer wie 500ms, 30s, 5m oder 1h erwartet</translation>
    </message>
    <message>
        <source>must be more than 0 and at most 24h</source>
        <translation>muss größer als 0 und höchstens 24h sein</translation>
    </message>
    <message>
        <source>must be letters, digits and _ (not starting with a digit)</source>
        <translation>darf nur Buchstaben, Ziffern und _ enthalten (nicht mit einer Ziffer beginnend)</translation>
    </message>
    <message>
        <source>expected string, int, enum or service</source>
        <translation>string, int, enum oder service erwartet</translation>
    </message>
    <message>
        <source>not a valid regular expression: %1</source>
        <translation>kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>an int parameter needs min and max</source>
        <translation>ein int-Parameter braucht min und max</translation>
    </message>
    <message>
        <source>is less than min</source>
        <translation>ist kleiner als min</translation>
    </message>
    <message>
        <source>an enum parameter needs a list of values</source>
        <translation>ein enum-Parameter braucht eine Liste von Werten</translation>
    </message>
    <message>
        <source>must be lower-case letters, digits, - and _</source>
        <translation>darf nur Kleinbuchstaben, Ziffern, - und _ enthalten</translation>
    </message>
    <message>
        <source>declared twice</source>
        <translation>doppelt deklariert</translation>
    </message>
    <message>
        <source>more than 1000 values</source>
        <translation>mehr als 1000 Werte</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>expected a comparison such as &quot;&lt; 1%&quot; or &quot;&gt;= 3&quot;</source>
        <translation>Vergleich wie „&lt; 1%“ oder „&gt;= 3“ erwartet</translation>
    </message>
    <message>
        <source>a step block must hold key: value pairs</source>
        <translation>ein step-Block muss Paare der Form key: value enthalten</translation>
    </message>
    <message>
        <source>expected http, command, check, confirm or approval</source>
        <translation>http, command, check, confirm oder approval erwartet</translation>
    </message>
    <message>
        <source>expected GET, POST, PUT, PATCH, DELETE or HEAD</source>
        <translation>GET, POST, PUT, PATCH, DELETE oder HEAD erwartet</translation>
    </message>
    <message>
        <source>give either json or body, not both</source>
        <translation>entweder json oder body angeben, nicht beides</translation>
    </message>
    <message>
        <source>expected rate, raw, mean or quantile</source>
        <translation>rate, raw, mean oder quantile erwartet</translation>
    </message>
    <message>
        <source>expected a number between 0 and 1</source>
        <translation>Zahl zwischen 0 und 1 erwartet</translation>
    </message>
    <message>
        <source>expected local or prometheus</source>
        <translation>local oder prometheus erwartet</translation>
    </message>
    <message>
        <source>a confirm step needs at least one outcome</source>
        <translation>ein confirm-Schritt braucht mindestens ein Ergebnis</translation>
    </message>
    <message>
        <source>{{%1}} is not a declared parameter</source>
        <translation>{{%1}} ist kein deklarierter Parameter</translation>
    </message>
    <message>
        <source>step id &quot;%1&quot; is used twice</source>
        <translation>Schritt-ID „%1“ wird zweimal verwendet</translation>
    </message>
    <message>
        <source>expected stop, continue or a step id; there is no step &quot;%1&quot;</source>
        <translation>stop, continue oder eine Schritt-ID erwartet; es gibt keinen Schritt „%1“</translation>
    </message>
    <message>
        <source>a dangerous step needs the runbook&apos;s service, which is typed to confirm it</source>
        <translation>ein gefährlicher Schritt braucht den Dienst des Runbooks, dessen Name zur Bestätigung eingegeben wird</translation>
    </message>
    <message>
        <source>must start with http:// or https:// (not a placeholder)</source>
        <translation>muss mit http:// oder https:// beginnen (kein Platzhalter)</translation>
    </message>
    <message>
        <source>not a valid http or https URL</source>
        <translation>keine gültige http- oder https-URL</translation>
    </message>
    <message>
        <source>a header name cannot hold a placeholder</source>
        <translation>ein Header-Name darf keinen Platzhalter enthalten</translation>
    </message>
    <message>
        <source>a fixed body cannot hold placeholders; use json, whose values are escaped</source>
        <translation>ein fester body darf keine Platzhalter enthalten; verwenden Sie json, dessen Werte maskiert werden</translation>
    </message>
    <message>
        <source>the program cannot be a placeholder</source>
        <translation>das Programm darf kein Platzhalter sein</translation>
    </message>
    <message>
        <source>the working directory cannot be a placeholder</source>
        <translation>das Arbeitsverzeichnis darf kein Platzhalter sein</translation>
    </message>
    <message>
        <source>outcome &quot;%1&quot; leads to &quot;%2&quot;, which is not a step id</source>
        <translation>Ergebnis „%1“ führt zu „%2“, das keine Schritt-ID ist</translation>
    </message>
    <message>
        <source>the front matter opened here is not closed with ---</source>
        <translation>der hier begonnene Front-Matter-Block wird nicht mit --- geschlossen</translation>
    </message>
    <message>
        <source>the %1 block opened here is not closed</source>
        <translation>der hier begonnene %1-Block wird nicht geschlossen</translation>
    </message>
    <message>
        <source>the runbook&apos;s metadata is given twice</source>
        <translation>die Metadaten des Runbooks sind doppelt angegeben</translation>
    </message>
    <message>
        <source>a step comes before the runbook&apos;s metadata (front matter or a runbook block)</source>
        <translation>ein Schritt steht vor den Metadaten des Runbooks (Front Matter oder runbook-Block)</translation>
    </message>
    <message>
        <source>more than %1 steps</source>
        <translation>mehr als %1 Schritte</translation>
    </message>
    <message>
        <source>no runbook metadata: start the file with front matter (---) holding id and title</source>
        <translation>keine Runbook-Metadaten: Beginnen Sie die Datei mit Front Matter (---), das id und title enthält</translation>
    </message>
    <message>
        <source>the runbook has no ```step blocks</source>
        <translation>das Runbook hat keine ```step-Blöcke</translation>
    </message>
    <message>
        <source>line %1, field %2: %3</source>
        <translation>Zeile %1, Feld %2: %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a step is running; its values cannot change now</source>
        <translation>ein Schritt läuft; die Werte können jetzt nicht geändert werden</translation>
    </message>
    <message>
        <source>there is no step &quot;%1&quot;</source>
        <translation>es gibt keinen Schritt „%1“</translation>
    </message>
    <message>
        <source>the runbook&apos;s parameters have no valid values yet</source>
        <translation>die Parameter des Runbooks haben noch keine gültigen Werte</translation>
    </message>
    <message>
        <source>dangerous: type %1 to run it</source>
        <translation>gefährlich: Geben Sie zum Ausführen %1 ein</translation>
    </message>
    <message>
        <source>automation is stopped (kill switch engaged by %1)</source>
        <translation>die Automatisierung ist angehalten (Not-Aus ausgelöst von %1)</translation>
    </message>
    <message>
        <source>step %1 is still running</source>
        <translation>Schritt %1 läuft noch</translation>
    </message>
    <message>
        <source>no operator name: the timeline must say who ran the step</source>
        <translation>kein Bedienername: Die Zeitleiste muss festhalten, wer den Schritt ausgeführt hat</translation>
    </message>
    <message>
        <source>step %1 is dangerous: type the service name %2 to run it</source>
        <translation>Schritt %1 ist gefährlich: Geben Sie zum Ausführen den Dienstnamen %2 ein</translation>
    </message>
    <message>
        <source>step %1 needs the name of the person who approves it</source>
        <translation>Schritt %1 braucht den Namen der Person, die ihn freigibt</translation>
    </message>
    <message>
        <source>step %1 must be approved by someone other than %2</source>
        <translation>Schritt %1 muss von jemand anderem als %2 freigegeben werden</translation>
    </message>
    <message>
        <source>step %1 needs a decision: choose one of its outcomes</source>
        <translation>Schritt %1 braucht eine Entscheidung: Wählen Sie eines seiner Ergebnisse</translation>
    </message>
    <message>
        <source>no HTTP client is available</source>
        <translation>kein HTTP-Client verfügbar</translation>
    </message>
    <message>
        <source>only a failed or cancelled step can be retried</source>
        <translation>nur ein fehlgeschlagener oder abgebrochener Schritt kann wiederholt werden</translation>
    </message>
    <message>
        <source>no step has failed; there is nothing to resume</source>
        <translation>kein Schritt ist fehlgeschlagen; es gibt nichts fortzusetzen</translation>
    </message>
    <message>
        <source>%1 / %2: started</source>
        <translation>%1 / %2: gestartet</translation>
    </message>
    <message>
        <source>not run: the timeline could not record its start</source>
        <translation>nicht ausgeführt: Die Zeitleiste konnte den Start nicht festhalten</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>decision: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation>%1 / %2: %3</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>a decision is needed: %1</source>
        <translation>eine Entscheidung ist nötig: %1</translation>
    </message>
    <message>
        <source>a second person must approve: %1</source>
        <translation>eine zweite Person muss freigeben: %1</translation>
    </message>
    <message>
        <source>a dangerous step: type %1 to run it</source>
        <translation>ein gefährlicher Schritt: Geben Sie zum Ausführen %1 ein</translation>
    </message>
    <message>
        <source>no active incident to record the dry-run in</source>
        <translation>kein aktiver Vorfall, in dem der Probelauf festgehalten werden kann</translation>
    </message>
    <message>
        <source>%1 / %2: dry-run</source>
        <translation>%1 / %2: Probelauf</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
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
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>&quot;{{&quot; at column %1 does not start a placeholder such as {{service}}</source>
        <translation>„{{“ in Spalte %1 beginnt keinen Platzhalter wie {{service}}</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No secret is stored for this data source.</source>
        <translation>Für diese Datenquelle ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>No system keychain is reachable (%1). The credentials are kept in memory for this session only and were not saved anywhere; enter them again after restarting Watchfloor, or start a keychain service (GNOME Keyring, KWallet) to keep them.</source>
        <translation>Kein System-Schlüsselbund erreichbar (%1). Die Zugangsdaten werden nur für diese Sitzung im Arbeitsspeicher gehalten und wurden nirgends gespeichert; geben Sie sie nach einem Neustart von Watchfloor erneut ein, oder starten Sie einen Schlüsselbunddienst (GNOME Keyring, KWallet), um sie zu behalten.</translation>
    </message>
    <message>
        <source>no Secret Service</source>
        <translation>kein Secret Service</translation>
    </message>
</context>
<context>
    <name>SeriesStore</name>
    <message>
        <source>%1 is a histogram: ask for a quantile or the mean, not raw values.</source>
        <translation>%1 ist ein Histogramm: Fragen Sie nach einem Quantil oder dem Mittelwert, nicht nach Rohwerten.</translation>
    </message>
    <message>
        <source>%1 is a gauge: a rate needs a monotonic counter; show its raw values.</source>
        <translation>%1 ist ein Messwert: Eine Rate braucht einen monotonen Zähler; zeigen Sie die Rohwerte.</translation>
    </message>
    <message>
        <source>%1 is a sum that can go down: a rate needs a monotonic counter; show its raw values.</source>
        <translation>%1 ist eine Summe, die sinken kann: Eine Rate braucht einen monotonen Zähler; zeigen Sie die Rohwerte.</translation>
    </message>
    <message>
        <source>%1 is not a histogram: quantiles and means need a histogram.</source>
        <translation>%1 ist kein Histogramm: Quantile und Mittelwerte brauchen ein Histogramm.</translation>
    </message>
    <message>
        <source>The step must be longer than zero.</source>
        <translation>Die Schrittweite muss größer als null sein.</translation>
    </message>
    <message>
        <source>The time range is empty: it must end after it starts.</source>
        <translation>Der Zeitraum ist leer: Er muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>A quantile must lie between 0 and 1.</source>
        <translation>Ein Quantil muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>No metric named &quot;%1&quot; has been received.</source>
        <translation>Es wurde keine Metrik namens „%1“ empfangen.</translation>
    </message>
    <message>
        <source>The step is too small for this time range (more than %1 points); choose a larger step.</source>
        <translation>Die Schrittweite ist für diesen Zeitraum zu klein (mehr als %1 Punkte); wählen Sie eine größere.</translation>
    </message>
    <message>
        <source>Invalid regular expression for %1: %2</source>
        <translation>Ungültiger regulärer Ausdruck für %1: %2</translation>
    </message>
</context>
<context>
    <name>ServiceGraph</name>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>external</source>
        <translation>extern</translation>
    </message>
</context>
<context>
    <name>ServiceGraphView</name>
    <message>
        <source>%1 req/s · %2 % err · p95 %3 ms</source>
        <translation>%1 req/s · %2 % Fehler · p95 %3 ms</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>jetzt: %1</translation>
    </message>
    <message>
        <source>baseline: %1</source>
        <translation>Baseline: %1</translation>
    </message>
    <message>
        <source>p50 %1 ms, p99 %2 ms</source>
        <translation>p50 %1 ms, p99 %2 ms</translation>
    </message>
    <message>
        <source>declared in the catalog, no traffic seen</source>
        <translation>im Katalog deklariert, kein Traffic beobachtet</translation>
    </message>
    <message>
        <source>asynchronous (through a queue)</source>
        <translation>asynchron (über eine Warteschlange)</translation>
    </message>
    <message>
        <source>%1/s · %2 % err</source>
        <translation>%1/s · %2 % Fehler</translation>
    </message>
    <message>
        <source>no traffic</source>
        <translation>kein Traffic</translation>
    </message>
    <message numerus="yes">
        <source>%1: a collapsed group of %n nodes (double-click to expand)</source>
        <translation>
            <numerusform>%1: eine eingeklappte Gruppe aus %n Knoten (Doppelklick zum Ausklappen)</numerusform>
            <numerusform>%1: eine eingeklappte Gruppe aus %n Knoten (Doppelklick zum Ausklappen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failing, %2 degraded</source>
        <translation>%1 fehlerhaft, %2 beeinträchtigt</translation>
    </message>
    <message>
        <source>traces and metrics</source>
        <translation>Traces und Metriken</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>observed in %1</source>
        <translation>beobachtet in %1</translation>
    </message>
    <message>
        <source>observed in %1 and declared</source>
        <translation>beobachtet in %1 und deklariert</translation>
    </message>
    <message>
        <source>metrics: %1 req/s · %2 % err · p95 %3</source>
        <translation>Metriken: %1 req/s · %2 % Fehler · p95 %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n nodes)</source>
        <translation>
            <numerusform>%1 (%n Knoten)</numerusform>
            <numerusform>%1 (%n Knoten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignalStore</name>
    <message>
        <source>“%1” is not a Watchfloor signal store (application id 0x%2); it was left unchanged.</source>
        <translation>„%1“ ist kein Watchfloor-Signalspeicher (Anwendungs-ID 0x%2); die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>“%1” was written by a newer Watchfloor (signal store schema %2, this version knows %3); it was left unchanged.</source>
        <translation>„%1“ wurde von einem neueren Watchfloor geschrieben (Signalspeicher-Schema %2, diese Version kennt %3); die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>“%1” is not a Watchfloor signal store: it is not an SQLite database; it was left unchanged.</source>
        <translation>„%1“ ist kein Watchfloor-Signalspeicher: keine SQLite-Datenbank; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>“%1” is damaged (%2); it was left unchanged.</source>
        <translation>„%1“ ist beschädigt (%2); die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot open the signal store “%1”: %2.</source>
        <translation>Der Signalspeicher „%1“ kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>The signal store could not be read: %1</source>
        <translation>Der Signalspeicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The signal store “%1” does not exist.</source>
        <translation>Der Signalspeicher „%1“ existiert nicht.</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>The panel holds more data than an incident file keeps (%1 series, %2 points at most).</source>
        <translation>Das Panel enthält mehr Daten, als eine Incident-Datei speichert (höchstens %1 Serien, %2 Punkte).</translation>
    </message>
    <message>
        <source>A panel snapshot needs a title.</source>
        <translation>Ein Panel-Snapshot braucht einen Titel.</translation>
    </message>
    <message>
        <source>The snapshot&apos;s time range ends before it starts.</source>
        <translation>Der Zeitbereich des Snapshots endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>A series has more times than values.</source>
        <translation>Eine Serie hat mehr Zeitpunkte als Werte.</translation>
    </message>
    <message>
        <source>A series has more than %1 labels.</source>
        <translation>Eine Serie hat mehr als %1 Labels.</translation>
    </message>
    <message>
        <source>A panel snapshot is damaged: %1</source>
        <translation>Ein Panel-Snapshot ist beschädigt: %1</translation>
    </message>
    <message>
        <source>it is too short.</source>
        <translation>er ist zu kurz.</translation>
    </message>
    <message>
        <source>it does not decompress.</source>
        <translation>er lässt sich nicht dekomprimieren.</translation>
    </message>
    <message>
        <source>it ends early or holds values out of range.</source>
        <translation>er endet zu früh oder enthält Werte außerhalb des Wertebereichs.</translation>
    </message>
    <message>
        <source>it is not in a format this version reads.</source>
        <translation>er liegt in keinem Format vor, das diese Version liest.</translation>
    </message>
    <message>
        <source>it has bytes after its last series.</source>
        <translation>er hat Bytes nach seiner letzten Serie.</translation>
    </message>
    <message>
        <source>“%1” was not kept: %2</source>
        <translation>„%1“ wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Snapshot %1 (“%2”) does not match its checksum: it was changed after it was written.</source>
        <translation>Snapshot %1 („%2“) stimmt nicht mit seiner Prüfsumme überein: Er wurde nach dem Schreiben verändert.</translation>
    </message>
    <message>
        <source>Snapshot %1 (“%2”): %3</source>
        <translation>Snapshot %1 („%2“): %3</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
</context>
<context>
    <name>SourceCredentials</name>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation>Basic-Authentifizierung benötigt einen Benutzernamen.</translation>
    </message>
    <message>
        <source>The user name cannot contain a colon (basic authentication separates user and password with one).</source>
        <translation>Der Benutzername darf keinen Doppelpunkt enthalten (die Basic-Authentifizierung trennt Benutzer und Passwort durch einen Doppelpunkt).</translation>
    </message>
    <message>
        <source>Bearer authentication needs a token.</source>
        <translation>Bearer-Authentifizierung benötigt ein Token.</translation>
    </message>
    <message>
        <source>Credentials cannot contain line breaks.</source>
        <translation>Zugangsdaten dürfen keine Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>At most %1 custom headers are allowed.</source>
        <translation>Höchstens %1 benutzerdefinierte Header sind erlaubt.</translation>
    </message>
    <message>
        <source>“%1” is not a valid header name.</source>
        <translation>„%1“ ist kein gültiger Header-Name.</translation>
    </message>
    <message>
        <source>The value of header “%1” contains a line break.</source>
        <translation>Der Wert des Headers „%1“ enthält einen Zeilenumbruch.</translation>
    </message>
    <message>
        <source>The value of header “%1” is longer than %2 bytes.</source>
        <translation>Der Wert des Headers „%1“ ist länger als %2 Bytes.</translation>
    </message>
    <message>
        <source>An Authorization header cannot be combined with basic or bearer authentication.</source>
        <translation>Ein Authorization-Header kann nicht mit Basic- oder Bearer-Authentifizierung kombiniert werden.</translation>
    </message>
    <message>
        <source>The header “%1” is set by Watchfloor itself.</source>
        <translation>Der Header „%1“ wird von Watchfloor selbst gesetzt.</translation>
    </message>
    <message>
        <source>Header line %1 is not “Name: value”.</source>
        <translation>Header-Zeile %1 hat nicht die Form „Name: Wert“.</translation>
    </message>
    <message>
        <source>“%1” on header line %2 is not a valid header name.</source>
        <translation>„%1“ in Header-Zeile %2 ist kein gültiger Header-Name.</translation>
    </message>
</context>
<context>
    <name>SpanDetails</name>
    <message>
        <source>(%1 attributes dropped)</source>
        <translation>(%1 Attribute verworfen)</translation>
    </message>
    <message numerus="yes">
        <source> … [%n more characters]</source>
        <translation>
            <numerusform> … [%n weiteres Zeichen]</numerusform>
            <numerusform> … [%n weitere Zeichen]</numerusform>
        </translation>
    </message>
    <message>
        <source>Span %1, trace %2</source>
        <translation>Span %1, Trace %2</translation>
    </message>
    <message>
        <source>Parent %1</source>
        <translation>Eltern-Span %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Start: +%1, duration %2, self time %3</source>
        <translation>Start: +%1, Dauer %2, Eigenzeit %3</translation>
    </message>
    <message>
        <source>Status: ERROR %1</source>
        <translation>Status: ERROR %1</translation>
    </message>
    <message>
        <source>Status: OK</source>
        <translation>Status: OK</translation>
    </message>
    <message>
        <source>Warning: parent span not in the trace</source>
        <translation>Warnung: Eltern-Span nicht im Trace</translation>
    </message>
    <message>
        <source>Warning: parent links formed a cycle, broken here</source>
        <translation>Warnung: Eltern-Verknüpfungen bildeten einen Zyklus, hier aufgebrochen</translation>
    </message>
    <message>
        <source>Warning: clock skew against the parent span%1</source>
        <translation>Warnung: Uhrzeitabweichung gegenüber dem Eltern-Span%1</translation>
    </message>
    <message>
        <source> (shifted for display)</source>
        <translation> (für die Anzeige verschoben)</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
</context>
<context>
    <name>SymptomRanking</name>
    <message>
        <source>errors in %1 % of the symptom&apos;s %2 failing traces, first error in %3 %; error-rate correlation %4, latency correlation %5; own error rate %6 % (baseline %7 %)</source>
        <translation>Fehler in %1 % der %2 fehlgeschlagenen Traces des Symptoms, erster Fehler in %3 %; Fehlerraten-Korrelation %4, Latenz-Korrelation %5; eigene Fehlerrate %6 % (Baseline %7 %)</translation>
    </message>
</context>
<context>
    <name>ThresholdText</name>
    <message>
        <source>At most 50 thresholds.</source>
        <translation>Höchstens 50 Schwellenwerte.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>Thresholds must increase: %1 after %2.</source>
        <translation>Schwellenwerte müssen ansteigen: %1 nach %2.</translation>
    </message>
    <message>
        <source>“%1”: write a colour first, then “value colour” steps.</source>
        <translation>„%1“: Geben Sie zuerst eine Farbe an, dann Stufen im Format „Wert Farbe“.</translation>
    </message>
    <message>
        <source>“%1” is not a colour.</source>
        <translation>„%1“ ist keine Farbe.</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>“%1” is not a time: use now, now-6h, now/d, epoch milliseconds or an ISO date.</source>
        <translation>„%1“ ist keine Zeitangabe: Verwenden Sie now, now-6h, now/d, Epoch-Millisekunden oder ein ISO-Datum.</translation>
    </message>
    <message>
        <source>The start of the time range must be before its end.</source>
        <translation>Der Beginn des Zeitbereichs muss vor seinem Ende liegen.</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 3 hours</source>
        <translation>Letzte 3 Stunden</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Letzte 2 Tage</translation>
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
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Today so far</source>
        <translation>Heute bis jetzt</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This week so far</source>
        <translation>Diese Woche bis jetzt</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Declared</source>
        <translation>Ausgerufen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>Statuswechsel</translation>
    </message>
    <message>
        <source>Severity change</source>
        <translation>Schweregrad geändert</translation>
    </message>
    <message>
        <source>Role change</source>
        <translation>Rollenwechsel</translation>
    </message>
    <message>
        <source>Alert fired</source>
        <translation>Alarm ausgelöst</translation>
    </message>
    <message>
        <source>Alert resolved</source>
        <translation>Alarm aufgehoben</translation>
    </message>
    <message>
        <source>Runbook step started</source>
        <translation>Runbook-Schritt gestartet</translation>
    </message>
    <message>
        <source>Runbook step finished</source>
        <translation>Runbook-Schritt beendet</translation>
    </message>
    <message>
        <source>Evidence pinned</source>
        <translation>Beweis angeheftet</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>External link</source>
        <translation>Externer Link</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>There is no incident %1 in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es keinen Vorfall %1.</translation>
    </message>
    <message>
        <source>A timeline event needs an author.</source>
        <translation>Ein Zeitleisten-Eintrag braucht einen Urheber.</translation>
    </message>
    <message>
        <source>This kind of event changes the incident; use its own action.</source>
        <translation>Diese Art von Eintrag ändert den Vorfall; verwenden Sie die eigene Aktion dafür.</translation>
    </message>
    <message>
        <source>An incident in status “%1” cannot move to “%2”.</source>
        <translation>Ein Vorfall im Status „%1“ kann nicht zu „%2“ wechseln.</translation>
    </message>
    <message>
        <source>The incident is already %1.</source>
        <translation>Der Vorfall ist bereits %1.</translation>
    </message>
    <message>
        <source>A role needs a name.</source>
        <translation>Eine Rolle braucht einen Namen.</translation>
    </message>
    <message>
        <source>Event %1 is not part of this incident&apos;s timeline.</source>
        <translation>Eintrag %1 gehört nicht zur Zeitleiste dieses Vorfalls.</translation>
    </message>
    <message>
        <source>The timeline of incident “%1” has a gap before event %2: an earlier event was removed or replaced.</source>
        <translation>Die Zeitleiste des Vorfalls „%1“ hat vor Eintrag %2 eine Lücke: Ein früherer Eintrag wurde entfernt oder ersetzt.</translation>
    </message>
    <message>
        <source>Event %2 in the timeline of incident “%1” was changed after it was saved.</source>
        <translation>Eintrag %2 in der Zeitleiste des Vorfalls „%1“ wurde nach dem Speichern verändert.</translation>
    </message>
    <message>
        <source>The timeline of incident “%1” ends early: events after %2 are missing.</source>
        <translation>Die Zeitleiste des Vorfalls „%1“ endet zu früh: Einträge nach %2 fehlen.</translation>
    </message>
    <message>
        <source>Declared %1: %2</source>
        <translation>%1 ausgerufen: %2</translation>
    </message>
    <message>
        <source>Declared %1: %2 (services: %3)</source>
        <translation>%1 ausgerufen: %2 (Dienste: %3)</translation>
    </message>
    <message>
        <source>Status %1 → %2</source>
        <translation>Status %1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Severity %1 → %2</source>
        <translation>Schweregrad %1 → %2</translation>
    </message>
    <message>
        <source>Role %1 cleared</source>
        <translation>Rolle %1 freigegeben</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <source>Correction of event %1: %2</source>
        <translation>Korrektur von Eintrag %1: %2</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Evidence pinned: %1</source>
        <translation>Beweis angeheftet: %1</translation>
    </message>
</context>
<context>
    <name>TraceApiResponses</name>
    <message>
        <source>The %1 response is larger than %2 MiB</source>
        <translation>Die %1-Antwort ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>The %1 response is not valid JSON (%2 at byte %3)</source>
        <translation>Die %1-Antwort ist kein gültiges JSON (%2 bei Byte %3)</translation>
    </message>
    <message>
        <source>The %1 response is not a JSON object</source>
        <translation>Die %1-Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <source>Jaeger answered with an error (%1): %2</source>
        <translation>Jaeger hat mit einem Fehler geantwortet (%1): %2</translation>
    </message>
    <message>
        <source>Jaeger answered with an error: %1</source>
        <translation>Jaeger hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>The Jaeger response has no &quot;data&quot; list</source>
        <translation>Die Jaeger-Antwort hat keine &quot;data&quot;-Liste</translation>
    </message>
    <message>
        <source>The Jaeger response lists a name that is not a string</source>
        <translation>Die Jaeger-Antwort enthält einen Namen, der keine Zeichenkette ist</translation>
    </message>
    <message>
        <source>The Jaeger response is larger than %1 MiB</source>
        <translation>Die Jaeger-Antwort ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>The Tempo search response has no &quot;traces&quot; list</source>
        <translation>Die Tempo-Suchantwort hat keine &quot;traces&quot;-Liste</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) without a valid trace id or start time were left out</source>
        <translation>
            <numerusform>%n Ergebnis ohne gültige Trace-ID oder Startzeit wurde ausgelassen</numerusform>
            <numerusform>%n Ergebnisse ohne gültige Trace-ID oder Startzeit wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>The Tempo response has no &quot;tagValues&quot; list</source>
        <translation>Die Tempo-Antwort hat keine &quot;tagValues&quot;-Liste</translation>
    </message>
</context>
<context>
    <name>TraceListModel</name>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Trace %1
Services: %2
%n span(s) with errors</source>
        <translation>
            <numerusform>Trace %1
Dienste: %2
%n Span mit Fehlern</numerusform>
            <numerusform>Trace %1
Dienste: %2
%n Spans mit Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>TraceSearch</name>
    <message>
        <source>&quot;%1&quot; is not a key=value pair</source>
        <translation>&quot;%1&quot; ist kein Schlüssel=Wert-Paar</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; has no closing quote</source>
        <translation>Dem Wert von &quot;%1&quot; fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>request refused</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>TraceTree</name>
    <message>
        <source>Span id of %1 appears more than once; the first is shown</source>
        <translation>Span-ID von %1 kommt mehrfach vor; der erste Span wird angezeigt</translation>
    </message>
    <message>
        <source>Parent %1 of %2 is not in the trace; shown as a root</source>
        <translation>Eltern-Span %1 von %2 ist nicht im Trace; als Wurzel angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>Parent links of %n spans form a cycle; broken at %1</source>
        <translation>
            <numerusform>Eltern-Verknüpfungen von %n Span bilden einen Zyklus; bei %1 aufgebrochen</numerusform>
            <numerusform>Eltern-Verknüpfungen von %n Spans bilden einen Zyklus; bei %1 aufgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 starts %2 µs before its parent (clock skew?)</source>
        <translation>%1 beginnt %2 µs vor seinem Eltern-Span (Uhrzeitabweichung?)</translation>
    </message>
    <message>
        <source>%1 ends %2 µs after its parent (clock skew?)</source>
        <translation>%1 endet %2 µs nach seinem Eltern-Span (Uhrzeitabweichung?)</translation>
    </message>
</context>
<context>
    <name>UnitFormat</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Short (K, Mil, Bil)</source>
        <translation>Kurz (K, Mil, Bil)</translation>
    </message>
    <message>
        <source>Percent (0-100)</source>
        <translation>Prozent (0-100)</translation>
    </message>
    <message>
        <source>Percent (0.0-1.0)</source>
        <translation>Prozent (0.0-1.0)</translation>
    </message>
    <message>
        <source>Bytes (IEC: KiB, MiB)</source>
        <translation>Bytes (IEC: KiB, MiB)</translation>
    </message>
    <message>
        <source>Bytes (SI: kB, MB)</source>
        <translation>Bytes (SI: kB, MB)</translation>
    </message>
    <message>
        <source>Bits (IEC)</source>
        <translation>Bits (IEC)</translation>
    </message>
    <message>
        <source>Bits (SI)</source>
        <translation>Bits (SI)</translation>
    </message>
    <message>
        <source>Bytes/s (SI)</source>
        <translation>Bytes/s (SI)</translation>
    </message>
    <message>
        <source>Bytes/s (IEC)</source>
        <translation>Bytes/s (IEC)</translation>
    </message>
    <message>
        <source>Bits/s</source>
        <translation>Bits/s</translation>
    </message>
    <message>
        <source>Nanoseconds</source>
        <translation>Nanosekunden</translation>
    </message>
    <message>
        <source>Microseconds</source>
        <translation>Mikrosekunden</translation>
    </message>
    <message>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Operations/s</source>
        <translation>Operationen/s</translation>
    </message>
    <message>
        <source>Reads/s</source>
        <translation>Lesevorgänge/s</translation>
    </message>
    <message>
        <source>Writes/s</source>
        <translation>Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>I/O operations/s</source>
        <translation>E/A-Operationen/s</translation>
    </message>
    <message>
        <source>Hertz</source>
        <translation>Hertz</translation>
    </message>
    <message>
        <source>Celsius (°C)</source>
        <translation>Celsius (°C)</translation>
    </message>
    <message>
        <source>Fahrenheit (°F)</source>
        <translation>Fahrenheit (°F)</translation>
    </message>
    <message>
        <source>Dollars ($)</source>
        <translation>Dollar ($)</translation>
    </message>
    <message>
        <source>Euros (€)</source>
        <translation>Euro (€)</translation>
    </message>
</context>
<context>
    <name>VariableResolver</name>
    <message>
        <source>The metrics source cannot answer %1 queries.</source>
        <translation>Die Metrikquelle kann keine %1-Abfragen beantworten.</translation>
    </message>
    <message>
        <source>The regex “%1” is not valid: %2.</source>
        <translation>Der reguläre Ausdruck „%1“ ist ungültig: %2.</translation>
    </message>
    <message>
        <source>“%1” is not a variable query: use label_values(label), label_values(selector, label), label_names(), metrics(regex) or query_result(expr).</source>
        <translation>„%1“ ist keine Variablen-Abfrage: Verwenden Sie label_values(label), label_values(selector, label), label_names(), metrics(regex) oder query_result(expr).</translation>
    </message>
</context>
<context>
    <name>WatchfloorJson</name>
    <message>
        <source>The dashboard&apos;s version field is not valid.</source>
        <translation>Das Versionsfeld des Dashboards ist ungültig.</translation>
    </message>
    <message>
        <source>The dashboard was written by a newer Watchfloor (format %1; this version reads format %2). Update Watchfloor to open it.</source>
        <translation>Das Dashboard wurde von einer neueren Watchfloor-Version geschrieben (Format %1; diese Version liest Format %2). Aktualisieren Sie Watchfloor, um es zu öffnen.</translation>
    </message>
    <message>
        <source>Too many panels; the rest are not opened.</source>
        <translation>Zu viele Panels; der Rest wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>The variable&apos;s name or kind is not valid.</source>
        <translation>Name oder Art der Variable ist ungültig.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>migration %1 (%2): %3</source>
        <translation>Migration %1 (%2): %3</translation>
    </message>
    <message>
        <source>the file ends inside its header</source>
        <translation>die Datei endet innerhalb ihres Headers</translation>
    </message>
    <message>
        <source>invalid page size %1</source>
        <translation>ungültige Seitengröße %1</translation>
    </message>
    <message>
        <source>invalid file format bytes</source>
        <translation>ungültige Dateiformat-Bytes</translation>
    </message>
    <message>
        <source>unsupported schema format %1</source>
        <translation>nicht unterstütztes Schemaformat %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>“%1” is open read-only; the change was not saved.</source>
        <translation>„%1“ ist schreibgeschützt geöffnet; die Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The workspace file “%1” does not exist.</source>
        <translation>Die Arbeitsbereichsdatei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create the workspace “%1”: its folder does not exist.</source>
        <translation>Der Arbeitsbereich „%1“ kann nicht erstellt werden: Sein Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” is not a file, so it cannot be a Watchfloor workspace.</source>
        <translation>„%1“ ist keine Datei und kann daher kein Watchfloor-Arbeitsbereich sein.</translation>
    </message>
    <message>
        <source>Cannot create the workspace “%1”: the file or its folder is read-only.</source>
        <translation>Der Arbeitsbereich „%1“ kann nicht erstellt werden: Die Datei oder ihr Ordner ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>the file is not writable</source>
        <translation>die Datei ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>its folder is not writable, so SQLite cannot keep its write-ahead log there</source>
        <translation>ihr Ordner ist nicht beschreibbar, daher kann SQLite dort kein Write-Ahead-Log anlegen</translation>
    </message>
    <message>
        <source>“%1” cannot be opened for editing: %2. Open it read-only to view it; nothing was changed.</source>
        <translation>„%1“ kann nicht zum Bearbeiten geöffnet werden: %2. Öffnen Sie die Datei schreibgeschützt, um sie anzusehen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2.</source>
        <translation>„%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>“%1” is an empty file, not a Watchfloor workspace. Nothing was changed.</source>
        <translation>„%1“ ist eine leere Datei, kein Watchfloor-Arbeitsbereich. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is not a Watchfloor workspace: it is not an SQLite database. Nothing was changed.</source>
        <translation>„%1“ ist kein Watchfloor-Arbeitsbereich: Es handelt sich nicht um eine SQLite-Datenbank. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be opened (%2). Nothing was changed.</source>
        <translation>„%1“ ist beschädigt und kann nicht geöffnet werden (%2). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is an SQLite database of another application (application id 0x%2), not a Watchfloor workspace. Nothing was changed.</source>
        <translation>„%1“ ist eine SQLite-Datenbank einer anderen Anwendung (Anwendungs-ID 0x%2), kein Watchfloor-Arbeitsbereich. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” was written by a newer Watchfloor (schema %2, this version knows %3); nothing was changed.</source>
        <translation>„%1“ wurde von einer neueren Watchfloor-Version geschrieben (Schema %2, diese Version kennt %3); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be opened (it is truncated: %2 of %3 bytes). Nothing was changed.</source>
        <translation>„%1“ ist beschädigt und kann nicht geöffnet werden (die Datei ist abgeschnitten: %2 von %3 Bytes). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is an SQLite database but not a Watchfloor workspace (application id 0x%2). Nothing was changed.</source>
        <translation>„%1“ ist eine SQLite-Datenbank, aber kein Watchfloor-Arbeitsbereich (Anwendungs-ID 0x%2). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” is locked by another program (%2). Nothing was changed.</source>
        <translation>„%1“ ist durch ein anderes Programm gesperrt (%2). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2.</source>
        <translation>„%1“ kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened for editing: SQLite could only open it read-only. Open it read-only to view it; nothing was changed.</source>
        <translation>„%1“ kann nicht zum Bearbeiten geöffnet werden: SQLite konnte die Datei nur schreibgeschützt öffnen. Öffnen Sie sie schreibgeschützt, um sie anzusehen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not upgrade “%1” from schema %2 to %3 (%4). The failed step was rolled back.</source>
        <translation>„%1“ konnte nicht von Schema %2 auf %3 aktualisiert werden (%4). Der fehlgeschlagene Schritt wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>“%1” is an empty SQLite database, not a Watchfloor workspace. Nothing was changed.</source>
        <translation>„%1“ ist eine leere SQLite-Datenbank, kein Watchfloor-Arbeitsbereich. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“%1” uses an older workspace format (schema %2, this version uses %3). Upgrading it needs it opened for editing; nothing was changed.</source>
        <translation>„%1“ verwendet ein älteres Arbeitsbereichsformat (Schema %2, diese Version verwendet %3). Für die Aktualisierung muss die Datei zum Bearbeiten geöffnet werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Not saved: the disk that holds “%1” is full. Free some space on it, then try again.</source>
        <translation>Nicht gespeichert: Der Datenträger mit „%1“ ist voll. Geben Sie dort Platz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not saved: the disk could not write “%1” (%2). Check that the disk is connected and working, then try again.</source>
        <translation>Nicht gespeichert: Der Datenträger konnte „%1“ nicht schreiben (%2). Prüfen Sie, ob der Datenträger angeschlossen ist und funktioniert, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try &apos;watchfloor --help&apos; for more information.</source>
        <translation>Weitere Informationen mit „watchfloor --help“.</translation>
    </message>
</context>
<context>
    <name>wf::RunbookView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Use these values</source>
        <translation>Diese Werte verwenden</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1 (dangerous)</source>
        <translation>%1 (gefährlich)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Dry-run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>stopped from the runbook view</source>
        <translation>aus der Runbook-Ansicht angehalten</translation>
    </message>
    <message>
        <source>Dangerous step</source>
        <translation>Gefährlicher Schritt</translation>
    </message>
    <message>
        <source>%1 is marked dangerous. Type the service name %2 to run it:</source>
        <translation>%1 ist als gefährlich markiert. Geben Sie zum Ausführen den Dienstnamen %2 ein:</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>%1
Name of the person who approves (not you):</source>
        <translation>%1
Name der Person, die freigibt (nicht Sie):</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 wird ausgeführt…</translation>
    </message>
    <message>
        <source>Re-arm automation</source>
        <translation>Automatisierung wieder aktivieren</translation>
    </message>
    <message>
        <source>Stop all automation</source>
        <translation>Gesamte Automatisierung anhalten</translation>
    </message>
</context>
<context>
    <name>wf::SourceHealthModel</name>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>%1 (%2) at %3: %4</source>
        <translation>%1 (%2) unter %3: %4</translation>
    </message>
    <message>
        <source>answered in %1 ms</source>
        <translation>Antwort in %1 ms</translation>
    </message>
    <message>
        <source>checked %1 UTC</source>
        <translation>geprüft %1 UTC</translation>
    </message>
    <message>
        <source>TLS verification off: the server&apos;s identity is not checked.</source>
        <translation>TLS-Überprüfung deaktiviert: Die Identität des Servers wird nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>wf::SourceHealthMonitor</name>
    <message>
        <source>Slow: answered in %1 ms (more than %2 ms).</source>
        <translation>Langsam: Antwort in %1 ms (mehr als %2 ms).</translation>
    </message>
    <message>
        <source>This kind of source is not probed.</source>
        <translation>Diese Art von Quelle wird nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>wf::SourcesController</name>
    <message>
        <source>The data sources could not be read: %1</source>
        <translation>Die Datenquellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The stored credentials of “%1” are unreadable; enter them again.</source>
        <translation>Die gespeicherten Zugangsdaten von „%1“ sind nicht lesbar; geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>The credentials of “%1” could not be read: %2</source>
        <translation>Die Zugangsdaten von „%1“ konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The credentials could not be saved in the system keychain: %1</source>
        <translation>Die Zugangsdaten konnten nicht im System-Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>wf::TimelineModel</name>
    <message>
        <source>Event %1 by %2 at %3
%4
SHA-256 %5…</source>
        <translation>Eintrag %1 von %2 um %3
%4
SHA-256 %5…</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>wf::analysis::SeriesTableModel</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>wf::app::AppController</name>
    <message>
        <source>Only one workspace can be open at a time, so %1 was not opened.</source>
        <translation>Es kann nur ein Arbeitsbereich gleichzeitig geöffnet sein, daher wurde %1 nicht geöffnet.</translation>
    </message>
    <message>
        <source>Some files could not be opened</source>
        <translation>Einige Dateien konnten nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot start the demo</source>
        <translation>Die Demo kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Could not create a temporary folder for the demo workspace: %1</source>
        <translation>Für den Demo-Arbeitsbereich konnte kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>This is an incident file, open read-only for review. Export a postmortem from the Incident menu.</source>
        <translation>Dies ist eine Vorfallsdatei, zur Durchsicht schreibgeschützt geöffnet. Exportieren Sie ein Postmortem über das Menü „Vorfall“.</translation>
    </message>
    <message>
        <source>Nothing was pinned: declare an incident first (Incident ▸ Declare).</source>
        <translation>Nichts angeheftet: Rufen Sie zuerst einen Incident aus (Incident ▸ Ausrufen).</translation>
    </message>
    <message>
        <source>Pin the service graph&apos;s blast radius, its picture and its numbers, to the active incident&apos;s timeline</source>
        <translation>Den Blast Radius des Service-Graphen, sein Bild und seine Zahlen, an die Zeitleiste der aktiven Störung heften</translation>
    </message>
    <message>
        <source>Declare an incident first: the blast radius is pinned to the active incident</source>
        <translation>Rufen Sie zuerst eine Störung aus: Der Blast Radius wird an die aktive Störung geheftet</translation>
    </message>
    <message>
        <source>Trace file %1 (Esc closes)</source>
        <translation>Trace-Datei %1 (Esc schließt)</translation>
    </message>
    <message>
        <source>Cannot open trace file</source>
        <translation>Trace-Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Log file %1 (Esc closes)</source>
        <translation>Log-Datei %1 (Esc schließt)</translation>
    </message>
    <message>
        <source>Cannot open log file</source>
        <translation>Log-Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>OTLP &amp;receiver…</source>
        <translation>OTLP-&amp;Empfänger…</translation>
    </message>
    <message>
        <source>The port of Watchfloor&apos;s own OTLP/HTTP receiver, and whether it listens beyond this machine</source>
        <translation>Der Port des eigenen OTLP/HTTP-Empfängers von Watchfloor und ob er über diesen Rechner hinaus lauscht</translation>
    </message>
    <message>
        <source>Metrics around %1&apos;s span</source>
        <translation>Metriken um den Span von %1</translation>
    </message>
    <message>
        <source>%1. Nothing new is received until the port is free or changed in File ▸ OTLP receiver…; what was received before is still shown.</source>
        <translation>%1. Neues wird erst empfangen, wenn der Port frei ist oder unter Datei ▸ OTLP-Empfänger… geändert wurde; bereits Empfangenes wird weiter angezeigt.</translation>
    </message>
    <message>
        <source>Open a dashboard to see the metrics of %1 (File ▸ Open dashboard…)</source>
        <translation>Öffnen Sie ein Dashboard, um die Metriken von %1 zu sehen (Datei ▸ Dashboard öffnen…)</translation>
    </message>
</context>
<context>
    <name>wf::app::DashboardPresenter</name>
    <message>
        <source>Cannot open dashboard</source>
        <translation>Dashboard kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>The current tab is not a dashboard opened from a file. Open one with File ▸ Open dashboard first.</source>
        <translation>Der aktuelle Tab ist kein aus einer Datei geöffnetes Dashboard. Öffnen Sie zuerst eines mit Datei ▸ Dashboard öffnen.</translation>
    </message>
    <message>
        <source>Cannot export dashboard</source>
        <translation>Dashboard kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Dashboard exported to %1</source>
        <translation>Dashboard nach %1 exportiert</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>Nichts zu speichern</translation>
    </message>
    <message>
        <source>The current tab is not a dashboard. Open one with File ▸ Open dashboard first.</source>
        <translation>Der aktuelle Tab ist kein Dashboard. Öffnen Sie zuerst eines mit Datei ▸ Dashboard öffnen.</translation>
    </message>
    <message>
        <source>Cannot save dashboard</source>
        <translation>Dashboard kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>No workspace is open for writing. Open a workspace with File ▸ Open workspace.</source>
        <translation>Es ist kein Arbeitsbereich zum Schreiben geöffnet. Öffnen Sie einen Arbeitsbereich mit Datei ▸ Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Dashboard “%1” saved in the workspace</source>
        <translation>Dashboard „%1“ im Arbeitsbereich gespeichert</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Open a workspace to see its saved dashboards.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine gespeicherten Dashboards zu sehen.</translation>
    </message>
    <message>
        <source>Cannot list dashboards</source>
        <translation>Dashboards können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot delete dashboard</source>
        <translation>Dashboard kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>The dashboard %1 is no longer in the workspace.</source>
        <translation>Das Dashboard %1 ist nicht mehr im Arbeitsbereich.</translation>
    </message>
</context>
<context>
    <name>wf::app::DemoMode</name>
    <message>
        <source>Shop overview</source>
        <translation>Shop-Übersicht</translation>
    </message>
    <message>
        <source>Restart demo shop</source>
        <translation>Demo-Shop neu starten</translation>
    </message>
    <message>
        <source>Start the simulated shop again; its incident starts over</source>
        <translation>Den simulierten Shop erneut starten; sein Vorfall beginnt von vorn</translation>
    </message>
    <message>
        <source>Restarting the demo shop…</source>
        <translation>Demo-Shop wird neu gestartet…</translation>
    </message>
    <message>
        <source>The demo shop stopped: %1. The data received so far stays; use &quot;Restart demo shop&quot; in the status bar to start it again.</source>
        <translation>Der Demo-Shop wurde beendet: %1. Die bisher empfangenen Daten bleiben; mit „Demo-Shop neu starten“ in der Statusleiste startet er erneut.</translation>
    </message>
</context>
<context>
    <name>wf::app::HeadlessRunbook</name>
    <message>
        <source>Cannot read the runbook “%1”: %2</source>
        <translation>Das Runbook „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The runbook “%1” has no steps.</source>
        <translation>Das Runbook „%1“ hat keine Schritte.</translation>
    </message>
    <message>
        <source>There is no incident %1 in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es keinen Incident %1.</translation>
    </message>
    <message>
        <source>No incident is open in this workspace: declare one first.</source>
        <translation>In diesem Arbeitsbereich ist kein Incident offen: Rufen Sie zuerst einen aus.</translation>
    </message>
    <message>
        <source>automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>Stopped before step “%1”: %2</source>
        <translation>Vor Schritt „%1“ angehalten: %2</translation>
    </message>
    <message>
        <source>Step “%1” %2: %3</source>
        <translation>Schritt „%1“ %2: %3</translation>
    </message>
    <message>
        <source>A timeline event was not saved.</source>
        <translation>Ein Zeitleisten-Eintrag wurde nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>wf::app::IncidentPresenter</name>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Timeline integrity</source>
        <translation>Integrität der Zeitleiste</translation>
    </message>
    <message>
        <source>This workspace&apos;s incident history was changed outside Watchfloor:

%1</source>
        <translation>Die Vorfallshistorie dieses Arbeitsbereichs wurde außerhalb von Watchfloor verändert:

%1</translation>
    </message>
</context>
<context>
    <name>wf::app::LogBrowserWiring</name>
    <message>
        <source>The stored logs could not be opened: %1</source>
        <translation>Die gespeicherten Logs konnten nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>wf::app::PostmortemPresenter</name>
    <message>
        <source>Pinned “%1” to the incident</source>
        <translation>„%1“ an den Vorfall angeheftet</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export postmortem</source>
        <translation>Postmortem exportieren</translation>
    </message>
    <message>
        <source>Export incident file</source>
        <translation>Vorfallsdatei exportieren</translation>
    </message>
    <message>
        <source>Watchfloor incident files (*.watchfloor)</source>
        <translation>Watchfloor-Vorfallsdateien (*.watchfloor)</translation>
    </message>
    <message>
        <source>Exporting the postmortem…</source>
        <translation>Postmortem wird exportiert…</translation>
    </message>
    <message>
        <source>The postmortem was not exported: %1</source>
        <translation>Das Postmortem wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Postmortem saved to %1</source>
        <translation>Postmortem unter %1 gespeichert</translation>
    </message>
    <message>
        <source>Exporting the incident file…</source>
        <translation>Vorfallsdatei wird exportiert…</translation>
    </message>
    <message>
        <source>The incident file was not written: %1</source>
        <translation>Die Vorfallsdatei wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>The dashboards could not be captured.</source>
        <translation>Die Dashboards konnten nicht erfasst werden.</translation>
    </message>
    <message>
        <source>Dashboards at %1 UTC</source>
        <translation>Dashboards, Stand %1 UTC</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Incident file saved to %1 (%2 events, %3 evidence, %4 panel snapshots, verified)</source>
        <translation>Incident-Datei unter %1 gespeichert (%2 Einträge, %3 Beweise, %4 Panel-Snapshots, geprüft)</translation>
    </message>
    <message>
        <source>The postmortem template could not be read: %1</source>
        <translation>Die Postmortem-Vorlage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Postmortem template saved in this workspace</source>
        <translation>Postmortem-Vorlage in diesem Arbeitsbereich gespeichert</translation>
    </message>
    <message>
        <source>The postmortem template was not saved: %1</source>
        <translation>Die Postmortem-Vorlage wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>wf::app::ReceiverSettingsDialog</name>
    <message>
        <source>Listen on all interfaces</source>
        <translation>Auf allen Schnittstellen lauschen</translation>
    </message>
    <message>
        <source>OTLP receiver</source>
        <translation>OTLP-Empfänger</translation>
    </message>
    <message>
        <source>Watchfloor receives OTLP/HTTP itself (POST /v1/traces, /v1/logs, /v1/metrics), so a workstation with no backend still works. Changes apply now, to the open workspace.</source>
        <translation>Watchfloor empfängt OTLP/HTTP selbst (POST /v1/traces, /v1/logs, /v1/metrics), damit ein Arbeitsplatz auch ohne Backend funktioniert. Änderungen gelten sofort für den geöffneten Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The TCP port senders use; 4318 is the OTLP/HTTP default</source>
        <translation>Der TCP-Port, den Sender verwenden; 4318 ist der Standard für OTLP/HTTP</translation>
    </message>
    <message>
        <source>Warning: other machines on the network can then reach the receiver. Each start makes a new bearer token that senders must present (shown in the Sources dock). Leave off to listen on 127.0.0.1 only.</source>
        <translation>Warnung: Andere Rechner im Netzwerk können den Empfänger dann erreichen. Jeder Start erzeugt ein neues Bearer-Token, das Sender vorlegen müssen (angezeigt im Quellen-Dock). Ausgeschaltet lassen, um nur auf 127.0.0.1 zu lauschen.</translation>
    </message>
    <message>
        <source>⚠ Other machines on the network can reach the receiver. Senders need the bearer token shown in the Sources dock.</source>
        <translation>⚠ Andere Rechner im Netzwerk können den Empfänger erreichen. Sender benötigen das im Quellen-Dock angezeigte Bearer-Token.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
</context>
<context>
    <name>wf::app::RunbooksPresenter</name>
    <message>
        <source>Runbook folder</source>
        <translation>Runbook-Ordner</translation>
    </message>
</context>
<context>
    <name>wf::app::SnapshotReview</name>
    <message>
        <source>During the incident</source>
        <translation>Während des Incidents</translation>
    </message>
    <message>
        <source>What the dashboards showed over the incident&apos;s window, from the incident file</source>
        <translation>Was die Dashboards im Zeitfenster des Incidents zeigten, aus der Incident-Datei</translation>
    </message>
</context>
<context>
    <name>wf::app::SourcesPresenter</name>
    <message>
        <source>Remove data source</source>
        <translation>Datenquelle entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” from this workspace? Panels that query it will show no data.</source>
        <translation>„%1“ aus diesem Arbeitsbereich entfernen? Panels, die sie abfragen, zeigen dann keine Daten.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
</context>
<context>
    <name>wf::app::TelemetryViews</name>
    <message>
        <source>The trace could not be read for pinning: %1</source>
        <translation>Der Trace konnte zum Anheften nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Listening on %1 (port %2 was in use)</source>
        <translation>Lauscht auf %1 (Port %2 war belegt)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>OTLP/HTTP on every interface: POST /v1/traces, /v1/logs and /v1/metrics with the header &quot;Authorization: Bearer %1&quot; (a new token each start)</source>
        <translation>OTLP/HTTP auf allen Schnittstellen: POST /v1/traces, /v1/logs und /v1/metrics mit dem Header &quot;Authorization: Bearer %1&quot; (bei jedem Start ein neues Token)</translation>
    </message>
    <message>
        <source>OTLP/HTTP on loopback: POST /v1/traces, /v1/logs and /v1/metrics</source>
        <translation>OTLP/HTTP auf Loopback: POST /v1/traces, /v1/logs und /v1/metrics</translation>
    </message>
    <message>
        <source>Not receiving: %1</source>
        <translation>Kein Empfang: %1</translation>
    </message>
    <message>
        <source>OTLP receiver off</source>
        <translation>OTLP-Empfänger aus</translation>
    </message>
    <message>
        <source>Watchfloor&apos;s OTLP receiver and the spans it accepts per second</source>
        <translation>Der OTLP-Empfänger von Watchfloor und die Spans, die er pro Sekunde annimmt</translation>
    </message>
    <message>
        <source>OTLP %1</source>
        <translation>OTLP %1</translation>
    </message>
    <message>
        <source>OTLP %1 · %2 spans/s</source>
        <translation>OTLP %1 · %2 Spans/s</translation>
    </message>
    <message>
        <source>Service graph</source>
        <translation>Service-Graph</translation>
    </message>
    <message>
        <source>The live service graph and blast radius (Ctrl+Shift+G)</source>
        <translation>Der Live-Service-Graph und der Blast Radius (Strg+Umschalt+G)</translation>
    </message>
    <message numerus="yes">
        <source>Service graph (%n failing)</source>
        <translation>
            <numerusform>Service-Graph (%n fehlerhaft)</numerusform>
            <numerusform>Service-Graph (%n fehlerhaft)</numerusform>
        </translation>
    </message>
    <message>
        <source>Declare an incident first: the blast radius is pinned to the active incident</source>
        <translation>Erklären Sie zuerst eine Störung: Der Blast Radius wird an die aktive Störung angeheftet</translation>
    </message>
    <message>
        <source>Nothing was pinned: the service graph has no data yet.</source>
        <translation>Nichts angeheftet: Der Service-Graph hat noch keine Daten.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>The newest log lines, live</source>
        <translation>Die neuesten Logzeilen, live</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>The newest %L1 lines grouped by message template; patterns that first appeared after the incident was declared are marked new</source>
        <translation>Die neuesten %L1 Zeilen, nach Nachrichtenvorlage gruppiert; Muster, die erst nach der Erklärung der Störung auftraten, sind als neu markiert</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>All stored lines: search, filters and volume by level; double-click a pattern to see its lines here</source>
        <translation>Alle gespeicherten Zeilen: Suche, Filter und Volumen nach Stufe; Doppelklick auf ein Muster zeigt hier seine Zeilen</translation>
    </message>
    <message>
        <source>Logs: trace %1</source>
        <translation>Logs: Trace %1</translation>
    </message>
    <message>
        <source>Log records of trace %1 (Esc closes)</source>
        <translation>Log-Einträge von Trace %1 (Esc schließt)</translation>
    </message>
    <message>
        <source>The trace could not be read: %1</source>
        <translation>Der Trace konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>it has no spans yet</source>
        <translation>er hat noch keine Spans</translation>
    </message>
    <message>
        <source>Trace: %1</source>
        <translation>Trace: %1</translation>
    </message>
    <message>
        <source>%1 %2, trace %3 (Esc closes)</source>
        <translation>%1 %2, Trace %3 (Esc schließt)</translation>
    </message>
    <message>
        <source>Change the port in File ▸ OTLP receiver…, or stop the program that holds it, then reopen the workspace</source>
        <translation>Ändern Sie den Port unter Datei ▸ OTLP-Empfänger… oder beenden Sie das Programm, das ihn belegt, und öffnen Sie dann den Arbeitsbereich erneut</translation>
    </message>
</context>
<context>
    <name>wf::app::TraceSearchPresenter</name>
    <message>
        <source>Trace search</source>
        <translation>Trace-Suche</translation>
    </message>
    <message>
        <source>Search traces by service, operation, tags, duration and errors (Esc closes)</source>
        <translation>Traces nach Dienst, Operation, Tags, Dauer und Fehlern suchen (Esc schließt)</translation>
    </message>
    <message>
        <source>Trace: %1</source>
        <translation>Trace: %1</translation>
    </message>
    <message>
        <source>%1 %2, trace %3 (Esc closes)</source>
        <translation>%1 %2, Trace %3 (Esc schließt)</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Vergleich: %1</translation>
    </message>
    <message>
        <source>%1 against the baseline %2 (Esc closes)</source>
        <translation>%1 gegenüber der Baseline %2 (Esc schließt)</translation>
    </message>
</context>
<context>
    <name>wf::live::LiveTelemetry</name>
    <message>
        <source>Could not open the signal store for received telemetry: %1</source>
        <translation>Der Signalspeicher für empfangene Telemetrie konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Watchfloor&apos;s OTLP receiver is off: %1</source>
        <translation>Der OTLP-Empfänger von Watchfloor ist aus: %1</translation>
    </message>
    <message>
        <source>Could not start the OTLP receiver on port %1 (%2) nor on any other port: %3</source>
        <translation>Der OTLP-Empfänger konnte weder auf Port %1 (%2) noch auf einem anderen Port gestartet werden: %3</translation>
    </message>
</context>
<context>
    <name>wf::logs::LogPatternModel</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>First seen after the incident started</source>
        <translation>Erstmals nach Beginn des Incidents gesehen</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
</context>
<context>
    <name>wf::logs::LokiTail</name>
    <message>
        <source>The live tail broke (%1); polling instead</source>
        <translation>Der Live-Tail ist abgebrochen (%1); stattdessen wird Polling verwendet</translation>
    </message>
    <message>
        <source>The live tail could not connect (%1); polling instead</source>
        <translation>Der Live-Tail konnte keine Verbindung herstellen (%1); stattdessen wird Polling verwendet</translation>
    </message>
    <message>
        <source>A malformed tail message was skipped: %1</source>
        <translation>Eine fehlerhafte Tail-Nachricht wurde übersprungen: %1</translation>
    </message>
    <message>
        <source>Polling Loki failed: %1</source>
        <translation>Polling von Loki fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>wf::net::HttpClient</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Invalid request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Unsupported scheme</source>
        <translation>Nicht unterstütztes Schema</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Zeitüberschreitung beim Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>Too many redirects</source>
        <translation>Zu viele Weiterleitungen</translation>
    </message>
    <message>
        <source>Response too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>HTTP-Fehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>%1 redirected to an invalid location</source>
        <translation>%1 hat auf ein ungültiges Ziel weitergeleitet</translation>
    </message>
    <message>
        <source>Invalid URL</source>
        <translation>Ungültige URL</translation>
    </message>
    <message>
        <source>Invalid request: %1</source>
        <translation>Ungültige Anfrage: %1</translation>
    </message>
    <message>
        <source>%1 redirected to a &quot;%2&quot; URL, which is refused: only http and https are allowed</source>
        <translation>%1 hat auf eine „%2“-URL weitergeleitet, die abgelehnt wird: Nur http und https sind erlaubt</translation>
    </message>
    <message>
        <source>Refused to use the &quot;%1&quot; scheme (%2): only http and https are allowed</source>
        <translation>Das Schema „%1“ wird abgelehnt (%2): Nur http und https sind erlaubt</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>Could not resolve host %1</source>
        <translation>Host %1 konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>Connection to %1 refused</source>
        <translation>Verbindung zu %1 abgelehnt</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s</source>
        <translation>Keine Verbindung zu %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>No complete response from %1 within %2 s</source>
        <translation>Keine vollständige Antwort von %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation>TLS-Fehler bei %1: %2</translation>
    </message>
    <message>
        <source>Too many redirects (more than %1), last at %2</source>
        <translation>Zu viele Weiterleitungen (mehr als %1), zuletzt bei %2</translation>
    </message>
    <message>
        <source>Response headers from %1 exceed %2</source>
        <translation>Antwort-Header von %1 überschreiten %2</translation>
    </message>
    <message>
        <source>Response from %1 exceeds the %2 limit</source>
        <translation>Antwort von %1 überschreitet das Limit von %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>Request to %1 cancelled</source>
        <translation>Anfrage an %1 abgebrochen</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>Netzwerkfehler bei %1: %2</translation>
    </message>
</context>
<context>
    <name>wf::traces::JaegerClient</name>
    <message>
        <source>Jaeger (%1)</source>
        <translation>Jaeger (%1)</translation>
    </message>
    <message>
        <source>Jaeger needs a service to search in</source>
        <translation>Jaeger benötigt einen Dienst, in dem gesucht wird</translation>
    </message>
    <message>
        <source>Jaeger sent no trace</source>
        <translation>Jaeger hat keinen Trace gesendet</translation>
    </message>
</context>
<context>
    <name>wf::traces::LocalTraceSource</name>
    <message>
        <source>Local store</source>
        <translation>Lokaler Speicher</translation>
    </message>
    <message>
        <source>Trace %1 is not in the local store</source>
        <translation>Trace %1 ist nicht im lokalen Speicher</translation>
    </message>
</context>
<context>
    <name>wf::traces::TempoClient</name>
    <message>
        <source>Tempo (%1)</source>
        <translation>Tempo (%1)</translation>
    </message>
    <message>
        <source>Tempo&apos;s search results carry no error counts</source>
        <translation>Die Suchergebnisse von Tempo enthalten keine Fehleranzahlen</translation>
    </message>
    <message>
        <source>Tempo&apos;s answer does not hold trace %1</source>
        <translation>Die Antwort von Tempo enthält Trace %1 nicht</translation>
    </message>
</context>
<context>
    <name>wf::ui::AboutDialog</name>
    <message>
        <source>%1 (no TLS backend)</source>
        <translation>%1 (ohne TLS-Backend)</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>Watchfloor %1</source>
        <translation>Watchfloor %1</translation>
    </message>
    <message>
        <source>An incident-command dashboard: live signals, blast radius, runbooks and a timeline, in one window.</source>
        <translation>Ein Dashboard für die Einsatzleitung bei Störungen: Live-Signale, Blast Radius, Runbooks und eine Zeitleiste in einem Fenster.</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>libcurl</source>
        <translation>libcurl</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Licensed under the %1 licence.</source>
        <translation>Lizenziert unter der Lizenz %1.</translation>
    </message>
    <message>
        <source>About Watchfloor</source>
        <translation>Über Watchfloor</translation>
    </message>
</context>
<context>
    <name>wf::ui::AlertsDock</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>Keine Alarme</translation>
    </message>
    <message>
        <source>Firing and pending alerts from Alertmanager and Prometheus appear here, the most severe first.</source>
        <translation>Ausgelöste und anstehende Alarme aus Alertmanager und Prometheus erscheinen hier, die schwersten zuerst.</translation>
    </message>
    <message>
        <source>Add an Alertmanager or Prometheus source in the Sources panel, or start Watchfloor with --demo.</source>
        <translation>Fügen Sie im Bereich „Quellen“ eine Alertmanager- oder Prometheus-Quelle hinzu, oder starten Sie Watchfloor mit --demo.</translation>
    </message>
</context>
<context>
    <name>wf::ui::BarGaugePanel</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>wf::ui::BlastRadiusPanel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Hops</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweise</translation>
    </message>
    <message>
        <source>The failing nodes and every dependent that calls them, directly or not</source>
        <translation>Die fehlerhaften Knoten und alle abhängigen Knoten, die sie direkt oder indirekt aufrufen</translation>
    </message>
    <message>
        <source>Share of each entry point&apos;s traces in the window that passed through the failure</source>
        <translation>Anteil der Traces jedes Einstiegspunkts im Zeitfenster, die durch den Ausfall liefen</translation>
    </message>
    <message>
        <source>Dependencies of the symptom ordered by how well their own errors and latency explain it</source>
        <translation>Abhängigkeiten des Symptoms, geordnet danach, wie gut ihre eigenen Fehler und Latenzen es erklären</translation>
    </message>
    <message>
        <source>Blast radius: select a failing node or press B</source>
        <translation>Blast Radius: Wählen Sie einen fehlerhaften Knoten oder drücken Sie B</translation>
    </message>
    <message>
        <source>Blast radius: %1</source>
        <translation>Blast Radius: %1</translation>
    </message>
    <message>
        <source>Regions: %1 · Groups: %2 · %3 dependents affected</source>
        <translation>Regionen: %1 · Gruppen: %2 · %3 abhängige Knoten betroffen</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>keine bekannt</translation>
    </message>
    <message>
        <source>affected</source>
        <translation>betroffen</translation>
    </message>
    <message>
        <source>unknown (no traces)</source>
        <translation>unbekannt (keine Traces)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Likely causes of %1&apos;s symptoms:</source>
        <translation>Wahrscheinliche Ursachen der Symptome von %1:</translation>
    </message>
    <message>
        <source>Through failure</source>
        <translation>Durch Ausfall</translation>
    </message>
    <message>
        <source>Share of the entry point&apos;s traffic that passed through the failure</source>
        <translation>Anteil des Traffics des Einstiegspunkts, der durch den Ausfall lief</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
</context>
<context>
    <name>wf::ui::ChartLegend</name>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n weitere</numerusform>
            <numerusform>+ %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
min %2 · max %3 · mean %4 · last %5</source>
        <translation>%1
min %2 · max %3 · Mittel %4 · letzter %5</translation>
    </message>
    <message>
        <source>%1: last %2</source>
        <translation>%1: zuletzt %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::DashboardArea</name>
    <message>
        <source>No dashboards yet</source>
        <translation>Noch keine Dashboards</translation>
    </message>
    <message>
        <source>Dashboards put the metrics, SLOs and alerts of your services side by side, on one shared time range, so the whole team looks at the same picture during an incident.</source>
        <translation>Dashboards zeigen Metriken, SLOs und Alarme Ihrer Dienste nebeneinander auf einem gemeinsamen Zeitbereich, damit das ganze Team während einer Störung dasselbe Bild sieht.</translation>
    </message>
    <message>
        <source>Add a data source in the Sources panel (Alt+5), or start Watchfloor with --demo to explore a simulated shop.</source>
        <translation>Fügen Sie im Bereich „Quellen“ (Alt+5) eine Datenquelle hinzu, oder starten Sie Watchfloor mit --demo, um einen simulierten Shop zu erkunden.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>wf::ui::DashboardGrid</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>%1 (1 panel)</source>
        <translation>%1 (1 Panel)</translation>
    </message>
    <message>
        <source>%1 (%2 panels)</source>
        <translation>%1 (%2 Panels)</translation>
    </message>
    <message>
        <source>Expand row</source>
        <translation>Zeile aufklappen</translation>
    </message>
    <message>
        <source>Collapse row</source>
        <translation>Zeile zuklappen</translation>
    </message>
</context>
<context>
    <name>wf::ui::DashboardPanelWidget</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Watchfloor cannot show this type of panel (%1) yet.</source>
        <translation>Watchfloor kann diesen Panel-Typ (%1) noch nicht anzeigen.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::DashboardView</name>
    <message>
        <source>Imported from %1: %2 panels imported, %3 not imported, %4 things not carried over (hover for the list).</source>
        <translation>Importiert aus %1: %2 Panels importiert, %3 nicht importiert, %4 Dinge nicht übernommen (Liste im Tooltip).</translation>
    </message>
    <message>
        <source>No metrics source: add a Prometheus data source in the Sources dock.</source>
        <translation>Keine Metrikquelle: Fügen Sie im Quellen-Dock eine Prometheus-Datenquelle hinzu.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last move, resize or panel edit</source>
        <translation>Die letzte Verschiebung, Größenänderung oder Panel-Bearbeitung rückgängig machen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rückgängig Gemachtes wiederholen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the dashboard in the workspace (Ctrl+S)</source>
        <translation>Das Dashboard im Arbeitsbereich speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation>Rückgängig: %1 (%2)</translation>
    </message>
    <message>
        <source>Redo: %1 (%2)</source>
        <translation>Wiederholen: %1 (%2)</translation>
    </message>
    <message>
        <source>Annotation “%1”: %2</source>
        <translation>Annotation „%1“: %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::DataSourceDialog</name>
    <message>
        <source>Prometheus (or a compatible API)</source>
        <translation>Prometheus (oder eine kompatible API)</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>Jaeger</source>
        <translation>Jaeger</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>OTLP/HTTP endpoint</source>
        <translation>OTLP/HTTP-Endpunkt</translation>
    </message>
    <message>
        <source>Edit data source</source>
        <translation>Datenquelle bearbeiten</translation>
    </message>
    <message>
        <source>Add data source</source>
        <translation>Datenquelle hinzufügen</translation>
    </message>
    <message>
        <source>Shown in the status bar and on panels; unique in this workspace</source>
        <translation>Wird in der Statusleiste und auf Panels angezeigt; eindeutig in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>Base address of the API, http or https; no user name or password in it</source>
        <translation>Basisadresse der API, http oder https; ohne Benutzername oder Passwort</translation>
    </message>
    <message>
        <source>Do not verify the TLS certificate</source>
        <translation>TLS-Zertifikat nicht prüfen</translation>
    </message>
    <message>
        <source>Only for a test server with a self-signed certificate: anyone on the path could read and change the data</source>
        <translation>Nur für einen Testserver mit selbstsigniertem Zertifikat: Jeder auf dem Übertragungsweg könnte die Daten lesen und verändern</translation>
    </message>
    <message>
        <source>This source will be marked insecure everywhere it is shown.</source>
        <translation>Diese Quelle wird überall, wo sie erscheint, als unsicher markiert.</translation>
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
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>How Watchfloor signs in to this source</source>
        <translation>Wie sich Watchfloor bei dieser Quelle anmeldet</translation>
    </message>
    <message>
        <source>Sent with every request, one “Name: value” per line (a tenant ID for Mimir, an API key for a gateway)</source>
        <translation>Wird mit jeder Anfrage gesendet, ein „Name: Wert“ pro Zeile (eine Tenant-ID für Mimir, ein API-Schlüssel für ein Gateway)</translation>
    </message>
    <message>
        <source>The password, token and header values are kept in the system keychain, never in the workspace, settings or exports.</source>
        <translation>Passwort, Token und Header-Werte werden im System-Schlüsselbund gespeichert, niemals im Arbeitsbereich, in den Einstellungen oder in Exporten.</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>A&amp;uthentifizierung:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
</context>
<context>
    <name>wf::ui::DeclareIncidentDialog</name>
    <message>
        <source>Declare incident</source>
        <translation>Vorfall ausrufen</translation>
    </message>
    <message>
        <source>What users see, e.g. “Checkout fails for 30% of users”</source>
        <translation>Was Nutzer sehen, z. B. „Bezahlen schlägt für 30 % der Nutzer fehl“</translation>
    </message>
    <message>
        <source>SEV1 — critical: most users or revenue affected</source>
        <translation>SEV1 — kritisch: die meisten Nutzer oder Umsatz betroffen</translation>
    </message>
    <message>
        <source>SEV2 — major: a key feature broken for many users</source>
        <translation>SEV2 — schwer: eine Kernfunktion für viele Nutzer kaputt</translation>
    </message>
    <message>
        <source>SEV3 — minor: degraded, with a workaround</source>
        <translation>SEV3 — leicht: eingeschränkt, mit Umgehung</translation>
    </message>
    <message>
        <source>SEV4 — low: little user impact</source>
        <translation>SEV4 — gering: kaum Auswirkung auf Nutzer</translation>
    </message>
    <message>
        <source>checkout, payments</source>
        <translation>checkout, payments</translation>
    </message>
    <message>
        <source>Affected services, separated by commas</source>
        <translation>Betroffene Dienste, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Declare</source>
        <translation>Ausrufen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>&amp;Services:</source>
        <translation>&amp;Dienste:</translation>
    </message>
    <message>
        <source>&amp;Commander:</source>
        <translation>&amp;Einsatzleitung:</translation>
    </message>
</context>
<context>
    <name>wf::ui::DemoDashboard</name>
    <message>
        <source>Request rate per service</source>
        <translation>Anfragerate pro Dienst</translation>
    </message>
    <message>
        <source>HTTP requests served per second (http.server.request.count).</source>
        <translation>Bediente HTTP-Anfragen pro Sekunde (http.server.request.count).</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>p95 latency per service</source>
        <translation>p95-Latenz pro Dienst</translation>
    </message>
    <message>
        <source>95th percentile of HTTP server request duration (http.server.request.duration).</source>
        <translation>95. Perzentil der Dauer von HTTP-Serveranfragen (http.server.request.duration).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Error rate per service</source>
        <translation>Fehlerrate pro Dienst</translation>
    </message>
    <message>
        <source>HTTP requests answered with a 5xx status, per second (http.server.error.count).</source>
        <translation>Mit einem 5xx-Status beantwortete HTTP-Anfragen pro Sekunde (http.server.error.count).</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Zurück zur Live-Ansicht</translation>
    </message>
    <message>
        <source>Follow the last minutes again (%1)</source>
        <translation>Wieder den letzten Minuten folgen (%1)</translation>
    </message>
    <message>
        <source>Showing %1–%2 around “%3” (%4)</source>
        <translation>Zeigt %1–%2 um „%3“ (%4)</translation>
    </message>
</context>
<context>
    <name>wf::ui::GaugePanel</name>
    <message>
        <source>Scale %1 to %2</source>
        <translation>Skala %1 bis %2</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>wf::ui::GraphTimeBar</name>
    <message>
        <source>Replay the graph across the time range: drag to see the graph at that moment</source>
        <translation>Den Graphen über den Zeitbereich wiedergeben: Ziehen Sie, um den Graphen zu diesem Zeitpunkt zu sehen</translation>
    </message>
    <message>
        <source>Play the replay from the slider&apos;s position, or pause it (Ctrl+P)</source>
        <translation>Die Wiedergabe ab der Position des Schiebereglers abspielen oder anhalten (Strg+P)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow the dashboards&apos; time range again</source>
        <translation>Wieder dem Zeitbereich der Dashboards folgen</translation>
    </message>
    <message>
        <source>%1 (replay)</source>
        <translation>%1 (Wiedergabe)</translation>
    </message>
    <message>
        <source>%1 (end of range)</source>
        <translation>%1 (Ende des Zeitraums)</translation>
    </message>
    <message>
        <source>Replay across the newest spans, %1 – %2</source>
        <translation>Wiedergabe über die neuesten Spans, %1 – %2</translation>
    </message>
    <message>
        <source>Replay across the dashboards&apos; range, %1 – %2</source>
        <translation>Wiedergabe über den Zeitraum der Dashboards, %1 – %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::HeatmapPanel</name>
    <message>
        <source>%1
%2 – %3: %4</source>
        <translation>%1
%2 – %3: %4</translation>
    </message>
    <message>
        <source>No histogram buckets (series with an &quot;le&quot; label)</source>
        <translation>Keine Histogramm-Buckets (Serien mit einem &quot;le&quot;-Label)</translation>
    </message>
</context>
<context>
    <name>wf::ui::IncidentDock</name>
    <message>
        <source>Incident &amp; timeline</source>
        <translation>Störung &amp; Zeitleiste</translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation>Keine offene Störung</translation>
    </message>
    <message>
        <source>When an incident is declared, its severity, roles, status and a tamper-evident timeline of every action appear here.</source>
        <translation>Sobald eine Störung ausgerufen ist, erscheinen hier ihr Schweregrad, die Rollen, der Status und eine fälschungssichere Zeitleiste aller Aktionen.</translation>
    </message>
    <message>
        <source>Incident → Declare incident… (Ctrl+Shift+I) starts one.</source>
        <translation>Vorfall → Vorfall ausrufen… (Strg+Umschalt+I) beginnt einen.</translation>
    </message>
    <message>
        <source>Declare incident…</source>
        <translation>Vorfall ausrufen…</translation>
    </message>
    <message>
        <source>Open an incident: title, severity, services and commander</source>
        <translation>Einen Vorfall eröffnen: Titel, Schweregrad, Dienste und Einsatzleitung</translation>
    </message>
</context>
<context>
    <name>wf::ui::IncidentPanel</name>
    <message>
        <source>Severity; a change is written to the timeline</source>
        <translation>Schweregrad; eine Änderung wird in die Zeitleiste geschrieben</translation>
    </message>
    <message>
        <source>Status; a change is written to the timeline</source>
        <translation>Status; eine Änderung wird in die Zeitleiste geschrieben</translation>
    </message>
    <message>
        <source>Show only one kind of event</source>
        <translation>Nur eine Art von Einträgen zeigen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Search the timeline</source>
        <translation>Zeitleiste durchsuchen</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Show times in this computer&apos;s time zone instead of UTC</source>
        <translation>Zeiten in der Zeitzone dieses Computers statt in UTC zeigen</translation>
    </message>
    <message>
        <source>Add a note to the timeline and press Enter</source>
        <translation>Notiz zur Zeitleiste hinzufügen und Eingabe drücken</translation>
    </message>
    <message>
        <source>Notes are saved durably before they show as saved (Ctrl+Shift+N from anywhere)</source>
        <translation>Notizen werden dauerhaft gespeichert, bevor sie als gespeichert erscheinen (Strg+Umschalt+N von überall)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No roles assigned</source>
        <translation>Keine Rollen vergeben</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Double-click or press Enter on an event to show the dashboards around its time.</source>
        <translation>Doppelklicken Sie auf einen Eintrag oder drücken Sie darauf Eingabe, um die Dashboards um dessen Zeitpunkt anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogBrowserView</name>
    <message>
        <source>Search stored logs</source>
        <translation>Gespeicherte Logs durchsuchen</translation>
    </message>
    <message>
        <source>Full text: all words must occur, the last also as a prefix, &quot;quoted words&quot; as a phrase. Regular expression and substring search scan the lines, newest first.</source>
        <translation>Volltext: Alle Wörter müssen vorkommen, das letzte auch als Präfix, &quot;Wörter in Anführungszeichen&quot; als Phrase. Die Suche nach regulärem Ausdruck oder Teilzeichenkette durchsucht die Zeilen, neueste zuerst.</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Volltext</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Substring</source>
        <translation>Teilzeichenkette</translation>
    </message>
    <message>
        <source>How the search text is matched</source>
        <translation>Wie der Suchtext abgeglichen wird</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Only these services (comma separated); empty: all</source>
        <translation>Nur diese Dienste (kommagetrennt); leer: alle</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Warnungen und höher</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>Fehler und höher</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <source>attribute=value</source>
        <translation>Attribut=Wert</translation>
    </message>
    <message>
        <source>Only lines with this attribute (key, or key=value)</source>
        <translation>Nur Zeilen mit diesem Attribut (Schlüssel oder Schlüssel=Wert)</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines (%1)</source>
        <translation>Lange Zeilen umbrechen (%1)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Show new lines as they arrive while the newest are on screen; scrolling down or unchecking pauses (%1)</source>
        <translation>Neue Zeilen anzeigen, sobald sie eintreffen, solange die neuesten sichtbar sind; Herunterscrollen oder Abwählen pausiert (%1)</translation>
    </message>
    <message>
        <source>Select a line to see its fields</source>
        <translation>Wählen Sie eine Zeile aus, um ihre Felder zu sehen</translation>
    </message>
    <message>
        <source>Read failed</source>
        <translation>Lesen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Invalid search</source>
        <translation>Ungültige Suche</translation>
    </message>
    <message numerus="yes">
        <source>Scanning… %n match(es)</source>
        <translation>
            <numerusform>Suche läuft… %n Treffer</numerusform>
            <numerusform>Suche läuft… %n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>~%L1 lines</source>
        <translation>~%L1 Zeilen</translation>
    </message>
    <message>
        <source>trace: %1 (Ctrl+T opens it)</source>
        <translation>Trace: %1 (Strg+T öffnet ihn)</translation>
    </message>
    <message>
        <source>JSON fields:</source>
        <translation>JSON-Felder:</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogFileView</name>
    <message>
        <source>The file&apos;s messages; continuation lines (stack traces) are joined to theirs</source>
        <translation>Die Meldungen der Datei; Fortsetzungszeilen (Stack Traces) sind ihrer Meldung angefügt</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n Meldung</numerusform>
            <numerusform>%1: %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>, gzip</source>
        <translation>, gzip</translation>
    </message>
    <message>
        <source>, JSON lines</source>
        <translation>, JSON-Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>, %n pattern(s)</source>
        <translation>
            <numerusform>, %n Muster</numerusform>
            <numerusform>, %n Muster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n over-long line(s) cut</source>
        <translation>
            <numerusform>; %n überlange Zeile gekürzt</numerusform>
            <numerusform>; %n überlange Zeilen gekürzt</numerusform>
        </translation>
    </message>
    <message>
        <source>; the file is larger than Watchfloor reads at once, the rest was not read</source>
        <translation>; die Datei ist größer, als Watchfloor auf einmal liest, der Rest wurde nicht gelesen</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogHistogramWidget</name>
    <message>
        <source>Log volume by level over the time range. Click a bar to jump to its lines.</source>
        <translation>Logvolumen nach Level über den Zeitraum. Klicken Sie auf einen Balken, um zu seinen Zeilen zu springen.</translation>
    </message>
    <message>
        <source>volume estimated</source>
        <translation>Volumen geschätzt</translation>
    </message>
    <message>
        <source>%1 – %2
%3 lines: %4 errors, %5 warnings</source>
        <translation>%1 – %2
%3 Zeilen: %4 Fehler, %5 Warnungen</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogListView</name>
    <message>
        <source>Search logs (Ctrl+Shift+F)</source>
        <translation>Logs durchsuchen (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Full-text search over log messages. All words must occur; the last word also matches as a prefix; &quot;quoted words&quot; match as a phrase.</source>
        <translation>Volltextsuche in Logmeldungen. Alle Wörter müssen vorkommen; das letzte Wort passt auch als Präfix; &quot;Wörter in Anführungszeichen&quot; passen als Phrase.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop following new log records so the list holds still for reading</source>
        <translation>Neuen Logeinträgen nicht mehr folgen, damit die Liste zum Lesen stillsteht</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Paused · %n record(s)</source>
        <translation>
            <numerusform>Angehalten · %n Eintrag</numerusform>
            <numerusform>Angehalten · %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Pin to incident</source>
        <translation>An Incident anheften</translation>
    </message>
    <message>
        <source>Pin the selected log line to the active incident&apos;s timeline (%1)</source>
        <translation>Die ausgewählte Logzeile an die Zeitleiste des aktiven Incidents anheften (%1)</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogPatternsView</name>
    <message>
        <source>Log lines grouped by message template; double-click a pattern to filter the logs to it</source>
        <translation>Logzeilen nach Meldungsvorlage gruppiert; doppelklicken Sie auf ein Muster, um die Logs danach zu filtern</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Exception</translation>
    </message>
    <message>
        <source>Top frames</source>
        <translation>Oberste Frames</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1 lines, %2 new since the incident started</source>
        <translation>
            <numerusform>%n Muster in %1 Zeilen, %2 neu seit Beginn des Incidents</numerusform>
            <numerusform>%n Muster in %1 Zeilen, %2 neu seit Beginn des Incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::LogRowsView</name>
    <message>
        <source>Copy line</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Position in time: top is the newest line</source>
        <translation>Position in der Zeit: oben ist die neueste Zeile</translation>
    </message>
    <message>
        <source>Copy the selected line as text (%1)</source>
        <translation>Ausgewählte Zeile als Text kopieren (%1)</translation>
    </message>
    <message>
        <source>Open the trace this line belongs to (%1)</source>
        <translation>Trace öffnen, zu dem diese Zeile gehört (%1)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No log lines match.</source>
        <translation>Keine Logzeilen gefunden.</translation>
    </message>
</context>
<context>
    <name>wf::ui::LogsDock</name>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>No logs</source>
        <translation>Keine Logs</translation>
    </message>
    <message>
        <source>Log lines from Loki, or sent to Watchfloor over OTLP, appear here with search and live tail.</source>
        <translation>Logzeilen aus Loki oder per OTLP an Watchfloor gesendete erscheinen hier, mit Suche und Live-Verfolgung.</translation>
    </message>
    <message>
        <source>Add a Loki source in the Sources panel, or start Watchfloor with --demo.</source>
        <translation>Fügen Sie im Bereich „Quellen“ eine Loki-Quelle hinzu, oder starten Sie Watchfloor mit --demo.</translation>
    </message>
</context>
<context>
    <name>wf::ui::MainWindow</name>
    <message>
        <source>Watchfloor</source>
        <translation>Watchfloor</translation>
    </message>
    <message>
        <source>Demo — Watchfloor</source>
        <translation>Demo — Watchfloor</translation>
    </message>
    <message>
        <source>%1 — Watchfloor</source>
        <translation>%1 — Watchfloor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a workspace or incident file</source>
        <translation>Einen Arbeitsbereich oder eine Störungsdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Switch to another workspace database</source>
        <translation>Zu einer anderen Arbeitsbereich-Datenbank wechseln</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save &amp;screenshot…</source>
        <translation>&amp;Bildschirmfoto speichern…</translation>
    </message>
    <message>
        <source>Save a PNG image of the window, e.g. for a status update</source>
        <translation>Ein PNG-Bild des Fensters speichern, z. B. für eine Statusmeldung</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>Quit Watchfloor</source>
        <translation>Watchfloor beenden</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>Files you open appear here</source>
        <translation>Dateien, die Sie öffnen, erscheinen hier</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Forget the recently opened files</source>
        <translation>Die zuletzt geöffneten Dateien vergessen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>Den Bereich %1 ein- oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>Light colours</source>
        <translation>Helle Farben</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Dark colours, easier on the eyes in a dim room</source>
        <translation>Dunkle Farben, angenehmer für die Augen in einem abgedunkelten Raum</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark preference</source>
        <translation>Der hellen oder dunklen Einstellung des Desktops folgen</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Use the whole screen for Watchfloor</source>
        <translation>Den ganzen Bildschirm für Watchfloor nutzen</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every panel back where it was when Watchfloor was installed</source>
        <translation>Alle Bereiche wieder so anordnen wie nach der Installation von Watchfloor</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Störung</translation>
    </message>
    <message>
        <source>&amp;Declare incident…</source>
        <translation>Störung &amp;ausrufen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Alle Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About Watchfloor</source>
        <translation>Ü&amp;ber Watchfloor</translation>
    </message>
    <message>
        <source>Version and library information</source>
        <translation>Versions- und Bibliotheksinformationen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Information about the Qt toolkit</source>
        <translation>Informationen über das Qt-Toolkit</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Watchfloor files (*.watchfloor);;All files (*)</source>
        <translation>Watchfloor-Dateien (*.watchfloor);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Watchfloor workspaces (*.watchfloor)</source>
        <translation>Watchfloor-Arbeitsbereiche (*.watchfloor)</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Screenshot saved to %1</source>
        <translation>Bildschirmfoto gespeichert unter %1</translation>
    </message>
    <message>
        <source>Screenshot not saved</source>
        <translation>Bildschirmfoto nicht gespeichert</translation>
    </message>
    <message>
        <source>Open an incident: title, severity, services and commander</source>
        <translation>Einen Vorfall eröffnen: Titel, Schweregrad, Dienste und Einsatzleitung</translation>
    </message>
    <message>
        <source>Add timeline &amp;note</source>
        <translation>&amp;Notiz zur Zeitleiste</translation>
    </message>
    <message>
        <source>Write a note into the active incident&apos;s timeline, from anywhere</source>
        <translation>Eine Notiz in die Zeitleiste des aktiven Vorfalls schreiben, von überall</translation>
    </message>
    <message>
        <source>&amp;Runbooks…</source>
        <translation>&amp;Runbooks…</translation>
    </message>
    <message>
        <source>Run a runbook step by step, with dry-run and confirmation; steps are written to the active incident&apos;s timeline</source>
        <translation>Ein Runbook Schritt für Schritt ausführen, mit Probelauf und Bestätigung; die Schritte werden in die Zeitleiste des aktiven Vorfalls geschrieben</translation>
    </message>
    <message>
        <source>&amp;Pin dashboards snapshot</source>
        <translation>&amp;Momentaufnahme der Dashboards anheften</translation>
    </message>
    <message>
        <source>Pin a picture of the dashboards, as they look now, to the active incident as evidence</source>
        <translation>Ein Bild der Dashboards in ihrem aktuellen Zustand als Beweis an den aktiven Vorfall anheften</translation>
    </message>
    <message>
        <source>Export &amp;postmortem…</source>
        <translation>&amp;Postmortem exportieren…</translation>
    </message>
    <message>
        <source>Write the active incident as a blameless postmortem: Markdown, HTML or PDF, by file type</source>
        <translation>Den aktiven Vorfall als Postmortem ohne Schuldzuweisung schreiben: Markdown, HTML oder PDF, je nach Dateityp</translation>
    </message>
    <message>
        <source>Export incident &amp;file…</source>
        <translation>Vorfalls&amp;datei exportieren…</translation>
    </message>
    <message>
        <source>Save the active incident with its timeline, evidence and the dashboards&apos; data over its window as one .watchfloor file that opens read-only, for offline review</source>
        <translation>Den aktiven Incident mit Zeitleiste, Beweisen und den Dashboard-Daten seines Zeitfensters als eine .watchfloor-Datei speichern, die schreibgeschützt geöffnet wird, zur Offline-Durchsicht</translation>
    </message>
    <message>
        <source>Postmortem &amp;template…</source>
        <translation>Postmortem-&amp;Vorlage…</translation>
    </message>
    <message>
        <source>Edit this workspace&apos;s postmortem template: its sections, their order and the prompts</source>
        <translation>Die Postmortem-Vorlage dieses Arbeitsbereich bearbeiten: Abschnitte, Reihenfolge und Leitfragen</translation>
    </message>
    <message>
        <source>Open &amp;dashboard…</source>
        <translation>&amp;Dashboard öffnen…</translation>
    </message>
    <message>
        <source>Open a Grafana, Perses or Watchfloor dashboard file as a tab</source>
        <translation>Eine Grafana-, Perses- oder Watchfloor-Dashboard-Datei als Tab öffnen</translation>
    </message>
    <message>
        <source>&amp;Export dashboard as JSON…</source>
        <translation>Dashboard als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the current dashboard tab as Watchfloor dashboard JSON</source>
        <translation>Den aktuellen Dashboard-Tab als Watchfloor-Dashboard-JSON speichern</translation>
    </message>
    <message>
        <source>Pin &amp;blast radius</source>
        <translation>&amp;Blast Radius anheften</translation>
    </message>
    <message>
        <source>Pin the service graph&apos;s blast radius, its picture and its numbers, to the active incident</source>
        <translation>Den Blast Radius des Service-Graphen, sein Bild und seine Zahlen, an die aktive Störung heften</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>Dashboard öffnen</translation>
    </message>
    <message>
        <source>Dashboards (*.json *.yaml *.yml);;All files (*)</source>
        <translation>Dashboards (*.json *.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export dashboard as JSON</source>
        <translation>Dashboard als JSON exportieren</translation>
    </message>
    <message>
        <source>Watchfloor dashboards (*.json)</source>
        <translation>Watchfloor-Dashboards (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save dashboard</source>
        <translation>Dashboard &amp;speichern</translation>
    </message>
    <message>
        <source>Save the current dashboard tab in the workspace</source>
        <translation>Aktuellen Dashboard-Tab im Arbeitsbereich speichern</translation>
    </message>
    <message>
        <source>Saved das&amp;hboards…</source>
        <translation>Gespeicherte Das&amp;hboards…</translation>
    </message>
    <message>
        <source>List the dashboards saved in the workspace and open one</source>
        <translation>Die im Arbeitsbereich gespeicherten Dashboards auflisten und eines öffnen</translation>
    </message>
</context>
<context>
    <name>wf::ui::PanelEditorDialog</name>
    <message>
        <source>Edit panel “%1”</source>
        <translation>Panel „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>How the panel shows its data</source>
        <translation>Wie das Panel seine Daten darstellt</translation>
    </message>
    <message>
        <source>Add query</source>
        <translation>Abfrage hinzufügen</translation>
    </message>
    <message>
        <source>Add another PromQL query to this panel</source>
        <translation>Diesem Panel eine weitere PromQL-Abfrage hinzufügen</translation>
    </message>
    <message>
        <source>The panel&apos;s queries, by reference id</source>
        <translation>Die Abfragen des Panels, nach Referenz-ID</translation>
    </message>
    <message>
        <source>{{instance}} – {{mode}}; empty: the series&apos; labels</source>
        <translation>{{instance}} – {{mode}}; leer: die Labels der Serie</translation>
    </message>
    <message>
        <source>Series names: {{label}} is replaced by the series&apos; value of that label</source>
        <translation>Seriennamen: {{label}} wird durch den Wert dieses Labels der Serie ersetzt</translation>
    </message>
    <message>
        <source>Grafana unit id (bytes, percent, s, reqps, …)</source>
        <translation>Grafana-Einheiten-ID (bytes, percent, s, reqps, …)</translation>
    </message>
    <message>
        <source>green; 80 orange; 90 red</source>
        <translation>green; 80 orange; 90 red</translation>
    </message>
    <message>
        <source>A base colour, then “value colour” steps in increasing order; 50% for percentages of min..max</source>
        <translation>Eine Grundfarbe, dann Stufen „Wert Farbe“ in aufsteigender Reihenfolge; 50% für Prozent von min..max</translation>
    </message>
    <message>
        <source>e.g. 30s; empty: the scrape interval</source>
        <translation>z. B. 30s; leer: das Scrape-Intervall</translation>
    </message>
    <message>
        <source>Lower bound for $__interval and the query step</source>
        <translation>Untergrenze für $__interval und die Schrittweite der Abfrage</translation>
    </message>
    <message>
        <source>auto (panel width)</source>
        <translation>auto (Panelbreite)</translation>
    </message>
    <message>
        <source>At most this many points per series; auto uses the panel&apos;s width</source>
        <translation>Höchstens so viele Punkte pro Serie; auto verwendet die Breite des Panels</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;yp</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Einheit</translation>
    </message>
    <message>
        <source>T&amp;hresholds</source>
        <translation>&amp;Schwellenwerte</translation>
    </message>
    <message>
        <source>&amp;Min interval</source>
        <translation>Mi&amp;ndestintervall</translation>
    </message>
    <message>
        <source>Max &amp;data points</source>
        <translation>Max. &amp;Datenpunkte</translation>
    </message>
    <message>
        <source>Show the changes on the dashboard (undoable)</source>
        <translation>Änderungen auf dem Dashboard anzeigen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Close without changing the panel</source>
        <translation>Schließen, ohne das Panel zu ändern</translation>
    </message>
    <message>
        <source>Thresholds: %1</source>
        <translation>Schwellenwerte: %1</translation>
    </message>
    <message>
        <source>Min interval: “%1” is not a duration like 30s or 1m.</source>
        <translation>Mindestintervall: „%1“ ist keine Dauer wie 30s oder 1m.</translation>
    </message>
    <message>
        <source>Series names appear here once the query returns data.</source>
        <translation>Seriennamen erscheinen hier, sobald die Abfrage Daten liefert.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Series: %1</source>
        <translation>Serien: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::PanelFrame</name>
    <message>
        <source>Drag to move; Ctrl+arrows move, Ctrl+Shift+arrows resize; E or double-click edits</source>
        <translation>Ziehen zum Verschieben; Strg+Pfeiltasten verschieben, Strg+Umschalt+Pfeiltasten ändern die Größe; E oder Doppelklick bearbeitet</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the panel&apos;s queries, legend, unit and thresholds (E, or double-click the title)</source>
        <translation>Abfragen, Legende, Einheit und Schwellenwerte des Panels bearbeiten (E oder Doppelklick auf den Titel)</translation>
    </message>
    <message>
        <source>&amp;Edit panel…</source>
        <translation>Panel &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the panel&apos;s queries, legend, unit and thresholds</source>
        <translation>Abfragen, Legende, Einheit und Schwellenwerte des Panels bearbeiten</translation>
    </message>
</context>
<context>
    <name>wf::ui::PostmortemTemplateDialog</name>
    <message>
        <source>Postmortem template</source>
        <translation>Postmortem-Vorlage</translation>
    </message>
    <message>
        <source>“## Heading” starts a section; a line that is only {{name}} is filled in by Watchfloor (%1); any other paragraph is a prompt for the team, shown in italics. Stored in this workspace.</source>
        <translation>„## Überschrift“ beginnt einen Abschnitt; eine Zeile, die nur {{name}} enthält, füllt Watchfloor aus (%1); jeder andere Absatz ist eine Leitfrage für das Team und wird kursiv angezeigt. In diesem Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Replace the text with Watchfloor&apos;s built-in template</source>
        <translation>Den Text durch die eingebaute Vorlage von Watchfloor ersetzen</translation>
    </message>
</context>
<context>
    <name>wf::ui::PromQLEditor</name>
    <message>
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>PromQL, e.g. rate(http_requests_total{job=&quot;api&quot;}[$__rate_interval])</source>
        <translation>PromQL, z. B. rate(http_requests_total{job=&quot;api&quot;}[$__rate_interval])</translation>
    </message>
    <message>
        <source>PromQL query. Completions appear as you type; Ctrl+Space shows them.</source>
        <translation>PromQL-Abfrage. Vervollständigungen erscheinen beim Tippen; Strg+Leertaste zeigt sie an.</translation>
    </message>
</context>
<context>
    <name>wf::ui::ReceiverStatsView</name>
    <message>
        <source>OTLP receiver</source>
        <translation>OTLP-Empfänger</translation>
    </message>
    <message>
        <source>Counters of Watchfloor&apos;s own OTLP/HTTP receiver since it started</source>
        <translation>Zähler von Watchfloors eigenem OTLP/HTTP-Empfänger seit dem Start</translation>
    </message>
</context>
<context>
    <name>wf::ui::RunbooksDialog</name>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Add the runbooks (*.md) of a folder, e.g. your team&apos;s runbook repository</source>
        <translation>Die Runbooks (*.md) eines Ordners hinzufügen, z. B. das Runbook-Repository Ihres Teams</translation>
    </message>
    <message>
        <source>Choose a runbook on the left.</source>
        <translation>Wählen Sie links ein Runbook.</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::SavedDashboardsDialog</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Saved dashboards</source>
        <translation>Gespeicherte Dashboards</translation>
    </message>
    <message>
        <source>No dashboards are saved in this workspace yet. Open a dashboard file and save it with File ▸ Save dashboard (Ctrl+S).</source>
        <translation>In diesem Arbeitsbereich sind noch keine Dashboards gespeichert. Öffnen Sie eine Dashboard-Datei und speichern Sie sie mit Datei ▸ Dashboard speichern (Strg+S).</translation>
    </message>
    <message>
        <source>Dashboards saved in this workspace:</source>
        <translation>In diesem Arbeitsbereich gespeicherte Dashboards:</translation>
    </message>
    <message>
        <source>%1 — saved %2</source>
        <translation>%1 — gespeichert %2</translation>
    </message>
    <message>
        <source>Open the dashboard as a tab</source>
        <translation>Dashboard als Tab öffnen</translation>
    </message>
    <message>
        <source>Delete the dashboard from the workspace</source>
        <translation>Dashboard aus dem Arbeitsbereich löschen</translation>
    </message>
</context>
<context>
    <name>wf::ui::ScreenshotTaker</name>
    <message>
        <source>There is no window to capture.</source>
        <translation>Es gibt kein Fenster, das aufgenommen werden kann.</translation>
    </message>
    <message>
        <source>The window could not be rendered.</source>
        <translation>Das Fenster konnte nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1: %2</source>
        <translation>Das Bildschirmfoto konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::ServiceGraphDock</name>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Find a node (Ctrl+F)</source>
        <translation>Knoten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>All hops</source>
        <translation>Alle Hops</translation>
    </message>
    <message>
        <source> hops</source>
        <translation> Hops</translation>
    </message>
    <message>
        <source>Only nodes within this many calls of the selected node</source>
        <translation>Nur Knoten, die höchstens so viele Aufrufe vom ausgewählten Knoten entfernt sind</translation>
    </message>
    <message>
        <source>Only nodes with errors or breaching their baseline</source>
        <translation>Nur Knoten mit Fehlern oder mit Überschreitung ihrer Baseline</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the whole graph in view (F)</source>
        <translation>Den ganzen Graphen in die Ansicht einpassen (F)</translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation>Blast Radius</translation>
    </message>
    <message>
        <source>Blast radius of the selected node, or of the nodes breaching their baseline (B)</source>
        <translation>Blast Radius (Blast Radius) des ausgewählten Knotens oder der Knoten, die ihre Baseline überschreiten (B)</translation>
    </message>
    <message>
        <source>No node matches “%1”</source>
        <translation>Kein Knoten passt zu „%1“</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges · layout %3 in %4 ms</source>
        <translation>%1 Knoten, %2 Kanten · Layout %3 in %4 ms</translation>
    </message>
    <message>
        <source>Pin blast radius</source>
        <translation>Blast Radius anheften</translation>
    </message>
    <message>
        <source>Declare an incident first: the blast radius is pinned to the active incident</source>
        <translation>Rufen Sie zuerst eine Störung aus: Der Blast Radius wird an die aktive Störung geheftet</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Keine Gruppen</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>Nach Region</translation>
    </message>
    <message>
        <source>By cluster</source>
        <translation>Nach Cluster</translation>
    </message>
    <message>
        <source>By namespace</source>
        <translation>Nach Namespace</translation>
    </message>
    <message>
        <source>Group nodes by region, cluster or namespace; double-click a node to collapse its group into one node, or a group to expand it</source>
        <translation>Knoten nach Region, Cluster oder Namespace gruppieren; Doppelklick auf einen Knoten klappt seine Gruppe zu einem Knoten zusammen, Doppelklick auf eine Gruppe klappt sie auf</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Collapse or expand each group</source>
        <translation>Jede Gruppe zu- oder aufklappen</translation>
    </message>
    <message>
        <source>Choose how to group nodes first (region, cluster or namespace)</source>
        <translation>Wählen Sie zuerst, wie Knoten gruppiert werden (Region, Cluster oder Namespace)</translation>
    </message>
    <message>
        <source>%1 belongs to no group</source>
        <translation>%1 gehört zu keiner Gruppe</translation>
    </message>
    <message>
        <source>No groups in this graph</source>
        <translation>Keine Gruppen in diesem Graphen</translation>
    </message>
    <message>
        <source>Checked: shown as one node</source>
        <translation>Aktiviert: als ein Knoten angezeigt</translation>
    </message>
</context>
<context>
    <name>wf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>wf::ui::SnapshotDashboard</name>
    <message>
        <source>%1 – %2 UTC, as recorded in the incident file</source>
        <translation>%1 – %2 UTC, wie in der Incident-Datei aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>wf::ui::SourceHealthBar</name>
    <message>
        <source>No data sources</source>
        <translation>Keine Datenquellen</translation>
    </message>
    <message>
        <source>Data source health</source>
        <translation>Zustand der Datenquellen</translation>
    </message>
    <message>
        <source>Add data sources in the Sources panel (Alt+5); their health shows here.</source>
        <translation>Fügen Sie im Bereich „Quellen“ (Alt+5) Datenquellen hinzu; ihr Zustand erscheint hier.</translation>
    </message>
</context>
<context>
    <name>wf::ui::SourceHealthChip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>TLS verification off: the server&apos;s identity is not checked.</source>
        <translation>TLS-Prüfung aus: die Identität des Servers wird nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>wf::ui::SourceListDelegate</name>
    <message>
        <source>%1 (TLS not verified)</source>
        <translation>%1 (TLS nicht geprüft)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::SourcesDock</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>No data sources</source>
        <translation>Keine Datenquellen</translation>
    </message>
    <message>
        <source>Add Prometheus, Alertmanager, Loki, Jaeger or Tempo, or start Watchfloor with --demo.</source>
        <translation>Fügen Sie Prometheus, Alertmanager, Loki, Jaeger oder Tempo hinzu, oder starten Sie Watchfloor mit --demo.</translation>
    </message>
    <message>
        <source>Each source&apos;s health also shows in the status bar at the bottom of the window.</source>
        <translation>Der Zustand jeder Quelle erscheint auch in der Statusleiste am unteren Fensterrand.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a data source to this workspace</source>
        <translation>Diesem Arbeitsbereich eine Datenquelle hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected data source (double-click does the same)</source>
        <translation>Die ausgewählte Datenquelle ändern (Doppelklick tut dasselbe)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected data source from this workspace</source>
        <translation>Die ausgewählte Datenquelle aus diesem Arbeitsbereich entfernen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Probe every data source now instead of waiting for the next check</source>
        <translation>Alle Datenquellen jetzt prüfen, statt auf die nächste Prüfung zu warten</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so sources cannot be added here.</source>
        <translation>Dieser Arbeitsbereich ist schreibgeschützt geöffnet, daher können hier keine Quellen hinzugefügt werden.</translation>
    </message>
</context>
<context>
    <name>wf::ui::StatPanel</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>wf::ui::TimeRangePicker</name>
    <message>
        <source>Previous time range (Alt+Left)</source>
        <translation>Vorheriger Zeitbereich (Alt+Links)</translation>
    </message>
    <message>
        <source>Next time range (Alt+Right)</source>
        <translation>Nächster Zeitbereich (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Half a range earlier</source>
        <translation>Einen halben Bereich früher</translation>
    </message>
    <message>
        <source>Half a range later</source>
        <translation>Einen halben Bereich später</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
    </message>
    <message>
        <source>Double the time range around its middle (Ctrl+Z)</source>
        <translation>Zeitbereich um seine Mitte verdoppeln (Strg+Z)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Use the typed start and end (Enter)</source>
        <translation>Eingegebenen Beginn und eingegebenes Ende verwenden (Eingabe)</translation>
    </message>
    <message>
        <source>Quick ranges</source>
        <translation>Schnellauswahl</translation>
    </message>
    <message>
        <source>From: now-6h, 2024-05-01 10:00:00</source>
        <translation>Von: now-6h, 2024-05-01 10:00:00</translation>
    </message>
    <message>
        <source>To: now</source>
        <translation>Bis: now</translation>
    </message>
    <message>
        <source>Relative (now-6h, now/d, now-1d/d) or absolute (ISO date, epoch milliseconds)</source>
        <translation>Relativ (now-6h, now/d, now-1d/d) oder absolut (ISO-Datum, Epoch-Millisekunden)</translation>
    </message>
    <message>
        <source>Auto refresh off</source>
        <translation>Automatische Aktualisierung aus</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>Auto refresh interval</source>
        <translation>Intervall der automatischen Aktualisierung</translation>
    </message>
</context>
<context>
    <name>wf::ui::TimeSeriesChart</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n weitere</numerusform>
            <numerusform>+ %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) ≤ 0 not shown on the log scale</source>
        <translation>
            <numerusform>%n Wert ≤ 0 auf der logarithmischen Skala nicht angezeigt</numerusform>
            <numerusform>%n Werte ≤ 0 auf der logarithmischen Skala nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::TimeSeriesPanel</name>
    <message>
        <source>Waiting for data</source>
        <translation>Warte auf Daten</translation>
    </message>
    <message>
        <source>Points appear once the services have reported twice.</source>
        <translation>Punkte erscheinen, sobald die Dienste zweimal gemeldet haben.</translation>
    </message>
    <message>
        <source>The last refresh failed: %1</source>
        <translation>Die letzte Aktualisierung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceCompareView</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Service : operation path</source>
        <translation>Dienst : Operationspfad</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>This trace</source>
        <translation>Dieser Trace</translation>
    </message>
    <message>
        <source>Δ duration</source>
        <translation>Δ Dauer</translation>
    </message>
    <message>
        <source>Self (baseline)</source>
        <translation>Eigenzeit (Baseline)</translation>
    </message>
    <message>
        <source>Self (this)</source>
        <translation>Eigenzeit (dieser)</translation>
    </message>
    <message>
        <source>Δ self</source>
        <translation>Δ Eigenzeit</translation>
    </message>
    <message>
        <source>How much longer the span took in this trace</source>
        <translation>Wie viel länger der Span in diesem Trace gedauert hat</translation>
    </message>
    <message>
        <source>Change of the span&apos;s own time (its duration minus its children&apos;s): where the time was really added</source>
        <translation>Änderung der eigenen Zeit des Spans (seine Dauer minus die seiner Kinder): wo die Zeit tatsächlich hinzukam</translation>
    </message>
    <message>
        <source>Spans matched by their service:operation path from the root; added spans exist only in this trace, missing ones only in the baseline</source>
        <translation>Spans werden über ihren Pfad Dienst:Operation ab der Wurzel zugeordnet; hinzugefügte Spans gibt es nur in diesem Trace, fehlende nur in der Baseline</translation>
    </message>
    <message numerus="yes">
        <source>Baseline %1 %2 (%3) against %4 %5 (%6): %7 total, %n span(s) added, %8 missing, %9 slower</source>
        <translation>
            <numerusform>Baseline %1 %2 (%3) gegenüber %4 %5 (%6): %7 gesamt, %n Span hinzugefügt, %8 fehlen, %9 langsamer</numerusform>
            <numerusform>Baseline %1 %2 (%3) gegenüber %4 %5 (%6): %7 gesamt, %n Spans hinzugefügt, %8 fehlen, %9 langsamer</numerusform>
        </translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <source> (#%1)</source>
        <translation> (#%1)</translation>
    </message>
    <message>
        <source>(the first %L1 of %L2 rows are listed)</source>
        <translation>(die ersten %L1 von %L2 Zeilen sind aufgeführt)</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceListView</name>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only traces with at least one failed span</source>
        <translation>Nur Traces mit mindestens einem fehlgeschlagenen Span zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n Trace</numerusform>
            <numerusform>%n Traces</numerusform>
        </translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Pin to incident</source>
        <translation>An Incident anheften</translation>
    </message>
    <message>
        <source>Pin the selected trace, with its spans, to the active incident&apos;s timeline (%1)</source>
        <translation>Den ausgewählten Trace mit seinen Spans an die Zeitleiste des aktiven Incidents anheften (%1)</translation>
    </message>
    <message>
        <source>Double-click a trace, or press Enter, to open its waterfall</source>
        <translation>Doppelklicken Sie auf einen Trace oder drücken Sie Enter, um sein Wasserfalldiagramm zu öffnen</translation>
    </message>
    <message>
        <source>Search traces…</source>
        <translation>Traces suchen…</translation>
    </message>
    <message>
        <source>Search traces by service, operation, tags, duration and errors, and compare two of them (Ctrl+Shift+T)</source>
        <translation>Traces nach Dienst, Operation, Tags, Dauer und Fehlern suchen und zwei davon vergleichen (Strg+Umschalt+T)</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceLogsView</name>
    <message numerus="yes">
        <source>%n log record(s) of trace %1</source>
        <translation>
            <numerusform>%n Log-Eintrag von Trace %1</numerusform>
            <numerusform>%n Log-Einträge von Trace %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation>Die Logs konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceScatter</name>
    <message>
        <source>Each dot is a trace: start time across, duration up; red ones failed. Click to select, double-click or Enter to open; Left/Right step through them.</source>
        <translation>Jeder Punkt ist ein Trace: Startzeit nach rechts, Dauer nach oben; rote sind fehlgeschlagen. Klicken zum Auswählen, Doppelklick oder Eingabetaste zum Öffnen; Links/Rechts wechselt zwischen ihnen.</translation>
    </message>
    <message>
        <source>No traces: run a search</source>
        <translation>Keine Traces: Starten Sie eine Suche</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2
%3, %n span(s), %4 error(s)</source>
        <translation>
            <numerusform>%1 %2
%3, %n Span, %4 Fehler</numerusform>
            <numerusform>%1 %2
%3, %n Spans, %4 Fehler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceSearchView</name>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Where to search: the local store of received spans, Jaeger or Tempo</source>
        <translation>Wo gesucht wird: im lokalen Speicher empfangener Spans, in Jaeger oder Tempo</translation>
    </message>
    <message>
        <source>A service the trace passes through (empty: any)</source>
        <translation>Ein Dienst, den der Trace durchläuft (leer: beliebig)</translation>
    </message>
    <message>
        <source>An operation (span name) of that service (empty: any)</source>
        <translation>Eine Operation (Span-Name) dieses Dienstes (leer: beliebig)</translation>
    </message>
    <message>
        <source>http.status_code=500 customer=&quot;ACME Corp&quot;</source>
        <translation>http.status_code=500 customer=&quot;ACME Corp&quot;</translation>
    </message>
    <message>
        <source>Span or resource attributes, key=value separated by spaces; quote values with spaces</source>
        <translation>Span- oder Ressourcenattribute, key=value durch Leerzeichen getrennt; Werte mit Leerzeichen in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>e.g. 250ms, 1.5s</source>
        <translation>z. B. 250ms, 1.5s</translation>
    </message>
    <message>
        <source>Only traces at least this long (ns, us, ms, s, m; a bare number is ms)</source>
        <translation>Nur Traces mit mindestens dieser Dauer (ns, us, ms, s, m; eine bloße Zahl bedeutet ms)</translation>
    </message>
    <message>
        <source>Only traces at most this long (empty: no limit)</source>
        <translation>Nur Traces mit höchstens dieser Dauer (leer: keine Begrenzung)</translation>
    </message>
    <message>
        <source>Only traces with at least one failed span</source>
        <translation>Nur Traces mit mindestens einem fehlgeschlagenen Span</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
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
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>When the traces started</source>
        <translation>Wann die Traces begonnen haben</translation>
    </message>
    <message>
        <source>Search (Enter in any field)</source>
        <translation>Suchen (Eingabetaste in einem beliebigen Feld)</translation>
    </message>
    <message>
        <source>Enter or double-click opens the trace; select two and press Ctrl+D to compare them</source>
        <translation>Eingabetaste oder Doppelklick öffnet den Trace; wählen Sie zwei aus und drücken Sie Strg+D, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Compare the two selected traces, or pick this one as the baseline and then open the trace to compare it with (%1)</source>
        <translation>Die beiden ausgewählten Traces vergleichen oder diesen als Baseline wählen und dann den Trace öffnen, mit dem er verglichen werden soll (%1)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Choose a source and search</source>
        <translation>Wählen Sie eine Quelle und suchen Sie</translation>
    </message>
    <message>
        <source>The minimum duration &quot;%1&quot; is not a duration like 250ms or 1.5s</source>
        <translation>Die Mindestdauer &quot;%1&quot; ist keine Dauer wie 250ms oder 1.5s</translation>
    </message>
    <message>
        <source>The maximum duration &quot;%1&quot; is not a duration like 250ms or 1.5s</source>
        <translation>Die Höchstdauer &quot;%1&quot; ist keine Dauer wie 250ms oder 1.5s</translation>
    </message>
    <message>
        <source>The maximum duration is shorter than the minimum</source>
        <translation>Die Höchstdauer ist kürzer als die Mindestdauer</translation>
    </message>
    <message>
        <source>No trace source is configured</source>
        <translation>Keine Trace-Quelle konfiguriert</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n Trace</numerusform>
            <numerusform>%n Traces</numerusform>
        </translation>
    </message>
    <message>
        <source>The source of these results is gone</source>
        <translation>Die Quelle dieser Ergebnisse ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>Loading trace %1…</source>
        <translation>Trace %1 wird geladen…</translation>
    </message>
    <message>
        <source>Trace %1 could not be loaded: %2</source>
        <translation>Trace %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Select a trace first</source>
        <translation>Wählen Sie zuerst einen Trace aus</translation>
    </message>
    <message>
        <source>Baseline: %1 (%2). Now open the trace to compare it with.</source>
        <translation>Baseline: %1 (%2). Öffnen Sie jetzt den Trace, mit dem verglichen werden soll.</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceView</name>
    <message>
        <source>Find in trace: service, operation, span id, attribute value</source>
        <translation>Im Trace suchen: Dienst, Operation, Span-ID, Attributwert</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Select a span to see its attributes, events, links and status.</source>
        <translation>Wählen Sie einen Span aus, um seine Attribute, Ereignisse, Links und seinen Status zu sehen.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time spent in each service itself, not waiting for its children: the service with the most self time slowed the request down</source>
        <translation>Zeit, die jeder Dienst selbst verbraucht hat, ohne auf seine Kind-Spans zu warten: Der Dienst mit der meisten Eigenzeit hat die Anfrage verlangsamt</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB</source>
        <translation>Die Datei ist größer als %1 MB</translation>
    </message>
    <message>
        <source>The file holds no spans</source>
        <translation>Die Datei enthält keine Spans</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source> (first of %1 traces in the file)</source>
        <translation> (erster von %1 Traces in der Datei)</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Kein Trace</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 · %3 · %n spans · %4 errors · critical path drawn as a dark core</source>
        <translation>
            <numerusform>%1: %2 · %3 · %n Span · %4 Fehler · kritischer Pfad als dunkler Kern gezeichnet</numerusform>
            <numerusform>%1: %2 · %3 · %n Spans · %4 Fehler · kritischer Pfad als dunkler Kern gezeichnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in this trace: </source>
        <translation>
            <numerusform>%n Problem in diesem Trace: </numerusform>
            <numerusform>%n Probleme in diesem Trace: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; und %n weiteres</numerusform>
            <numerusform>; und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Logs of this trace</source>
        <translation>Logs dieses Traces</translation>
    </message>
    <message>
        <source>Metrics of this service</source>
        <translation>Metriken dieses Dienstes</translation>
    </message>
    <message>
        <source>Show the log records that carry this trace&apos;s id (%1)</source>
        <translation>Log-Einträge anzeigen, die die ID dieses Traces enthalten (%1)</translation>
    </message>
    <message>
        <source>Show the selected span&apos;s service on the dashboard around the span&apos;s time (%1)</source>
        <translation>Dienst des ausgewählten Spans auf dem Dashboard um den Zeitpunkt des Spans anzeigen (%1)</translation>
    </message>
</context>
<context>
    <name>wf::ui::TraceWaterfall</name>
    <message>
        <source>No trace</source>
        <translation>Kein Trace</translation>
    </message>
    <message>
        <source>Service: operation</source>
        <translation>Dienst: Operation</translation>
    </message>
    <message numerus="yes">
        <source>%n spans</source>
        <translation>
            <numerusform>%n Span</numerusform>
            <numerusform>%n Spans</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration %1, self time %2</source>
        <translation>Dauer %1, Eigenzeit %2</translation>
    </message>
</context>
<context>
    <name>wf::ui::TracesDock</name>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>No traces</source>
        <translation>Keine Traces</translation>
    </message>
    <message>
        <source>Traces from Jaeger, Tempo or OTLP appear here as a waterfall of spans, slowest and failing first.</source>
        <translation>Traces aus Jaeger, Tempo oder OTLP erscheinen hier als Wasserfall von Spans, die langsamsten und fehlgeschlagenen zuerst.</translation>
    </message>
    <message>
        <source>Add a Jaeger or Tempo source in the Sources panel, or start Watchfloor with --demo.</source>
        <translation>Fügen Sie im Bereich „Quellen“ eine Jaeger- oder Tempo-Quelle hinzu, oder starten Sie Watchfloor mit --demo.</translation>
    </message>
</context>
<context>
    <name>wf::ui::VariableBar</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Updating options…</source>
        <translation>Optionen werden aktualisiert…</translation>
    </message>
    <message>
        <source>Dashboard variables</source>
        <translation>Dashboard-Variablen</translation>
    </message>
    <message>
        <source>Constant: set by the dashboard</source>
        <translation>Konstante: vom Dashboard festgelegt</translation>
    </message>
    <message>
        <source>Type a value and press Enter</source>
        <translation>Geben Sie einen Wert ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <source>%1: pick a value; panels query again</source>
        <translation>%1: Wählen Sie einen Wert; Panels fragen erneut ab</translation>
    </message>
    <message>
        <source>%1: pick one or more values; panels query again</source>
        <translation>%1: Wählen Sie einen oder mehrere Werte; Panels fragen erneut ab</translation>
    </message>
</context>
<context>
    <name>wf::ui::WorkspaceLabel</name>
    <message>
        <source>Temporary demo workspace</source>
        <translation>Temporärer Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <source>A temporary workspace, deleted when Watchfloor quits.</source>
        <translation>Ein temporärer Arbeitsbereich, der beim Beenden von Watchfloor gelöscht wird.</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Choose one with Open workspace… in the File menu.</source>
        <translation>Wählen Sie einen mit „Arbeitsbereich öffnen…“ im Menü „Datei“.</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved to this workspace.</source>
        <translation>Schreibgeschützt: Änderungen können in diesem Arbeitsbereich nicht gespeichert werden.</translation>
    </message>
</context>
</TS>
