import { foldGerman } from '../../../shared/fold.js';
import { type EntityKind, RELATION_INFO, type RelationType, relationAllowed } from '../../../shared/vocabulary.js';
import type { Mention } from './mentions.js';
import { portfolioOf } from './names.js';
import type { TitleClass } from './people.js';
import { overlapsAny, scan } from './scan.js';

/**
 * Candidate facts of one sentence. Each rule needs words in the sentence
 * that state the relation — an office ("Landrat des Salzlandkreises"), a
 * verb ("verwies auf", "betonte", "berät") or a noun ("Mitglied",
 * "Gastgeber") — and the entities at both ends in the same sentence.
 * Nothing is inferred across sentences.
 */

export type Confidence = 'high' | 'medium' | 'low';

/**
 * What in the sentence a fact rests on, so a client can say it in its own language: a title naming the
 * body (TITLE_NAMES) or an office of it (TITLE_OFFICE_OF), a title and the only fitting place (TITLE_ONLY_PLACE),
 * a verb or noun (CUE; CUE_PASSIVE with the agent after "von"), quotation marks (QUOTATION), an event and a
 * place (EVENT_PLACE), "X in Y" (LOCATED). `text` is the words of the sentence it rests on.
 */
export type FactBasisKind =
  | 'TITLE_NAMES'
  | 'TITLE_OFFICE_OF'
  | 'TITLE_ONLY_PLACE'
  | 'CUE'
  | 'CUE_PASSIVE'
  | 'QUOTATION'
  | 'EVENT_PLACE'
  | 'LOCATED';
export const FACT_BASIS_KINDS: readonly FactBasisKind[] = [
  'TITLE_NAMES',
  'TITLE_OFFICE_OF',
  'TITLE_ONLY_PLACE',
  'CUE',
  'CUE_PASSIVE',
  'QUOTATION',
  'EVENT_PLACE',
  'LOCATED',
];

export interface FactCandidate {
  readonly type: RelationType;
  readonly from: Mention;
  readonly to: Mention;
  readonly role: string | null;
  readonly reason: string;
  readonly basis: { readonly kind: FactBasisKind; readonly text: string };
  readonly confidence: Confidence;
}

type AgentRule = 'subject' | 'after' | 'all' | 'quote';
/** any: anywhere in the sentence; clause: in the clauses of the agent and the cue. */
type TargetRule = 'any' | 'clause' | 'after' | 'before' | 'firstAfter';

interface Cue {
  readonly type: RelationType;
  readonly cue: RegExp;
  readonly agents: AgentRule;
  readonly targets: TargetRule;
  /** Kinds at the far end, a subset of what the vocabulary allows. */
  readonly targetKinds: readonly EntityKind[];
  readonly agentKinds?: readonly EntityKind[];
  readonly confidence: Confidence;
}

const word = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
/** A separable verb: "lehnt … ab", "nahm … teil", within one clause. */
const separable = (stem: string, particle: string) => `${stem}\\s(?:[^,.;:]*?\\s)?${particle}`;
/** The kinds the cue rules below propose as what a fact is about: the vocabulary's subjects without regions and people. */
const PROPOSED_TOPICS: readonly EntityKind[] = ['LAW', 'INITIATIVE', 'EVENT', 'ORGANIZATION'];
const SPEECH =
  'sagte|sagt|sagten|betonte|betont|betonten|erklärte|erklärt|erklärten|sprach|sprachen|spricht|sprechen|' +
  'unterstrich|unterstreicht|meinte|meint|forderte|fordert|forderten|warnte|warnt|kritisierte|kritisiert|' +
  'berichtete|berichtet|berichteten|äußerte|äußert|hob|hebt';

