// `data "aws_iam_policy_document"` → the IAM policy document it renders, so its statements,
// principals and conditions are read like any written policy. Arguments as the AWS provider
// documents them (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document):
// `statement` blocks with sid, effect (default Allow), actions / not_actions, resources /
// not_resources, `principals` / `not_principals` blocks (type, identifiers) and `condition` blocks
// (test, variable, values). The JSON elements are those of the IAM policy grammar
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
// `source_policy_documents` / `override_policy_documents` merge other documents: the result is
// then unknown rather than a partial document.
import { unknownValue } from '../../../model/types.js';
import { isRecord, own, setOwn } from '../../../util/objects.js';
import type { HclBlock } from './syntax.js';
import type { Evaluated, ExpressionEvaluator } from './evaluate.js';
import { evaluateBody } from './body.js';
import { leaf, withChildren, type RangeNode } from './ranges.js';

/** The data source this file renders (a data source, not a resource type: the catalog does not list it). */
export const POLICY_DOCUMENT = 'aws_iam_policy_document';

export function policyDocument(block: HclBlock, ev: ExpressionEvaluator): Evaluated {
  const merged = block.body.attributes.find((a) => a.name === 'source_policy_documents' || a.name === 'override_policy_documents' || a.name === 'source_json' || a.name === 'override_json');
  if (merged) return { value: unknownValue(`the policy document merges ${merged.name}, which kmslint does not combine`), node: leaf(block.span) };
  const body = evaluateBody(block.body, block.span, ev);
  const statements = own(body.value, 'statement');
  const nodes = body.node.children?.get('statement')?.children;
  const out: unknown[] = [];
  const outNodes = new Map<string | number, RangeNode>();
  (Array.isArray(statements) ? statements : []).forEach((s, i) => {
    const node = nodes?.get(i) ?? leaf(block.span);
    outNodes.set(i, statementNode(node));
    out.push(isRecord(s) ? statement(s) : s);
  });
  const version = own(body.value, 'version');
  const doc: Record<string, unknown> = { Version: typeof version === 'string' ? version : '2012-10-17', Statement: out };
  const children = new Map<string | number, RangeNode>([['Statement', withChildren(body.node.children?.get('statement')?.span ?? block.span, outNodes)]]);
  return { value: doc, node: withChildren(block.span, children) };
}

const RENAMED: [string, string][] = [
  ['sid', 'Sid'],
  ['effect', 'Effect'],
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
  ['principals', 'Principal'],
  ['not_principals', 'NotPrincipal'],
  ['condition', 'Condition'],
];

function statement(s: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const sid = own(s, 'sid');
  if (sid !== undefined) setOwn(out, 'Sid', sid);
  setOwn(out, 'Effect', own(s, 'effect') ?? 'Allow');
  for (const [from, to] of [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
    const v = own(s, from);
    if (v !== undefined) setOwn(out, to, v);
  }
  for (const [from, to] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const blocks = own(s, from);
    if (Array.isArray(blocks)) setOwn(out, to, principals(blocks));
  }
  const conditions = own(s, 'condition');
  if (Array.isArray(conditions)) setOwn(out, 'Condition', conditionMap(conditions));
  return out;
}

/** `principals { type = "*", identifiers = ["*"] }` is the policy's `"Principal": "*"`. */
function principals(blocks: unknown[]): unknown {
  const out: Record<string, unknown[]> = {};
  for (const b of blocks) {
    const type = own(b, 'type');
    const ids = own(b, 'identifiers');
    if (typeof type !== 'string') return unknownValue('a principals block whose type Terraform computes');
    const list: unknown[] = Array.isArray(ids) ? (ids as unknown[]) : [ids];
    if (type === '*' && list.every((x) => x === '*')) return '*';
    const existing = own(out, type);
    setOwn(out, type, [...(Array.isArray(existing) ? (existing as unknown[]) : []), ...list]);
  }
  return out;
}

function conditionMap(blocks: unknown[]): unknown {
  const out: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    const test = own(b, 'test');
    const variable = own(b, 'variable');
    if (typeof test !== 'string' || typeof variable !== 'string') return unknownValue('a condition block Terraform computes');
    const values = own(b, 'values');
    const byTest = own(out, test);
    const entry: Record<string, unknown> = isRecord(byTest) ? byTest : {};
    setOwn(entry, variable, values);
    setOwn(out, test, entry);
  }
  return out;
}

/** The statement's range node, its children renamed as the document names them. */
function statementNode(node: RangeNode): RangeNode {
  const children = new Map<string | number, RangeNode>();
  for (const [from, to] of RENAMED) {
    const c = node.children?.get(from);
    if (!c) continue;
    // Blocks are lists; the document holds one value for them, located at the first block.
    children.set(to, from === 'principals' || from === 'not_principals' || from === 'condition' ? (c.children?.get(0) ?? c) : c);
  }
  return { ...node, children };
}
