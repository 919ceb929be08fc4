import { useTranslation } from 'react-i18next';
import type { GraphData } from '../graph/elements.js';
import { download, toCsv, toGraphML, toJsonExport, toSvgExport } from '../graph/exports.js';
import type { CanvasHandle } from '../graph/GraphCanvas.js';

interface Props {
  readonly graph: GraphData;
  readonly canvas: { current: CanvasHandle | null };
}

/** Export the picture (PNG, SVG) and the data (JSON, GraphML, CSV) of what the canvas shows. */
export function ExportMenu({ graph, canvas }: Props) {
  const { t } = useTranslation();
  const empty = graph.nodes.size === 0;
  const name = (ext: string) => `govgraph-${new Date().toISOString().slice(0, 10)}.${ext}`;
  const formats: Array<[label: string, run: () => void | Promise<void>]> = [
    [
      'PNG',
      async () => {
        const blob = await canvas.current?.png();
        if (blob) download(name('png'), blob, 'image/png');
      },
    ],
    [
      'SVG',
      () => {
        const svg = canvas.current?.svg();
        if (svg) download(name('svg'), toSvgExport(svg), 'image/svg+xml');
      },
    ],
    ['JSON', () => download(name('json'), toJsonExport(graph), 'application/json')],
    ['GraphML', () => download(name('graphml'), toGraphML(graph), 'application/graphml+xml')],
    ['CSV', () => download(name('csv'), toCsv(graph), 'text/csv;charset=utf-8')],
  ];
  return (
    <section className="export" aria-label={t('export.region')}>
      <h2>{t('export.title')}</h2>
      <div className="buttons">
        {formats.map(([label, run]) => (
          <button key={label} type="button" disabled={empty} onClick={() => void run()}>
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