/** In order: a pair one cue has stated is not stated again by a later, weaker one. */
const CUES: readonly Cue[] = [
  {
    type: 'REFERS_TO',
    cue: word(separable('verw(?:ies|eist|iesen|eisen)', 'auf')),
    agents: 'subject',
    targets: 'after',
    targetKinds: PROPOSED_TOPICS,
    confidence: 'medium',
  },
  {
    type: 'ADVISES',
    cue: word('berät|beraten|beriet|berieten'),
    agents: 'subject',
    targets: 'after',
    targetKinds: ['ORGANIZATION', 'PERSON', 'REGION'],
    confidence: 'medium',
  },
  {
    type: 'MEMBER_OF',
    cue: word('Mitglied|Mitglieder|Mitgliedern'),
    agents: 'subject',
    targets: 'firstAfter',
    targetKinds: ['ORGANIZATION'],
    confidence: 'medium',
  },
  {
    // A vote against a law: "stimmte gegen das Gesetz", "verweigerte die Zustimmung".
    type: 'OPPOSES',
    // "stimmte der Bundesrat gegen …": the voter may stand between the verb and "gegen".
    cue: word(`${separable('stimm(?:t|te|ten)', 'gegen')}|votierte[n]? gegen|verweigert\\p{L}*|Gegenstimmen`),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['LAW'],
    confidence: 'medium',
  },
  {
    // A vote for a law: "Der Landtag verabschiedete das Gesetz", "stimmte der Bundesrat dem Gesetz zu".
    type: 'SUPPORTS',
    cue: word(
      `verabschiede(?:t|te|ten)|${separable('stimm(?:t|te|ten|en)', 'zu')}|zugestimmt|billigt\\p{L}*|gebilligt|stimmte[n]? dafür|${separable('stimm(?:t|te|ten)', 'für')}`,
    ),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['LAW'],
    confidence: 'medium',
  },
  {
    // "Dataport gehört govdigital an", "dem Verbund Dataport beizutreten", "Mitglied der …".
    type: 'MEMBER_OF',
    cue: word(
      `${separable('gehör(?:t|te|ten|en)', 'an')}|angehör\\p{L}*|beizutreten|beitreten|beigetreten|tritt\\s+[^,.;]*?\\s+bei|trat\\s+[^,.;]*?\\s+bei`,
    ),
    agents: 'subject',
    // "govdigital, der Dataport angehört": the body joined may stand before the relative clause.
    targets: 'any',
    targetKinds: ['ORGANIZATION'],
    confidence: 'medium',
  },
  {
    // "hat den Vorsitz der Vitako abgegeben", "steht an der Spitze des Landesamts", "leitet das Landesamt",
    // "geleitet wird der Rat von …": an office at the body named next.
    type: 'HOLDS_OFFICE_AT',
    cue: word(
      '(?:[Dd]en|[Dd]er|[Dd]em|[Ii]m|[Vv]om)\\s+Vorsitz|[Aa]n\\s+der\\s+Spitze|[Aa]n\\s+die\\s+Spitze|leitet|leitete|[Gg]eleitet|führt|führte|[Aa]ngeführt',
    ),
    agents: 'subject',
    targets: 'firstAfter',
    targetKinds: ['ORGANIZATION'],
    confidence: 'medium',
  },
  {
    type: 'OPPOSES',
    cue: word(`${separable('lehn(?:t|te|ten|en)', 'ab')}|ablehn\\p{L}*|abgelehnt`),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['LAW', 'INITIATIVE'],
    confidence: 'medium',
  },
  {
    type: 'SUPPORTS',
    cue: word('unterstütz\\p{L}*|förder(?:t|te|ten|n)|gefördert|begrüß\\p{L}*|befürwort\\p{L}*'),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['LAW', 'INITIATIVE', 'ORGANIZATION'],
    confidence: 'medium',
  },
  {
    // "Das Ministerium verantwortet das Programm", "zuständig für das Portal", "federführend", "betreibt".
    type: 'RESPONSIBLE_FOR',
    cue: word(
      'verantwortet|verantworten|verantwortete|verantwortlich|zuständig|federführend|betreibt|betreiben|betrieb',
    ),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['INITIATIVE', 'LAW'],
    confidence: 'medium',
  },
  {
    type: 'IMPLEMENTS',
    cue: word(`${separable('setz(?:t|te|ten|en)', 'um')}|umsetz\\p{L}*|umgesetzt`),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['LAW', 'INITIATIVE'],
    confidence: 'medium',
  },
  {
    type: 'HOSTED',
    cue: word(
      `Gastgeber|Gastgeberin|${separable('lud(?:en)?', 'ein')}|${separable('richtete(?:n)?', 'aus')}|veranstaltete`,
    ),
    agents: 'subject',
    targets: 'clause',
    targetKinds: ['EVENT'],
    confidence: 'medium',
  },
  {
    type: 'PARTICIPATED_IN',
    cue: word(`${separable('nahm(?:en)?', 'teil')}|teilnehm\\p{L}*|teilgenommen|anwesend|beteiligt\\p{L}*`),
    agents: 'all',
    targets: 'clause',
    targetKinds: ['EVENT', 'INITIATIVE'],
    confidence: 'medium',
  },
  {
    type: 'CONCERNS',
    cue: word('im Fokus|im Mittelpunkt|Schwerpunkt\\p{L}*|befass\\p{L}*|betrifft|betreffen|betraf|zum Thema'),
    agents: 'subject',
    agentKinds: ['EVENT', 'LAW', 'INITIATIVE'],
    targets: 'clause',
    targetKinds: PROPOSED_TOPICS,
    confidence: 'low',
  },
  {
    type: 'SPOKE_ABOUT',
    cue: word(SPEECH),
    agents: 'subject',
    targets: 'any',
    targetKinds: PROPOSED_TOPICS,
    confidence: 'medium',
  },
  {
    type: 'SPOKE_ABOUT',
    cue: /,\s*so(?=\s)/gu,
    agents: 'after',
    targets: 'before',
    targetKinds: PROPOSED_TOPICS,
    confidence: 'medium',
  },
  {
    type: 'SPOKE_ABOUT',
    cue: /[„"»]/gu,
    agents: 'quote',
    targets: 'any',
    targetKinds: PROPOSED_TOPICS,
    confidence: 'low',
  },
];

/** Where the office of someone with this title is held, when the sentence names only one such place. */
/** An organisation's type: the graph's, or the one its name says for a new one. */
const orgTypeOf = (m: Mention) => m.entity?.orgType ?? m.type ?? null;

const OFFICE_PLACES: Record<TitleClass, (m: Mention) => boolean> = {
  MINISTER: (m) => orgTypeOf(m) === 'MINISTRY',
  STATE_SECRETARY: (m) => orgTypeOf(m) === 'MINISTRY',
  HEAD_OF_GOVERNMENT: (m) => m.entity?.level === 'LAND',
  LANDRAT: (m) =>
    (m.entity?.level === 'KREIS' && !/stadt/i.test(m.entity.kreisType ?? '')) || m.entity?.orgType === 'ADMINISTRATION',
  MAYOR: (m) =>
    m.entity?.level === 'GEMEINDE' ||
    /stadt/i.test(m.entity?.kreisType ?? '') ||
    m.entity?.orgType === 'ADMINISTRATION',
  PRESIDENT: (m) => m.kind === 'ORGANIZATION' && orgTypeOf(m) !== 'MINISTRY' && orgTypeOf(m) !== 'PARTY',
  CIO: (m) => m.entity?.level === 'LAND' || m.entity?.level === 'BUND',
  SENATOR: (m) => m.entity?.level === 'LAND',
  HEAD: (m) => m.kind === 'ORGANIZATION' && orgTypeOf(m) !== 'PARTY',
  POLITICIAN: (m) => orgTypeOf(m) === 'PARLIAMENT',
  ACADEMIC: () => false,
};

/** "in Mainz", "aus dem Salzlandkreis", "im Süden Sachsen-Anhalts": where, not who or what. */
const LOCATIVE =
  /(?:^|[^\p{L}])(?:in|im|aus|nach|bei|beim)\s+(?:(?:der|dem|den|die|das)\s+)?(?:(?:Süden|Norden|Osten|Westen|Südwesten|Südosten|Nordwesten|Nordosten|Herzen|Zentrum)\s+)?$/iu;
const PASSIVE_AGENT = /(?:^|[^\p{L}])(?:von|vom|durch)\s+(?:(?:der|dem|den|die|das)\s+)?$/iu;
const PASSIVE = word('wird|werden|wurde|wurden|worden');
/** "A, B und der C": joined names; ", der …" after a name starts a relative clause instead. */
const COORDINATED = /^\s*,\s*$|^\s*,?\s*(?:und|sowie)\s+(?:(?:der|die|das|dem|den)\s+)?$/u;
const CLAUSE_BREAK = /[,;:–—()]/gu;

export function sentenceFacts(text: string, mentions: readonly Mention[]): FactCandidate[] {
  const facts: FactCandidate[] = [];
  const add = (fact: FactCandidate) => {
    if (fact.from.key === fact.to.key || !relationAllowed(fact.type, fact.from.kind, fact.to.kind)) return;
    if (facts.some((f) => f.from.key === fact.from.key && f.to.key === fact.to.key)) return;
    facts.push(fact);
  };
  for (const fact of officeFacts(text, mentions)) add(fact);
  for (const fact of partyFacts(text, mentions)) add(fact);
  const textual = mentions.filter((m) => !m.derived);
  const sentence = textual[0]?.sentence ?? mentions[0]?.sentence;
  if (!sentence) return facts;
  const before = (m: Mention) => text.slice(Math.max(sentence.start, m.start - 30), m.start);
  const offices = mentions.flatMap((m) => (m.office ? [m.office.span] : []));
  const free = textual.filter(
    (m) => !LOCATIVE.test(before(m)) && !offices.some((o) => m.start >= o.start && m.end <= o.end),
  );
  const clauses = clauseBounds(text, sentence.start, sentence.end, textual);
  const passive = scan(PASSIVE, text, sentence.start, sentence.end).length > 0;
  let spoke = false;
  for (const rule of CUES) {
    if (rule.agents === 'quote' && spoke) continue;
    for (const m of scan(rule.cue, text, sentence.start, sentence.end)) {
      // A separable verb ("lehnte … ab") stands where its first word is.
      const words = m[0].replace(/^,\s*/, '').split(/\s+/);
      const first = /^,/.test(m[0]) ? m[0] : (words[0] ?? '');
      const cue = {
        start: m.index,
        end: m.index + first.length,
        text: words.length > 2 && rule.agents !== 'after' ? `${words[0]} … ${words.at(-1)}` : words.join(' '),
      };
      if (overlapsAny(textual, cue)) continue;
      // „Digitale Modellregionen“: quotation marks around a name are not quoted speech.
      if (rule.agents === 'quote' && textual.some((x) => x.start >= cue.end && x.start <= cue.end + 1)) continue;
      if (rule.agents === 'quote') cue.text = 'quotation marks';
      const agentKinds = rule.agentKinds ?? RELATION_INFO[rule.type].from;
      const agentsPool = free.filter((x) => agentKinds.includes(x.kind));
      const byPassive =
        passive && rule.agents === 'subject' ? agentsPool.filter((x) => PASSIVE_AGENT.test(before(x))) : [];
      const agents = byPassive.length > 0 ? byPassive : pickAgents(rule.agents, agentsPool, cue, clauses, text);
      const targets = pickTargets(
        byPassive.length > 0 ? 'any' : rule.targets,
        free,
        rule.targetKinds,
        cue,
        agents,
        clauses,
      );
      for (const from of agents) {
        for (const to of targets) {
          // A party or the body one speaks for is who speaks, not what is spoken about.
          if (
            (rule.type === 'SPOKE_ABOUT' || rule.type === 'REFERS_TO') &&
            (orgTypeOf(to) === 'PARTY' || from.office?.target?.mention.key === to.key)
          )
            continue;
          if (rule.type === 'SPOKE_ABOUT' || rule.type === 'REFERS_TO') spoke = true;
          const how = byPassive.length > 0 ? `„${cue.text}“ with the agent after „von“` : `„${cue.text}“`;
          add({
            type: rule.type,
            from,
            to,
            role: null,
            reason: `${from.name} ${RELATION_INFO[rule.type].en} ${to.name}: ${how} in the same sentence.`,
            basis: {
              kind: rule.agents === 'quote' ? 'QUOTATION' : byPassive.length > 0 ? 'CUE_PASSIVE' : 'CUE',
              text: cue.text,
            },
            confidence: rule.confidence,
          });
        }
      }
    }
  }
  for (const fact of placeFacts(text, textual, before)) add(fact);
  for (const fact of eventFacts(mentions, before)) add(fact);
  return facts;
}

/**
 * A new event the sentence reports (see eventOf): what it concerns (the laws named), who took part (the bodies
 * and people named beside it) and where it took place ("in Mainz").
 */
function eventFacts(mentions: readonly Mention[], before: (m: Mention) => string): FactCandidate[] {
  const event = mentions.find((m) => m.kind === 'EVENT' && m.entity === null && m.derived);
  if (!event) return [];
  const facts: FactCandidate[] = [];
  const fact = (type: RelationType, from: Mention, to: Mention, why: string): FactCandidate => ({
    type,
    from,
    to,
    role: null,
    reason: `${from.name} ${RELATION_INFO[type].en} ${to.name}: ${why}.`,
    basis: { kind: 'CUE', text: event.matched },
    confidence: 'low',
  });
  for (const m of uniqueByKey(mentions.filter((x) => x !== event && !x.derived))) {
    if (m.kind === 'LAW' || m.kind === 'INITIATIVE') {
      facts.push(fact('CONCERNS', event, m, `„${event.matched}“ and ${m.name} in the same sentence`));
    } else if (m.kind === 'REGION' && m.entity?.level !== 'BUND' && LOCATIVE.test(before(m))) {
      facts.push(
        fact(
          'TOOK_PLACE_IN',
          event,
          m,
          `„${event.matched}“ and „${before(m).trim().split(/\s+/).at(-1)} ${m.matched}“`,
        ),
      );
    } else if (m.kind === 'ORGANIZATION' && m.key === event.of && event.type === 'MEETING') {
      // "Sitzung des Digitalrats": the body whose meeting it is holds it.
      facts.push(fact('HOSTED', m, event, `„${event.matched}“ is a meeting of ${m.name}`));
    } else if (
      m.kind === 'PERSON' ||
      (m.kind === 'ORGANIZATION' && ['PARLIAMENT', 'COUNCIL', 'ASSOCIATION'].includes(orgTypeOf(m) ?? ''))
    ) {
      facts.push(fact('PARTICIPATED_IN', m, event, `named in the sentence that reports „${event.matched}“`));
    }
  }
  return facts;
}

/** "Frank Baranowski (Gelsenkirchen)": the place or body in brackets right after a person's name. */
function placeInBrackets(text: string, person: Mention, mentions: readonly Mention[]): Mention | null {
  const next = mentions.find((m) => m.start >= person.end && !m.derived);
  if (!next || next.kind === 'PERSON' || !/^\s*\(\s*$/u.test(text.slice(person.end, next.start))) return null;
  return /^\s*\)/u.test(text.slice(next.end, next.end + 3)) ? next : null;
}

function bracketedOffice(person: Mention, place: Mention, title: string, role: string | null): FactCandidate {
  return {
    type: 'HOLDS_OFFICE_AT',
    from: person,
    to: place,
    role,
    reason: `${person.name} is named as ${title} with ${place.name} in brackets after the name.`,
    basis: { kind: 'TITLE_NAMES', text: `${title} … (${place.matched})` },
    confidence: 'medium',
  };
}

/** A title named once for several people joined by "und", and where the last of them ends. */
interface SharedTitle {
  readonly title: string;
  readonly role: string | null;
  readonly until: number;
}

function officeFacts(text: string, mentions: readonly Mention[]): FactCandidate[] {
  const facts: FactCandidate[] = [];
  // "die Oberbürgermeister A (X) und B (Y)": B shares the title of the name joined to it.
  let shared: SharedTitle | null = null;
  for (const person of mentions) {
    const office = person.office;
    const bracketed = person.kind === 'PERSON' ? placeInBrackets(text, person, mentions) : null;
    if (!office && person.kind === 'PERSON' && shared) {
      const place = bracketed;
      const current: SharedTitle = shared;
      if (place && /^\s*\)?\s*(?:,|und|sowie)\s*$/u.test(text.slice(current.until, person.start))) {
        facts.push(bracketedOffice(person, place, current.title, current.role));
        shared = { title: current.title, role: current.role, until: place.end };
      }
    }
    if (!office) continue;
    shared = {
      title: office.title,
      role: office.role,
      until: bracketed?.end ?? person.end,
    };
    const target = office.target;
    if (target) {
      const reason =
        target.how === 'NAMED'
          ? `The title „${office.span.text}“ of ${person.name} names ${target.mention.name}.`
          : `The title „${office.span.text}“ of ${person.name} is an office of the ${target.mention.name}.`;
      // "CSU-Abgeordneter", "Grünen-Politikerin": a member of the party, not an office in it.
      const partisan = office.titleClass === 'POLITICIAN' && target.mention.entity?.orgType === 'PARTY';
      facts.push({
        type: partisan ? 'MEMBER_OF' : 'HOLDS_OFFICE_AT',
        from: person,
        to: target.mention,
        role: partisan ? null : office.role,
        reason,
        basis: { kind: target.how === 'NAMED' ? 'TITLE_NAMES' : 'TITLE_OFFICE_OF', text: office.span.text },
        confidence: 'high',
      });
      continue;
    }
    const fits = OFFICE_PLACES[office.titleClass];
    if (bracketed && (fits(bracketed) || bracketed.kind === 'REGION')) {
      facts.push(bracketedOffice(person, bracketed, office.title, office.role));
      continue;
    }
    const places = uniqueByKey(mentions.filter((m) => !m.derived && m.kind !== 'PERSON' && fits(m)));
    const sameTitle = mentions.filter((m) => m.office?.titleClass === office.titleClass);
    const place = places[0];
    if (place && places.length === 1 && sameTitle.length === 1) {
      facts.push({
        type: 'HOLDS_OFFICE_AT',
        from: person,
        to: place,
        role: office.role,
        reason: `${person.name} is named as ${office.title}, and ${place.name} is the only place of that kind of office in the same sentence.`,
        basis: { kind: 'TITLE_ONLY_PLACE', text: office.title },
        confidence: 'medium',
      });
    }
  }
  return facts;
}

