import { policyDocument, PolicyDocumentJson, StatementJson } from '../policy-json';
import { minifiedSize } from '../size-budget';


/**
 * Characters a minified document adds around its statements:
 * `{"Version":"2012-10-17","Statement":[` ... `]}`.
 */
export const DOCUMENT_OVERHEAD = minifiedSize(policyDocument([]));

/** Minified size of one statement as it appears inside a document. */
export function statementSize(statement: StatementJson): number {
  return JSON.stringify(statement).length;
}

/** Minified size of a document holding these statements (one comma between each two). */
export function packedSize(sizes: readonly number[]): number {
  return DOCUMENT_OVERHEAD + sizes.reduce((a, b) => a + b, 0) + Math.max(0, sizes.length - 1);
}

/** The posture as it will be deployed: one document per SCP slot it takes. */
export interface PackedPosture {
  /** One document per SCP, statements in their original order within each. */
  readonly documents: PolicyDocumentJson[];
  /** Minified size of each document. */
  readonly sizes: number[];
  /** Statements that do not fit any SCP of the limit even alone (Sid and size). */
  readonly tooLarge: Array<{ readonly sid: string; readonly size: number }>;
}

/** Branch-and-bound gives up after this many placements and keeps first-fit decreasing. */
const SEARCH_BUDGET = 200_000;

/**
 * Splits a policy's statements over the fewest documents of at most `limit`
 * characters each, every statement kept whole (a statement cut in two would
 * change what it denies). With the 10 to 20 statements of a posture an exact
 * search is cheap: first-fit decreasing gives an upper bound, then a
 * depth-first search over bin counts from the lower bound finds the fewest.
 * When one document suffices the statements stay exactly as given. Within each
 * document statements keep their original order, so AWS's verbatim statements
 * read as they do in AWS's documentation.
 */
export function packStatements(
  statements: readonly StatementJson[], limit: number, sizeOf: (s: StatementJson) => number = statementSize,
): PackedPosture {
  if (statements.length === 0) return { documents: [policyDocument([])], sizes: [DOCUMENT_OVERHEAD], tooLarge: [] };
  const sizes = statements.map(sizeOf);
  const oversize = statements.flatMap((s, i) => (DOCUMENT_OVERHEAD + sizes[i] > limit ? [{ sid: s.Sid, size: DOCUMENT_OVERHEAD + sizes[i] }] : []));
  if (oversize.length > 0) return { documents: [], sizes: [], tooLarge: oversize };
  if (packedSize(sizes) <= limit) {
    return { documents: [policyDocument(statements)], sizes: [packedSize(sizes)], tooLarge: [] };
  }
  const bins = bestPacking(sizes, limit);
  const documents = bins.map((bin) => policyDocument(bin.map((i) => statements[i])));
  return { documents, sizes: bins.map((bin) => packedSize(bin.map((i) => sizes[i]))), tooLarge: [] };
}

/** Each bin's content is the sum of its statements' sizes plus a comma each; the capacity allows for the overhead. */
function bestPacking(sizes: readonly number[], limit: number): number[][] {
  // A bin of k statements uses overhead + sum + (k - 1): charge each statement
  // one comma and give the bin one more character of room.
  const capacity = limit - DOCUMENT_OVERHEAD + 1;
  const weights = sizes.map((s) => s + 1);
  const order = weights.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  const upper = firstFitDecreasing(order, weights, capacity);
  const total = weights.reduce((a, b) => a + b, 0);
  const lower = Math.ceil(total / capacity);
  let best = upper;
  let budget = SEARCH_BUDGET;
  for (let k = lower; k < best.length && budget > 0; k++) {
    const found = fitInto(k, order, weights, capacity, () => --budget > 0);
    if (found) {
      best = found;
      break;
    }
  }
  return best.map((bin) => [...bin].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

function firstFitDecreasing(order: readonly number[], weights: readonly number[], capacity: number): number[][] {
  const bins: number[][] = [];
  const loads: number[] = [];
  for (const i of order) {
    const b = loads.findIndex((l) => l + weights[i] <= capacity);
    if (b >= 0) {
      bins[b].push(i);
      loads[b] += weights[i];
    } else {
      bins.push([i]);
      loads.push(weights[i]);
    }
  }
  return bins;
}

/** Depth-first placement of the items, largest first, into exactly `k` bins; undefined when none exists (or the budget ran out). */
function fitInto(k: number, order: readonly number[], weights: readonly number[], capacity: number, step: () => boolean): number[][] | undefined {
  const bins: number[][] = Array.from({ length: k }, () => []);
  const loads = new Array<number>(k).fill(0);
  const place = (n: number): boolean => {
    if (n === order.length) return true;
    const i = order[n];
    const tried = new Set<number>();
    for (let b = 0; b < k; b++) {
      // Bins with the same load are interchangeable: try one of them.
      if (tried.has(loads[b]) || loads[b] + weights[i] > capacity) continue;
      tried.add(loads[b]);
      if (!step()) return false;
      bins[b].push(i);
      loads[b] += weights[i];
      if (place(n + 1)) return true;
      bins[b].pop();
      loads[b] -= weights[i];
    }
    return false;
  };
  return place(0) ? bins : undefined;
}
