import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import type { CommitInfo } from '../plan/history.js';
import { type GitFailure, runGit } from './git-run.js';

/** One version of a file: the commit (null: the working copy), the blob (the same blob is the same text), its text, and its parents' indexes. */
export interface FileVersion {
  commit: CommitInfo | null;
  blob: string;
  text: string;
  parents: number[];
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/**
 * The versions of a file in git, parents before children (`git log --topo-order --parents` of
 * the file, reversed: history simplified to the commits that changed it, each with the versions
 * it was made from); then the working copy when it differs from HEAD's version. A renamed file's
 * history starts at the rename. PlanError when git is missing, the file is not in a repository,
 * or it was never committed.
 */
export async function fileVersions(file: string, opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<FileVersion[]> {
  const path = resolve(opts.cwd, file);
  const cwd = dirname(path);
  const run = (args: string[]) => runGit(args, cwd, opts.env);
  let prefix: string;
  try {
    prefix = (await run(['rev-parse', '--show-prefix'])).trim();
  } catch (e) {
    throw new PlanError(`${file}: ${(e as GitFailure).code === 'ENOENT' ? m.git.noGit : m.git.notRepo}`);
  }
  const log = await run(['log', '--topo-order', '--parents', `--format=${RECORD}%H %P${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%s`, '--', `./${basename(path)}`]).catch((e: GitFailure) => {
    // A repository without commits yet.
    if (/does not have any commits|bad default revision/i.test(e.message)) return '';
    throw new PlanError(`${file}: ${m.git.failed(e.message)}`);
  });
  const commits = log
    .split(RECORD)
    .filter((r) => r.trim())
    .map((r) => {
      const [hashes = '', author = '', email = '', date = '', subject = ''] = r.replace(/\n+$/, '').split(FIELD);
      const [hash = '', ...parents] = hashes.trim().split(' ');
      return { commit: { hash, author, email, date, subject }, parents };
    })
    .reverse();
  if (!commits.length) throw new PlanError(`${file}: ${m.git.neverCommitted}`);
  const at = new Map(commits.map((c, i) => [c.commit.hash, i]));
  const blobs = await catBlobs(commits.map((c) => `${c.commit.hash}:${prefix}${basename(path)}`), cwd, opts.env);
  const versions: FileVersion[] = commits.map((c, i) => ({
    commit: c.commit,
    ...(blobs[i] ?? { blob: '', text: '' }),
    parents: c.parents.map((h) => at.get(h)).filter((p): p is number => p !== undefined),
  }));
  // The commit git log gave first is the newest one HEAD has of the file.
  const head = versions.length - 1;
  const working = readWorking(path);
  if (working !== undefined && working !== versions[head]!.text) versions.push({ commit: null, blob: '', text: working, parents: [head] });
  return versions;
}

function readWorking(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch {
    return undefined; // deleted in the working copy: its history is still there
  }
}

/** Blobs by `<commit>:<path>`, through one `git cat-file --batch`; undefined where git has none. */
function catBlobs(names: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<({ blob: string; text: string } | undefined)[]> {
  return new Promise((ok, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => fail(new PlanError(m.git.failed(e.message))));
    child.on('close', (code) => {
      if (code !== 0) return fail(new PlanError(m.git.failed(stderr.trim() || `git cat-file: exit ${code}`)));
      const out = Buffer.concat(chunks);
      const blobs: ({ blob: string; text: string } | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < names.length; i++) {
        const eol = out.indexOf(10, at);
        if (eol < 0) break;
        const [blob = '', type, size] = out.subarray(at, eol).toString('latin1').split(' ');
        at = eol + 1;
        if (type !== 'blob' || size === undefined) {
          blobs.push(undefined); // "<name> missing", or not a file there
          if (type !== undefined && size !== undefined) at += Number(size) + 1;
          continue;
        }
        const n = Number(size);
        blobs.push({ blob, text: out.subarray(at, at + n).toString('utf8').replace(/^\ufeff/, '') });
        at += n + 1;
      }
      ok(blobs);
    });
    child.stdin.on('error', () => {}); // git gone early: its exit code says why
    child.stdin.end(names.map((n) => `${n}\n`).join(''));
  });
}