/**
 * "Ministerpräsident Tobias Hans" in an article about the Saarland, which it names in another sentence: the
 * office of a head of government or a senator without a place of its own is in the one Land the article is about.
 */
export function landOfficeFacts(
  mentions: readonly Mention[],
  facts: readonly FactCandidate[],
  land: Mention | undefined,
): FactCandidate[] {
  if (!land) return [];
  const out: FactCandidate[] = [];
  for (const person of uniqueByKey(mentions.filter((m) => m.kind === 'PERSON' && m.office && !m.office.target))) {
    const office = person.office;
    if (!office || (office.titleClass !== 'HEAD_OF_GOVERNMENT' && office.titleClass !== 'SENATOR')) continue;
    if ([...facts, ...out].some((f) => f.type === 'HOLDS_OFFICE_AT' && f.from.key === person.key)) continue;
    out.push({
      type: 'HOLDS_OFFICE_AT',
      from: person,
      to: land,
      role: office.role,
      reason: `${person.name} is named as ${office.title}, in an article about ${land.name} alone.`,
      basis: { kind: 'TITLE_ONLY_PLACE', text: office.title },
      confidence: 'low',
    });
  }
  return out;
}

/**
 * "Gesundheitsminister Jens Spahn" in one sentence, "das Bundesgesundheitsministerium" in another: an office
 * the title names by its portfolio, held at the one ministry of the article with that portfolio in its name.
 */
