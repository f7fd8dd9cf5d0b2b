/**
 * The release pipeline (.github/workflows/release.yml) cannot run here (no
 * Electron binary, no network): its syntax and structure are checked with
 * GitHub's own workflow parser (@actions/workflow-parser), and what the
 * pipeline promises (docs/deployment.md) is read off the parsed jobs.
 */
import { readFileSync } from 'node:fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';

const FILE = '.github/workflows/release.yml';
const parse = (content: string) => parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());

describe('release workflow', () => {
  it("parses without an error in GitHub's workflow parser, and the parser refuses a broken one", async () => {
    const content = readFileSync(FILE, 'utf8');
    const result = parse(content);
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => j.id.toString())).toEqual(['build', 'release']);
    // So that passing means something: the same file with a misspelt key fails.
    const broken = parse(content.replace('runs-on: ${{ matrix.os }}', 'run-on: ${{ matrix.os }}'));
    expect(broken.context.errors.getErrors().length).toBeGreaterThan(0);
  });

  it('builds and tests on Linux (under xvfb), Windows and macOS, and attaches installers with their SHA-256 sums', () => {
    const text = readFileSync(FILE, 'utf8');
    expect(text).toMatch(/tags: \['v\*'\]/);
    expect(text).toMatch(/os: \[ubuntu-[\d.]+, windows-[\d]+, macos-[\d]+\]/);
    expect(text).toMatch(/xvfb-run --auto-servernum npm test/);
    expect(text).toMatch(/npm run dist -- --publish never/);
    expect(text).toMatch(/sha256sum -c SHA256SUMS\.txt/);
    expect(text).toMatch(/gh release upload/);
    // The tests run before the installers are built (a failing suite attaches nothing).
    expect(text.indexOf('npm test')).toBeLessThan(text.indexOf('npm run dist'));
  });
});
