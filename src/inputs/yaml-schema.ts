// The scalars of YAML 1.1 as CloudFormation reads them. AWS documented its YAML as "the YAML Version
// 1.1 specification with a few exceptions": no binary, omap, pairs, set or timestamp tags, no
// aliases, no hash merges (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html,
// the "YAML" section of the page until 2024). So `yes`/`on`/`off` are booleans, `0755` is octal,
// `1:30` is sexagesimal, and `2010-09-09` stays text. The plain-scalar rules are PyYAML's (the
// reader cfn-lint and the AWS CLI use), which the `yaml` package's own 1.1 schema does not match:
// it also takes `y`/`n` as booleans and reads `054676820928` (an account id) as a number.
import type { ScalarTag } from 'yaml';

const BOOL_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const BOOL_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Tags AWS lists as unsupported; an explicit `!!binary` (and the rest) makes the template unreadable to CloudFormation. */
export const UNSUPPORTED_TAGS = new Set(['binary', 'omap', 'pairs', 'set', 'timestamp'].map((t) => `tag:yaml.org,2002:${t}`));

function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** `[-+]` sign and the digits after it, underscores dropped (YAML 1.1 allows `1_000`). */
function signed(text: string): [sign: number, digits: string] {
  const t = text.replace(/_/g, '');
  return t[0] === '-' ? [-1, t.slice(1)] : [1, t[0] === '+' ? t.slice(1) : t];
}

function resolveInt(text: string): number {
  const [sign, d] = signed(text);
  if (d === '0') return 0;
  if (d.startsWith('0b')) return sign * parseInt(d.slice(2), 2);
  if (d.startsWith('0x')) return sign * parseInt(d.slice(2), 16);
  if (d[0] === '0') return sign * parseInt(d, 8);
  if (d.includes(':')) return sign * sexagesimal(d);
  return sign * Number(d);
}

function resolveFloat(text: string): number {
  const [sign, d] = signed(text.toLowerCase());
  if (d === '.inf') return sign * Infinity;
  if (d === '.nan') return NaN;
  if (d.includes(':')) return sign * sexagesimal(d);
  return sign * Number(d);
}

const scalar = (tag: string, test: RegExp, resolve: (text: string) => unknown): ScalarTag => ({ tag: `tag:yaml.org,2002:${tag}`, default: true, test, resolve });

/** Scalar tags to add to the `failsafe` schema (which holds only map, seq and str). */
export const cloudFormationScalars: ScalarTag[] = [
  scalar('null', NULL, () => null),
  scalar('bool', BOOL_TRUE, () => true),
  scalar('bool', BOOL_FALSE, () => false),
  scalar('int', INT, resolveInt),
  scalar('float', FLOAT, resolveFloat),
];