export function portfolioFacts(
  text: string,
  mentions: readonly Mention[],
  facts: readonly FactCandidate[],
): FactCandidate[] {
  const out: FactCandidate[] = [];
  // "Niedersachsens Finanzminister Peter-Jürgen Schneider": a Land's office, where no ministry of it is named.
  const landBefore = (person: Mention) => {
    const start = person.office?.span.start ?? 0;
    return mentions.find(
      (m) =>
        m.kind === 'REGION' &&
        m.entity?.level === 'LAND' &&
        m.end <= start &&
        // "Nordrhein-Westfalens Wirtschafts- und Digitalminister": a first portfolio joined by "und".
        /^\s*(?:\p{L}+-\s*(?:und|&)\s*)?$/u.test(text.slice(m.end, start)),
    );
  };
  const ministries = uniqueByKey(mentions.filter((m) => orgTypeOf(m) === 'MINISTRY' && m.kind === 'ORGANIZATION'));
  for (const person of mentions) {
    const office = person.office;
    if (!office || office.target || (office.titleClass !== 'MINISTER' && office.titleClass !== 'STATE_SECRETARY'))
      continue;
    if ([...facts, ...out].some((f) => f.type === 'HOLDS_OFFICE_AT' && f.from.key === person.key)) continue;
    const portfolio = portfolioOf(office.title)?.portfolio;
    const fitting = portfolio ? ministries.filter((m) => foldGerman(m.name).includes(portfolio)) : [];
    const ministry = fitting[0];
    if (!ministry || fitting.length !== 1) {
      const land = landBefore(person);
      if (land) {
        out.push({
          type: 'HOLDS_OFFICE_AT',
          from: person,
          to: land,
          role: office.role,
          reason: `„${land.matched} ${office.span.text}“: ${person.name} holds an office of ${land.name}.`,
          basis: { kind: 'TITLE_NAMES', text: `${land.matched} ${office.span.text}` },
          confidence: 'medium',
        });
      }
      continue;
    }
    out.push({
      type: 'HOLDS_OFFICE_AT',
      from: person,
      to: ministry,
      role: office.role,
      reason: `The title „${office.span.text}“ of ${person.name} names the portfolio of ${ministry.name}, the only such ministry in the article.`,
      basis: { kind: 'TITLE_OFFICE_OF', text: office.span.text },
      confidence: 'medium',
    });
  }
  return out;
}

