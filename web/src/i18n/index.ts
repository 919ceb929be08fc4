import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const de = {
  tagline: 'Wer macht was in der digitalen Verwaltung?',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  search: {
    label: 'Suche nach Personen, Gremien, Regionen, Gesetzen …',
    placeholder: 'z. B. Hüskens, Digitalrat, Salzlandkreis',
    results: 'Suchergebnisse',
    failed: 'Die Suche ist fehlgeschlagen.',
  },
  canvas: {
    label: 'Netzwerkgrafik der gewählten Einträge; dieselben Einträge stehen in der Liste daneben.',
    empty: 'Suchen Sie oben nach einem Eintrag, um zu beginnen.',
    legend: 'Legende',
  },
  details: {
    region: 'Details',
    hint: 'Einen Eintrag anklicken, um Details und Quellen zu sehen. Doppelklick erweitert ihn.',
    facts: 'Fakten ({{count}})',
    relation: 'Beziehung',
    valid: {
      from: {
        EXACT: 'seit {{date}}',
        ON_OR_BEFORE: 'seit spätestens {{date}}',
        ON_OR_AFTER: 'seit frühestens {{date}}',
      },
      to: { EXACT: 'bis {{date}}', ON_OR_BEFORE: 'bis spätestens {{date}}', ON_OR_AFTER: 'bis frühestens {{date}}' },
    },
  },
  list: {
    region: 'Einträge auf der Leinwand',
    title: 'Auf der Leinwand ({{count}})',
    expand: '{{name}} erweitern',
    more: 'und {{count}} weitere',
  },
  status: {
    loading: 'Lade …',
    loaded: '{{count}} Einträge geladen.',
    truncated: 'Gekürzt – es gibt weitere Nachbarn.',
    failed: 'Laden fehlgeschlagen.',
  },
  asOf: {
    label: 'Stand',
    today: 'heute (alle Fakten)',
    reset: 'Heute',
  },
  path: {
    region: 'Pfadsuche',
    title: 'Verbindung finden',
    hint: 'Einen Eintrag auswählen, um seine Verbindung zu einem anderen zu finden.',
    to: 'Von {{name}} nach …',
    found_one: '{{count}} kürzester Weg in {{steps}} Schritten zu {{to}}.',
    found_other: '{{count}} kürzeste Wege in {{steps}} Schritten zu {{to}}.',
    none: 'Keine Verbindung zu {{to}} in bis zu 6 Schritten.',
    clear: 'Pfad ausblenden',
  },
  export: { region: 'Export', title: 'Exportieren' },
  filters: { title: 'Filter', kinds: 'Arten von Einträgen', types: 'Arten von Beziehungen' },
  history: { undo: 'Rückgängig', redo: 'Wiederholen' },
  timeline: {
    region: 'Zeitleiste',
    title: 'Zeitleiste der Ereignisse',
    undated: 'ohne Datum',
    qualifier: { EXACT: '{{date}}', ON_OR_BEFORE: 'spätestens {{date}}', ON_OR_AFTER: 'frühestens {{date}}' },
  },
};

type Messages = typeof de;

const en: Messages = {
  tagline: 'Who does what in German digital government?',
  switchLanguage: 'Deutsch',
  switchLanguageLabel: 'Auf Deutsch umschalten',
  search: {
    label: 'Search people, bodies, regions, laws …',
    placeholder: 'e.g. Hüskens, Digitalrat, Salzlandkreis',
    results: 'Search results',
    failed: 'The search failed.',
  },
  canvas: {
    label: 'Network diagram of the chosen entries; the same entries are listed beside it.',
    empty: 'Search for an entry above to begin.',
    legend: 'Legend',
  },
  details: {
    region: 'Details',
    hint: 'Click an entry to see its details and sources. Double-click expands it.',
    facts: 'Facts ({{count}})',
    relation: 'Relation',
    valid: {
      from: {
        EXACT: 'since {{date}}',
        ON_OR_BEFORE: 'since {{date}} at the latest',
        ON_OR_AFTER: 'since {{date}} at the earliest',
      },
      to: {
        EXACT: 'until {{date}}',
        ON_OR_BEFORE: 'until {{date}} at the latest',
        ON_OR_AFTER: 'until {{date}} at the earliest',
      },
    },
  },
  list: {
    region: 'Entries on the canvas',
    title: 'On the canvas ({{count}})',
    expand: 'Expand {{name}}',
    more: 'and {{count}} more',
  },
  status: {
    loading: 'Loading …',
    loaded: '{{count}} entries loaded.',
    truncated: 'Truncated – there are more neighbours.',
    failed: 'Loading failed.',
  },
  asOf: {
    label: 'As of',
    today: 'today (all facts)',
    reset: 'Today',
  },
  path: {
    region: 'Path search',
    title: 'Find a connection',
    hint: 'Select an entry to find its connection to another.',
    to: 'From {{name}} to …',
    found_one: '{{count}} shortest path in {{steps}} steps to {{to}}.',
    found_other: '{{count}} shortest paths in {{steps}} steps to {{to}}.',
    none: 'No connection to {{to}} within 6 steps.',
    clear: 'Hide path',
  },
  export: { region: 'Export', title: 'Export' },
  filters: { title: 'Filters', kinds: 'Kinds of entries', types: 'Kinds of relations' },
  history: { undo: 'Undo', redo: 'Redo' },
  timeline: {
    region: 'Timeline',
    title: 'Timeline of events',
    undated: 'undated',
    qualifier: { EXACT: '{{date}}', ON_OR_BEFORE: 'by {{date}}', ON_OR_AFTER: 'from {{date}}' },
  },
};

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
});

export { i18next };
