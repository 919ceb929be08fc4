import type { Page } from 'playwright-core';

export interface CanvasNode {
  id: string;
  /** Where the canvas draws it, relative to the canvas element. */
  x: number;
  y: number;
  /** Where it stands in the graph's own coordinates (what the URL keeps). */
  mx: number;
  my: number;
  visible: boolean;
  classes: string[];
}

/** Waits until the canvas shows `count` nodes (or any, without a count) and no layout is running. */
export async function settled(page: Page, count?: number): Promise<void> {
  await page.waitForFunction((n) => {
    const canvas = window.govgraphCanvas;
    if (!canvas?.settled()) return false;
    const shown = canvas.nodes().length;
    return n === undefined ? shown > 0 : shown === n;
  }, count);
}

/** The canvas's nodes once it has settled. */
export async function canvasNodes(page: Page, count?: number): Promise<CanvasNode[]> {
  await settled(page, count);
  return (await page.evaluate(() => window.govgraphCanvas?.nodes() ?? [])) as CanvasNode[];
}

export function nodeById(nodes: readonly CanvasNode[], id: string): CanvasNode {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`${id} is not on the canvas (${nodes.map((n) => n.id).join(', ')})`);
  return node;
}

/** Page coordinates of a node, for the mouse. */
export async function onScreen(page: Page, node: CanvasNode): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no box');
  return { x: box.x + node.x, y: box.y + node.y };
}