/** "Nancy Faeser (SPD)", "SPD-Politikerin Anna Beispiel": a person and their party. */
function partyFacts(text: string, mentions: readonly Mention[]): FactCandidate[] {
  const facts: FactCandidate[] = [];
  const parties = mentions.filter((m) => m.kind === 'ORGANIZATION' && m.entity?.orgType === 'PARTY');
  for (const person of mentions.filter((m) => m.kind === 'PERSON')) {
    for (const party of parties) {
      const between = party.start >= person.end ? text.slice(person.end, party.start) : null;
      const after = text.slice(party.end, party.end + 2);
      const bracketed =
        between !== null &&
        ((/^\s*\(\s*$/.test(between) && /^\s*[)/,]/.test(after)) || /^\s+von\s+der\s+$/.test(between));
      const prefixed =
        party.end <= person.start &&
        /^-Politiker(?:in)?\s+$|^-(?:Abgeordnete[rn]?|Chef(?:in)?|Vorsitzende[rn]?)\s+$/u.test(
          text.slice(party.end, person.start),
        );
      // "Für die Grünen hatte der Abgeordnete Jürgen Frömmrich …": a member of parliament speaking for the party.
      const speaking =
        party.end <= person.start &&
        /(?:^|[^\p{L}])für\s+(?:die|den)\s+$/iu.test(text.slice(Math.max(0, party.start - 12), party.start)) &&
        person.office?.titleClass === 'POLITICIAN' &&
        !/[.;:]/u.test(text.slice(party.end, person.start));
      if (!bracketed && !prefixed && !speaking) continue;
      const written = bracketed
        ? `${person.matched} (${party.matched})`
        : speaking
          ? `für ${party.matched} … ${person.office?.title ?? ''} ${person.matched}`
          : text.slice(party.start, person.end);
      facts.push({
        type: 'MEMBER_OF',
        from: person,
        to: party,
        role: null,
        reason: `„${written}“: ${person.name} is a member of ${party.name}.`,
        basis: { kind: 'CUE', text: written },
        confidence: 'high',
      });
    }
  }
  return facts;
}

