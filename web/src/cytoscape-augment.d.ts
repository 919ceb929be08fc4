import 'cytoscape';

/** What cytoscape-svg adds to every Cytoscape instance. */
declare module 'cytoscape' {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
    /** Cytoscape's canvas renderer; it reads these options (init options of the same names) on every frame. */
    renderer(): ViewportDrawing;
  }

  /** How the canvas renderer draws while the view is panned or zoomed. */
  interface ViewportDrawing {
    /** Move a picture of the graph taken when panning or zooming starts, instead of drawing every frame anew. */
    textureOnViewport: boolean;
    /** Leave relations out meanwhile. */
    hideEdgesOnViewport: boolean;
    /** The hit test Cytoscape's own mouse handling uses (model coordinates). */
    findNearestElement?(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): SingularElementReturnValue;
  }
}
