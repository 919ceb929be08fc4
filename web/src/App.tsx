import { useCallback, useMemo, useState } from 'react';
import { ApiError, type EntitySummary, fetchNeighborhood } from './api.js';
import { Details, EntityList } from './components/Details.js';
import { SearchBox } from './components/SearchBox.js';
import { EMPTY_GRAPH, type GraphData, mergeNeighborhood } from './graph/elements.js';
import { GraphCanvas } from './graph/GraphCanvas.js';
import { KIND_STYLES } from './graph/kinds.js';

export function App() {
  const [graph, setGraph] = useState<GraphData>(EMPTY_GRAPH);
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  const expand = useCallback(async (id: string, label: string) => {
    setStatus(`Lade Nachbarn von ${label} …`);
    setError(null);
    try {
      const hood = await fetchNeighborhood([id]);
      setAnchorId(id);
      setGraph((current) => mergeNeighborhood(current, hood));
      setStatus(
        `${label}: ${hood.nodes.length - 1} Nachbarn geladen${hood.truncated ? ' (gekürzt, es gibt weitere)' : ''}.`,
      );
    } catch (e) {
      setStatus('');
      setError(e instanceof ApiError ? e.message : 'Laden fehlgeschlagen.');
    }
  }, []);

  const choose = useCallback(
    (entity: EntitySummary) => {
      setSelectedId(entity.id);
      void expand(entity.id, entity.name);
    },
    [expand],
  );
  const expandById = useCallback(
    (id: string) => void expand(id, graph.nodes.get(id)?.name ?? id),
    [expand, graph.nodes],
  );
  const nodes = useMemo(() => [...graph.nodes.values()].sort((a, b) => a.name.localeCompare(b.name, 'de')), [graph]);

  return (
    <div className="app">
      <header>
        <h1>GovGraph</h1>
        <p className="tagline">Wer macht was in der digitalen Verwaltung?</p>
        <SearchBox onChoose={choose} />
      </header>
      <main>
        <div className="stage">
          <GraphCanvas
            graph={graph}
            selectedId={selectedId}
            anchorId={anchorId}
            onExpand={expandById}
            onSelect={setSelectedId}
          />
          {graph.nodes.size === 0 && <p className="empty">Suchen Sie oben nach einem Eintrag, um zu beginnen.</p>}
          <ul className="legend" aria-label="Legende">
            {Object.values(KIND_STYLES).map((kind) => (
              <li key={kind.label}>
                <span className="swatch" style={{ background: kind.color }} aria-hidden="true" /> {kind.label}
              </li>
            ))}
          </ul>
        </div>
        <aside>
          <p className="status" role="status" aria-live="polite">
            {status}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <Details graph={graph} selectedId={selectedId} />
          <EntityList nodes={nodes} selectedId={selectedId} onSelect={setSelectedId} onExpand={expandById} />
        </aside>
      </main>
    </div>
  );
}