/** "Das Treffen in Bernburg": an event and where it took place; "der Kreativraum im Salzlandkreis": where something is. */
function placeFacts(text: string, mentions: readonly Mention[], before: (m: Mention) => string): FactCandidate[] {
  const facts: FactCandidate[] = [];
  const places = mentions.filter((m) => m.kind === 'REGION' && LOCATIVE.test(before(m)));
  for (const event of mentions.filter((m) => m.kind === 'EVENT')) {
    for (const place of places) {
      facts.push({
        type: 'TOOK_PLACE_IN',
        from: event,
        to: place,
        role: null,
        reason: `${event.name} and „${before(place).trim().split(/\s+/).at(-1)} ${place.matched}“ in the same sentence.`,
        basis: { kind: 'EVENT_PLACE', text: `${before(place).trim().split(/\s+/).at(-1)} ${place.matched}` },
        confidence: 'medium',
      });
    }
  }
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (next?.kind !== 'REGION' || !(m.kind === 'ORGANIZATION' || m.kind === 'INITIATIVE' || m.kind === 'REGION'))
      return;
    const gap = text.slice(m.end, next.start);
    if (!/^\s*(?:in|im|aus)\s+(?:(?:der|dem|den)\s+)?(?:(?:Süden|Norden|Osten|Westen)\s+)?$/u.test(gap)) return;
    // "die Stadt Zeitz im Süden Sachsen-Anhalts": a new town is part of the known region it lies in.
    if (m.kind === 'REGION') {
      if (m.entity || !next.entity) return;
      facts.push({
        type: 'PART_OF',
        from: m,
        to: next,
        role: null,
        reason: `„${m.matched}${gap}${next.matched}“: ${m.name} lies in ${next.name}.`,
        basis: { kind: 'LOCATED', text: `${m.matched}${gap}${next.matched}` },
        confidence: 'medium',
      });
      return;
    }
    facts.push({
      type: 'LOCATED_IN',
      from: m,
      to: next,
      role: null,
      reason: `„${m.matched}${gap}${next.matched}“: ${m.name} is in ${next.name}.`,
      basis: { kind: 'LOCATED', text: `${m.matched}${gap}${next.matched}` },
      confidence: 'medium',
    });
  });
  // "der Ausschuss für Digitales des Deutschen Bundestages", "die Abteilung DV des Innenministeriums": a unit of a body.
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (m.kind !== 'ORGANIZATION' || next?.kind !== 'ORGANIZATION' || m.entity) return;
    if (!UNIT.test(m.name) || orgTypeOf(next) === 'PARTY') return;
    const gap = text.slice(m.end, next.start);
    if (!/^\s+(?:des|der)\s+(?:\p{Lu}\p{Ll}+e[nmrs]?\s+)?$/u.test(gap)) return;
    facts.push({
      type: 'PART_OF',
      from: m,
      to: next,
      role: null,
      reason: `„${m.matched}${gap}${next.matched}“: ${m.name} is a unit of ${next.name}.`,
      basis: { kind: 'LOCATED', text: `${m.matched}${gap}${next.matched}` },
      confidence: 'medium',
    });
  });
  return facts;
}

