/** The canvas's layouts: fcose (force-directed), dagre (hierarchy), concentric (rings by degree). */
export const LAYOUTS = ['fcose', 'dagre', 'concentric'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Where an entity stands on the canvas, in model coordinates. */
export type Position = readonly [x: number, y: number];
