// Every row of src/catalog/families/, in one list for the catalog lookup.
import type { CatalogRow } from '../types.js';
import { group1Rows } from './group-1.js';
import { group2Rows } from './group-2.js';
import { group3Rows } from './group-3.js';

export const familyRows: readonly CatalogRow[] = [...group1Rows, ...group2Rows, ...group3Rows];
