/**
 * The one MiniSearch configuration: used to build the index (worker, CLI,
 * benchmark) and to search it. Keeping it in one place is what makes the
 * query side tokenize exactly like the index side.
 */
import type { Options } from 'minisearch';
import { tokenize } from './segment.ts';

/** What MiniSearch indexes for one unit: both fields are marked text (see segment.ts). */
export interface IndexedDoc {
  /** Position of the unit in the index file's `units`. */
  id: number;
  /** The unit's own heading, marked. */
  h: string;
  /** The unit's text, marked. */
  x: string;
}

export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: ['h', 'x'],
  storeFields: [],
  // Terms are words, Latin/number tokens and bigrams, already normalized by tokenize().
  tokenize,
  processTerm: (term) => term,
  searchOptions: {
    // A heading hit says more about what a unit is about than a body hit.
    boost: { h: 2 },
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
  },
};
