// Catalog rows for key-bearing types beyond the reference service catalog (issue 12, item 7), group 3
// of three: one file per service in this folder, listed here. Facts and sources: each row's `source`.
import type { CatalogRow } from '../types.js';

export const group3Rows: readonly CatalogRow[] = [];
