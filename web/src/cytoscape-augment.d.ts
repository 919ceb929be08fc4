import 'cytoscape';

/** What cytoscape-svg adds to every Cytoscape instance. */
declare module 'cytoscape' {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
