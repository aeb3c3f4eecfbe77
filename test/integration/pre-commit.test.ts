// The pre-commit hook (.pre-commit-hooks.yaml) installed and run by the real pre-commit framework,
// the way a user's repository gets it: pre-commit clones this repository, runs `npm install`,
// `npm pack` (which builds) and `npm install -g` of the tarball, then runs `kmslint` on the files.
//
// The hook repository is a snapshot commit of this working tree (tracked files plus untracked ones
// git does not ignore). `pre-commit try-repo <this repo>` on a dirty tree commits only staged and
// modified tracked files into its shadow repository (`git add -u`), so a new, not yet committed
// file — a new module, or the hook manifest itself — would be missing and the test would exercise
// something other than what is here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const FAILING = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AlertsTopic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  AlertsTopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref AlertsTopic]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::444455556666:root" }
            Action: sns:Publish
            Resource: !Ref AlertsTopic
`;
const PASSING = `{
  "Resources": {
    "JobsKey": {
      "Type": "AWS::KMS::Key",
      "DeletionPolicy": "Retain",
      "UpdateReplacePolicy": "Retain",
      "Properties": { "EnableKeyRotation": true }
    },
    "JobsQueue": { "Type": "AWS::SQS::Queue", "Properties": { "KmsMasterKeyId": { "Ref": "JobsKey" } } }
  }
}
`;

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'kmslint test',
  GIT_AUTHOR_EMAIL: 'test@kmslint.invalid',
  GIT_COMMITTER_NAME: 'kmslint test',
  GIT_COMMITTER_EMAIL: 'test@kmslint.invalid',
};

// npm sets npm_* variables for the `npm run` this suite runs under (among them local_prefix =
// this repository); the hook's own npm must see none of them. Network and cache settings stay.
const KEPT_NPM_SETTINGS = /^npm_config_(registry|cache|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;

let root = '';
let env: NodeJS.ProcessEnv = {};
let hookRepo = '';
let project = '';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function git(args: string[], cwd: string): string {
  const result = run('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** A one-commit git repository holding the files of this working tree that git would see. */
function snapshotWorkingTree(target: string): void {
  const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0');
  for (const file of listed) {
    if (!file) continue;
    const source = join(ROOT, file);
    let stat;
    try {
      stat = lstatSync(source);
    } catch {
      continue; // deleted in the working tree, still in the index
    }
    if (!stat.isFile() && !stat.isSymbolicLink()) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(source, join(target, file), { verbatimSymlinks: true });
  }
  git(['init', '-q'], target);
  git(['add', '-A'], target);
  git(['commit', '-q', '-m', 'snapshot of the working tree'], target);
}

function tryRepo(files: string[]): SpawnSyncReturns<string> {
  return run('pre-commit', ['try-repo', hookRepo, 'kmslint', '--color', 'never', '--files', ...files], project);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kmslint-pre-commit-'));
  const inherited = Object.entries(process.env).filter(
    ([k]) => !(/^npm_/i.test(k) && !KEPT_NPM_SETTINGS.test(k)) && !/^(INIT_CWD|FORCE_COLOR|NO_COLOR|GIT_DIR|GIT_WORK_TREE|GIT_INDEX_FILE)$/.test(k),
  );
  env = {
    ...Object.fromEntries(inherited),
    ...GIT_IDENTITY,
    // pre-commit's store and log, and the temporary directories try-repo makes, all under root.
    PRE_COMMIT_HOME: join(root, 'pre-commit-home'),
    TMPDIR: join(root, 'tmp'),
    // The hook's npm install may use npm's cache before the registry (the registry is the only
    // network the install needs).
    npm_config_prefer_offline: 'true',
  };
  mkdirSync(join(root, 'tmp'));

  const version = run('pre-commit', ['--version'], root);
  if (version.status !== 0) throw new Error('pre-commit is not installed (scripts/install-integration-deps.sh installs it)');

  hookRepo = join(root, 'hook-repo');
  snapshotWorkingTree(hookRepo);

  project = join(root, 'project');
  mkdirSync(join(project, 'templates'), { recursive: true });
  writeFileSync(join(project, 'templates/topic.yaml'), FAILING);
  writeFileSync(join(project, 'templates/queue.json'), PASSING);
  writeFileSync(join(project, 'package.json'), '{ "name": "app", "version": "1.0.0" }\n');
  mkdirSync(join(project, 'infra'));
  writeFileSync(join(project, 'infra/main.tf'), 'resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = "alias/aws/sns"\n}\n');
  writeFileSync(join(project, 'infra/terraform.tfvars'), 'region = "eu-west-1"\n');
  git(['init', '-q'], project);
  git(['add', '-A'], project);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('pre-commit hook', () => {
  it('fails a commit holding a template with an error, naming the file, position, resource and rule', () => {
    const result = tryRepo(['templates/topic.yaml', 'templates/queue.json', 'package.json']);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/^kmslint\.+Failed$/m);
    expect(output).toContain('- hook id: kmslint\n- exit code: 1\n');
    expect(output).toMatch(/^templates\/topic\.yaml\n\s+6:7\s+error\s+AlertsTopic\s/m);
    expect(output).toContain('cross-account-aws-managed-key');
    // The passing template has nothing to say; package.json is skipped silently (--ignore-unknown).
    expect(output).not.toContain('queue.json');
    expect(output).not.toContain('not a recognised template');
  });

  it('lints a staged Terraform HCL file at its line and column; its tfvars file is read with it, not as an input', () => {
    const result = tryRepo(['infra/main.tf', 'infra/terraform.tfvars']);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/^kmslint\.+Failed$/m);
    expect(output).toMatch(/^infra\/main\.tf\n\s+3:3\s+error\s+aws_sqs_queue\.jobs\s/m);
    expect(output).toContain('aws-managed-key-wrong-service');
    expect(output).not.toContain('terraform.tfvars');
  });

  it('passes the passing template with an unrelated package.json', () => {
    const result = tryRepo(['templates/queue.json', 'package.json']);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/^kmslint\.+Passed$/m);
    expect(output).not.toContain('cross-account-aws-managed-key');
  });
});
