import type { EntitySummary } from '../api.js';
import type { GraphData } from './elements.js';

export interface TimelineItem {
  readonly id: string;
  readonly name: string;
  readonly date: { readonly date: string; readonly qualifier: string } | null;
}

function dateOf(entity: EntitySummary): TimelineItem['date'] {
  return 'date' in entity && entity.date ? { date: entity.date.date, qualifier: entity.date.qualifier } : null;
}

/** The events on the canvas in date order; undated ones last, by name. */
export function timelineOf(graph: GraphData): TimelineItem[] {
  return [...graph.nodes.values()]
    .filter((node) => node.kind === 'EVENT')
    .map((node) => ({ id: node.id, name: node.name, date: dateOf(node) }))
    .sort((a, b) => {
      if (a.date && b.date && a.date.date !== b.date.date) return a.date.date < b.date.date ? -1 : 1;
      if (a.date && !b.date) return -1;
      if (!a.date && b.date) return 1;
      return a.name.localeCompare(b.name, 'de');
    });
}
