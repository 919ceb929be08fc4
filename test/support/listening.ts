import { createGraphPubSub, type GraphPubSub } from '../../server/services/live/pubsub.js';

/**
 * The in-process channel for live updates, telling how many subscriptions listen on it: a test opens a stream,
 * waits until one more listens, then changes the graph (instead of sleeping and hoping).
 */
export class ListenedChannel extends EventTarget {
  #listening = 0;
  #waiting: Array<{ done: (listening: number) => boolean; resolve: () => void }> = [];
  readonly pubsub: GraphPubSub = createGraphPubSub(this);

  get listening(): number {
    return this.#listening;
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    super.addEventListener(...args);
    this.#listening += 1;
    this.#wake();
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    super.removeEventListener(...args);
    this.#listening -= 1;
    this.#wake();
  }

  /** Resolves once at least `count` subscriptions listen. */
  until(count: number): Promise<void> {
    return this.#when((listening) => listening >= count);
  }

  /** Resolves once at most `count` subscriptions listen (the others have ended). */
  untilAtMost(count: number): Promise<void> {
    return this.#when((listening) => listening <= count);
  }

  #when(done: (listening: number) => boolean): Promise<void> {
    if (done(this.#listening)) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push({ done, resolve }));
  }

  #wake(): void {
    const ready = this.#waiting.filter((w) => w.done(this.#listening));
    this.#waiting = this.#waiting.filter((w) => !w.done(this.#listening));
    for (const waiter of ready) waiter.resolve();
  }
}
