// What one Terraform module declares, gathered from all its files before anything is evaluated:
// variables, locals, resources, data sources, module calls and outputs, each with the file and
// block it comes from. Terraform reads every `*.tf` / `*.tf.json` of a directory as one module
// (https://developer.hashicorp.com/terraform/language/files).
import type { Expr, HclBlock, HclBody } from './syntax.js';

export interface Declared<T> {
  value: T;
  /** Index of the file in the module's file list. */
  file: number;
}

export interface DeclaredBlock {
  /** `aws_s3_bucket.data`, `data.aws_iam_policy_document.key`, `module.kms`. */
  address: string;
  type: string;
  name: string;
  mode?: 'data' | 'module';
  block: HclBlock;
  file: number;
}

export interface ModuleDeclarations {
  /** Each variable's default, and its `nullable` argument when it is written. */
  variables: Map<string, Declared<Expr | undefined> & { nullable?: Expr }>;
  locals: Map<string, Declared<Expr>>;
  blocks: Map<string, DeclaredBlock>;
  outputs: Map<string, Declared<Expr>>;
  providers: Declared<HclBlock>[];
}

export function emptyDeclarations(): ModuleDeclarations {
  return { variables: new Map(), locals: new Map(), blocks: new Map(), outputs: new Map(), providers: [] };
}

/** Add one file's top-level body; the first declaration of a name counts (as in the JSON reader). */
export function declare(into: ModuleDeclarations, body: HclBody, file: number): void {
  for (const b of body.blocks) {
    const [a, c] = b.labels;
    switch (b.type) {
      case 'resource':
        if (a && c) add(into, { address: `${a}.${c}`, type: a, name: c, block: b, file });
        break;
      case 'data':
        if (a && c) add(into, { address: `data.${a}.${c}`, type: a, name: c, mode: 'data', block: b, file });
        break;
      case 'module':
        if (a) add(into, { address: `module.${a}`, type: 'module', name: a, mode: 'module', block: b, file });
        break;
      case 'variable':
        if (a && !into.variables.has(a)) {
          const nullable = b.body.attributes.find((x) => x.name === 'nullable')?.expr;
          into.variables.set(a, { value: b.body.attributes.find((x) => x.name === 'default')?.expr, file, ...(nullable ? { nullable } : {}) });
        }
        break;
      case 'locals':
        for (const attr of b.body.attributes) if (!into.locals.has(attr.name)) into.locals.set(attr.name, { value: attr.expr, file });
        break;
      case 'output': {
        const v = b.body.attributes.find((x) => x.name === 'value');
        if (a && v && !into.outputs.has(a)) into.outputs.set(a, { value: v.expr, file });
        break;
      }
      case 'provider':
        if (a === 'aws') into.providers.push({ value: b, file });
        break;
      default:
    }
  }
}

function add(into: ModuleDeclarations, d: DeclaredBlock): void {
  if (!into.blocks.has(d.address)) into.blocks.set(d.address, d);
}