/** Names of the units bodies have: committees, departments, offices, boards. */
const UNIT =
  /^(?:\p{L}+-)?(?:Ausschuss|Unterausschuss|Abteilung|Referat|Stabsstelle|Arbeitsgruppe|Arbeitskreis|Beirat|Kommission|Enquete-Kommission|Fraktion|Landesbetrieb)\b/u;

function uniqueByKey(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.key) && Boolean(seen.add(m.key)));
}

/** The sentence cut at commas, dashes, colons and brackets that are not inside a name. */
function clauseBounds(text: string, start: number, end: number, mentions: readonly Mention[]): number[] {
  const cuts = [start];
  for (const m of scan(CLAUSE_BREAK, text, start, end)) {
    if (!overlapsAny(mentions, { start: m.index, end: m.index + 1 })) cuts.push(m.index);
  }
  cuts.push(end);
  return cuts;
}

function clauseOf(clauses: readonly number[], at: number): [number, number] {
  for (let i = 1; i < clauses.length; i += 1) {
    const from = clauses[i - 1] ?? 0;
    const to = clauses[i] ?? 0;
    if (at >= from && at < to) return [from, to];
  }
  return [clauses[0] ?? 0, clauses.at(-1) ?? 0];
}

function pickAgents(
  rule: AgentRule,
  pool: readonly Mention[],
  cue: { start: number; end: number },
  clauses: readonly number[],
  text: string,
): Mention[] {
  if (rule === 'all') return uniqueByKey(pool);
  // pool is in text order: [0, split) before the cue, [split, …) after it.
  const split = firstAtOrAfter(pool, cue.end);
  const lastBefore = (from: number, keep: (m: Mention) => boolean) => {
    for (let i = split - 1; i >= 0; i -= 1) {
      const m = pool[i];
      if (!m || m.start < from) return undefined;
      if (m.end <= cue.start && keep(m)) return i;
    }
    return undefined;
  };
  const firstAfter = pool[split];
  if (rule === 'after') return firstAfter ? [firstAfter] : [];
  const nearest = lastBefore(0, () => true);
  if (rule === 'quote') return [nearest === undefined ? firstAfter : pool[nearest]].filter((m) => m !== undefined);
  const [from, to] = clauseOf(clauses, cue.start);
  const isPerson = (m: Mention) => m.kind === 'PERSON';
  const at =
    lastBefore(from, isPerson) ??
    lastBefore(from, () => true) ??
    (firstAfter && firstAfter.end <= to ? split : undefined) ??
    lastBefore(0, isPerson) ??
    nearest;
  const agent = at === undefined ? undefined : pool[at];
  if (at === undefined || !agent) return [];
  // "Thüringen und der Bitkom sprachen …": those joined to the subject by "und" or a comma speak too.
  const agents = [agent];
  const joined = (a: Mention | undefined, b: Mention | undefined) =>
    a !== undefined && b !== undefined && COORDINATED.test(text.slice(a.end, b.start));
  for (let i = at + 1; i < pool.length; i += 1) {
    const next = pool[i];
    if (!next || !joined(pool[i - 1], next)) break;
    agents.push(next);
  }
  for (let i = at - 1; i >= 0; i -= 1) {
    const previous = pool[i];
    if (!previous || !joined(previous, pool[i + 1])) break;
    agents.push(previous);
  }
  return uniqueByKey(agents);
}

/** The index of the first mention that starts at or after `offset`, in a list in text order. */
function firstAtOrAfter(list: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pickTargets(
  rule: TargetRule,
  pool: readonly Mention[],
  kinds: readonly EntityKind[],
  cue: { start: number; end: number },
  agents: readonly Mention[],
  clauses: readonly number[],
): Mention[] {
  const keys = new Set(agents.map((a) => a.key));
  const fitting = pool.filter((m) => kinds.includes(m.kind) && !keys.has(m.key));
  const spans = [cue, ...agents].map((x) => clauseOf(clauses, x.start));
  const from = Math.min(...spans.map(([a]) => a));
  const to = Math.max(...spans.map(([, b]) => b));
  const chosen =
    rule === 'clause'
      ? fitting.filter((m) => m.start >= from && m.end <= to)
      : rule === 'after'
        ? fitting.filter((m) => m.start >= cue.end)
        : rule === 'before'
          ? fitting.filter((m) => m.end <= cue.start)
          : rule === 'firstAfter'
            ? fitting.filter((m) => m.start >= cue.end).slice(0, 1)
            : fitting;
  return uniqueByKey(chosen);
}
